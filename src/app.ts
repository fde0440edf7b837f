import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { fileURLToPath } from 'node:url';
import type { LlmAnswerer } from './answer/llm-answer.js';
import type { Config } from './config.js';
import type { Engine } from './engine.js';
import { fixedEngine, type EngineSource, type Reloadable } from './live-engine.js';
import { registerAdminRoutes } from './server/admin-routes.js';
import { registerApiRoutes, type AnswersInFlight } from './server/api-routes.js';
import { registerEmbedRoute } from './server/embed-route.js';
import { registerFeedbackRoute } from './server/feedback-route.js';
import { registerPolicyRoutes } from './server/policy-routes.js';
import { capConnections, registerProxyAwareness, trustFunction } from './server/proxy.js';
import { ConnectionCounter } from './server/rate-limit.js';
import { createSharedLimits } from './server/shared-limits.js';
import { registerWidgetRoutes } from './server/widget-routes.js';
import { registerWebsocketRoute, type SessionRegistry } from './server/ws-route.js';
import { openStore, type Store } from './store/index.js';

/**
 * The HTTP and websocket application, as a plugin-built Fastify instance that tests can inject into
 * without a port. Listening and shutting down live in server.ts.
 */

export interface AppOptions {
  config: Config;
  /** A fixed engine, or one that is swapped when the policies change (each answer keeps the one it started with). */
  engine: Engine | (EngineSource & Reloadable);
  llm: LlmAnswerer | null;
  logger?: FastifyServerOptions['logger'];
  /** Feedback and the question log; opened from config.store (and closed with the app) when not given. */
  store?: Store;
}

export const WEB_PUBLIC_DIR = fileURLToPath(new URL('../web/public/', import.meta.url));
/** The console's page: served only behind ADMIN_TOKEN, never as a public file. */
export const WEB_ADMIN_DIR = fileURLToPath(new URL('../web/admin/', import.meta.url));
/** The compiled browser scripts (web/src → dist/web/web/src, beside the protocol types they share with src/). */
export const WEB_SCRIPTS_DIR = fileURLToPath(new URL('../dist/web/web/src/', import.meta.url));

export interface ErrorBody {
  error: { code: string; message: string };
}

/** How often the server looks for requests past their timeouts; a fraction of the shortest. */
function checkingInterval(limits: Config['limits']): number {
  return Math.max(100, Math.min(1000, Math.floor(limits.headersTimeoutMs / 4)));
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, llm } = options;
  const live = 'current' in options.engine ? options.engine : null;
  const engines: EngineSource = live ?? fixedEngine(options.engine as Engine);
  const trusted = trustFunction(config.trustProxy);
  const app = Fastify({
    logger: options.logger ?? { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    bodyLimit: config.limits.maxPayloadBytes,
    trustProxy: trusted,
    // A slow body or slow headers get 408 instead of holding a connection for ever.
    requestTimeout: config.limits.requestTimeoutMs,
    http: { headersTimeout: config.limits.headersTimeoutMs, connectionsCheckingInterval: checkingInterval(config.limits) },
    // A number is not a question, and a key nobody defined is an error, not something to drop.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false } },
  });
  capConnections(app.server, config.limits.httpConnectionsPerIp, trusted, app.log);

  const store = options.store ?? (await openStore(config.store, app.log));
  if (!options.store) app.addHook('onClose', () => store.close());

  const sessions: SessionRegistry = new Set();
  const answersInFlight: AnswersInFlight = new Set();
  // With REDIS_URL, every instance counts against one budget per address; otherwise each its own.
  const shared = createSharedLimits({ redisUrl: config.redisUrl, questionsPerMinutePerIp: config.limits.questionsPerMinutePerIp }, app.log);
  app.addHook('onClose', () => shared.close());

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // Served over plain HTTP on a local port too: do not rewrite its own URLs to https.
        upgradeInsecureRequests: null,
      },
    },
    // The embed page is framed by allowed sites; its frame-ancestors says which (CSP), not this.
    frameguard: false,
    crossOriginEmbedderPolicy: false,
    // Sent by registerProxyAwareness, and only over https.
    hsts: false,
  });
  // One request budget per address across every route (the websocket has limits of its own).
  await app.register(fastifyRateLimit, {
    global: true,
    max: config.limits.httpRequestsPerMinute,
    timeWindow: 60_000,
    store: shared.httpStore,
  });
  await app.register(fastifyWebsocket, {
    options: { maxPayload: config.limits.maxPayloadBytes },
    preClose: (done) => {
      // Shutting down: stop every answer, then tell every client to come back later (1001).
      for (const session of sessions) session.end();
      for (const client of app.websocketServer.clients) client.close(1001, 'server shutting down');
      app.websocketServer.close(() => done());
    },
  });
  // After the websocket plugin: its hooks must know an upgrade request for what is refused here to
  // close the socket.
  registerProxyAwareness(app, config);
  // Shutting down: HTTP answers in flight stop their model requests and end with a 503 at once.
  app.addHook('preClose', async () => {
    for (const controller of answersInFlight) controller.abort('shutdown');
  });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return reply.status(500).send({ error: { code: 'internal', message: 'internal error' } } satisfies ErrorBody);
    }
    const code = status === 429 ? 'rate-limited' : status === 413 ? 'too-large' : 'bad-request';
    return reply.status(status).send({ error: { code, message: error.message } } satisfies ErrorBody);
  });
  // Misses count too: scanning for routes spends the same budget.
  app.setNotFoundHandler({ preHandler: app.rateLimit() }, (request, reply) =>
    reply.status(404).send({ error: { code: 'not-found', message: `no route for ${request.method} ${request.url.split('?')[0]}` } }),
  );

  registerApiRoutes(app, { engines, llm, config, ipQuestions: shared.questions, answersInFlight, store });
  registerFeedbackRoute(app, { store, config });
  registerPolicyRoutes(app, { engines, publicDir: WEB_PUBLIC_DIR });
  registerWidgetRoutes(app, config);
  registerAdminRoutes(app, {
    token: config.adminToken,
    engines,
    live,
    store,
    indexDir: config.indexDir,
    pageDir: WEB_ADMIN_DIR,
    scriptDir: WEB_SCRIPTS_DIR,
  });
  registerWebsocketRoute(app, {
    store,
    engines,
    llm,
    config,
    ipQuestions: shared.questions,
    sessions,
    connections: new ConnectionCounter(config.limits.connectionsPerIp),
  });

  await app.register(fastifyStatic, {
    root: [WEB_PUBLIC_DIR, WEB_SCRIPTS_DIR],
    index: ['index.html'],
    wildcard: false,
    // The console's script is served by its own route, only when the console is on.
    globIgnore: ['admin/**'],
  });
  registerEmbedRoute(app, config, WEB_PUBLIC_DIR);
  app.decorate('answersInProgress', () => ({
    connections: sessions.size,
    questionsInFlight: [...sessions].reduce((sum, s) => sum + s.activeQuestions, 0) + answersInFlight.size,
  }));
  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Open websocket conversations and answers being written: what a shutdown interrupts. */
    answersInProgress(): { connections: number; questionsInFlight: number };
  }
}
