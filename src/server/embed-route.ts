import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { ownOrigins } from './proxy.js';

/**
 * GET /embed: the chat window in compact form, for the widget's iframe. Only allowed sites may frame
 * it: its CSP frame-ancestors lists them (the browser enforces it), and a framing request that
 * names another site as its referrer is refused here too (403) and logged.
 */

export function frameAncestors(allowedOrigins: string[]): string {
  return ["'self'", ...allowedOrigins].join(' ');
}

export function embedPolicy(allowedOrigins: string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors(allowedOrigins)}`,
  ].join('; ');
}

function framingSite(request: FastifyRequest): string | null {
  if (request.headers['sec-fetch-dest'] !== 'iframe') return null;
  const referer = request.headers.referer;
  if (!referer) return null;
  try {
    return new URL(referer).origin;
  } catch {
    return null;
  }
}

export function registerEmbedRoute(app: FastifyInstance, config: Pick<Config, 'allowedOrigins' | 'publicOrigins'>, publicDir: string): void {
  const { allowedOrigins } = config;
  const policy = embedPolicy(allowedOrigins);
  app.get('/embed', async (request, reply) => {
    const site = framingSite(request);
    if (site !== null && !ownOrigins(request, config.publicOrigins).includes(site) && !allowedOrigins.includes(site)) {
      request.log.warn({ site }, 'embed refused: site not in ALLOWED_ORIGINS');
      return reply
        .status(403)
        .header('content-security-policy', "default-src 'none'; frame-ancestors 'none'")
        .type('text/plain; charset=utf-8')
        .send('This site may not embed the chat.');
    }
    // The same page as /, which reads its path and takes the compact form.
    return reply.header('content-security-policy', policy).sendFile('index.html', publicDir);
  });

  // The widget script is loaded by other sites' pages: it must be allowed across origins.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.split('?')[0] === '/widget.js') {
      reply.header('cross-origin-resource-policy', 'cross-origin');
      reply.header('cache-control', 'public, max-age=300');
    }
    return payload;
  });
}
