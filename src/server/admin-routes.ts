import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { todayInChina } from '../corpus/dates.js';
import { DEFAULT_INDEX_DIR } from '../engine.js';
import type { EngineSource, Reloadable } from '../live-engine.js';
import { MAX_LISTING_ROWS, type Store } from '../store/index.js';
import { registerImportRoute } from './admin-import.js';
import { toCsv } from './csv.js';
import { policySummary } from './policy-routes.js';

/**
 * The provider's console: /admin (the page, with its own sign-in form) and /api/admin/* (its data),
 * on only when ADMIN_TOKEN is set — otherwise every one of these paths answers 404, as if it did not
 * exist. The data needs `Authorization: Bearer <token>`, compared in constant time; the token is never
 * put in a URL or a log line. The page's assets hold no data and load without it.
 */

/** Rows a console listing shows: enough to act on, small enough to read. */
const LISTING_ROWS = 200;

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function bearer(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

export interface AdminDeps {
  token: string | null;
  engines: EngineSource;
  /** Rebuilds the index now (POST /api/admin/reload); null for a server started with a fixed index. */
  live: Reloadable | null;
  store: Store;
  indexDir: string | null;
  /** Where the console's page and its compiled script are. */
  pageDir: string;
  scriptDir: string;
}

export function registerAdminRoutes(app: FastifyInstance, deps: AdminDeps): void {
  const { token } = deps;
  if (token === null) return; // the not-found handler answers 404 for every admin path
  const expected = digest(token);
  // Equal-length digests, compared in constant time: the comparison says nothing about the token.
  const authorised = (request: FastifyRequest): boolean => {
    const given = bearer(request);
    return given !== null && timingSafeEqual(digest(given), expected);
  };
  const refuse = (reply: FastifyReply) =>
    reply
      .status(401)
      .header('www-authenticate', 'Bearer realm="policy-qa console"')
      .send({ error: { code: 'unauthorised', message: 'sign in with the console token' } });

  // The page is the sign-in form until the token is given: 401 without it, the same page (no data) either way.
  app.get('/admin', async (request, reply) => {
    if (!authorised(request)) reply.status(401).header('www-authenticate', 'Bearer realm="policy-qa console"');
    return reply.header('cache-control', 'no-store').sendFile('console.html', deps.pageDir, { cacheControl: false });
  });
  app.get('/admin/console.css', async (_request, reply) => reply.sendFile('console.css', deps.pageDir));
  app.get('/admin/console.js', async (_request, reply) => reply.sendFile('admin/console.js', deps.scriptDir));

  void app.register(
    async (api) => {
      api.addHook('onRequest', async (request, reply) => {
        reply.header('cache-control', 'no-store');
        if (!authorised(request)) return refuse(reply);
      });

      api.get('/no-basis', async () => ({ groups: await deps.store.noBasis(LISTING_ROWS) }));
      api.get('/disliked', async () => ({ answers: await deps.store.disliked(LISTING_ROWS) }));
      api.get('/policies', async () => {
        const today = todayInChina();
        return { asOf: today, policies: deps.engines.current().policies.map((p) => ({ ...policySummary(p, today), file: p.source })) };
      });

      registerImportRoute(api, { indexDir: deps.indexDir ?? DEFAULT_INDEX_DIR, live: deps.live });

      api.get<{ Params: { kind: string } }>('/export/:kind', async (request, reply) => {
        const kind = request.params.kind.replace(/\.csv$/, '');
        let csv: string;
        if (kind === 'questions') {
          const rows = await deps.store.questions(MAX_LISTING_ROWS);
          csv = toCsv(
            ['asked_at', 'question', 'region', 'as_of', 'mode', 'no_answer', 'cited', 'latency_ms', 'transport', 'rating', 'comment'],
            rows.map((r) => [r.askedAt, r.question, r.region, r.asOf, r.mode, r.noAnswer, r.citations.map((c) => `${c.policyId}:${c.clause}`).join(' '), r.latencyMs, r.transport, r.rating, r.comment]),
          );
        } else if (kind === 'no-basis') {
          const groups = await deps.store.noBasis(MAX_LISTING_ROWS);
          csv = toCsv(['question', 'count', 'last_asked', 'normalised'], groups.map((g) => [g.example, g.count, g.lastAsked, g.normalised]));
        } else if (kind === 'disliked') {
          const answers = await deps.store.disliked(MAX_LISTING_ROWS);
          csv = toCsv(
            ['given_at', 'question', 'comment', 'mode', 'no_answer', 'cited', 'answer_id'],
            answers.map((a) => [a.givenAt, a.question, a.comment, a.mode, a.noAnswer, a.citations.map((c) => `${c.policyId}:${c.clause}`).join(' '), a.answerId]),
          );
        } else {
          return reply.status(404).send({ error: { code: 'not-found', message: 'export questions, no-basis or disliked' } });
        }
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="policy-qa-${kind}-${todayInChina()}.csv"`)
          .send(csv);
      });

      // Rebuild the index from the policies folder now, and answer when the new one is in use.
      api.post('/reload', async (_request, reply) => {
        if (deps.live === null) return reply.status(409).send({ error: { code: 'not-reloadable', message: 'this server was started with a fixed index' } });
        const result = await deps.live.reload('admin request');
        if (!result.ok) return reply.status(500).send({ error: { code: 'reload-failed', message: result.error } });
        return { changed: result.changed, policies: result.policies, clauses: result.clauses, ms: Math.round(result.ms) };
      });

      // Past the token check, an unknown console path is a 404; before it, a 401 like every other.
      api.all('/*', async (_request, reply) => reply.status(404).send({ error: { code: 'not-found', message: 'no such console route' } }));
    },
    { prefix: '/api/admin' },
  );
}
