import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import { originAllowed } from './ws-route.js';

/**
 * GET /api/embed/status: whether the page asking (its Origin) may use the chat. The widget script
 * asks before it opens, so a site that is not on ALLOWED_ORIGINS shows "not authorised" instead
 * of a frame the browser refuses to draw. It tells any site only whether that site itself is allowed.
 */
export function registerWidgetRoutes(app: FastifyInstance, config: Pick<Config, 'allowedOrigins' | 'publicOrigins'>): void {
  app.get('/api/embed/status', async (request, reply) => {
    const allowed = originAllowed(request, config);
    if (!allowed) request.log.warn({ origin: request.headers.origin }, 'widget refused: site not in ALLOWED_ORIGINS');
    return reply
      .header('access-control-allow-origin', '*')
      .header('cross-origin-resource-policy', 'cross-origin')
      .header('cache-control', 'no-store')
      .send({ allowed });
  });
}
