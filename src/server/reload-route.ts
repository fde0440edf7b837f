import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ReloadResult } from '../live-engine.js';

/**
 * POST /api/admin/reload: rebuild the index from the policies folder now, and answer when the new
 * one is in use (or why it is not). Only with ADMIN_TOKEN set (otherwise the route does not exist:
 * 404), and only with `Authorization: Bearer <ADMIN_TOKEN>` (otherwise 401).
 */

export interface Reloadable {
  reload(reason: string): Promise<ReloadResult>;
}

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/** Compares hashes, so neither the token's length nor its characters show in the timing. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer\s+(.+)$/i.exec(header ?? '')?.[1]?.trim() ?? '';
  return timingSafeEqual(digest(given), digest(token));
}

export function registerReloadRoute(app: FastifyInstance, deps: { token: string | null; live: Reloadable | null }): void {
  const { token, live } = deps;
  if (token === null) return;
  app.post('/api/admin/reload', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!bearerMatches(request.headers.authorization, token)) {
      return reply.status(401).header('www-authenticate', 'Bearer').send({ error: { code: 'unauthorized', message: 'a valid admin token is needed' } });
    }
    if (live === null) return reply.status(409).send({ error: { code: 'not-reloadable', message: 'this server was started with a fixed index' } });
    const result = await live.reload('admin request');
    if (!result.ok) return reply.status(500).send({ error: { code: 'reload-failed', message: result.error } });
    return { changed: result.changed, policies: result.policies, clauses: result.clauses, ms: Math.round(result.ms) };
  });
}
