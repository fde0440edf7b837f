import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { LlmAnswerer } from '../answer/llm-answer.js';
import type { Config } from '../config.js';
import type { EngineSource } from '../live-engine.js';
import type { Store } from '../store/index.js';
import { ownOrigins } from './proxy.js';
import { ConnectionCounter, RateLimiter, type QuestionLimiter } from './rate-limit.js';
import { ChatSession } from './session.js';

export type SessionRegistry = Set<ChatSession>;

/**
 * A browser page may open the websocket only from this server's own origin (PUBLIC_ORIGIN, or what a
 * trusted proxy says the page was served from) or a listed site; clients that send no Origin
 * (command-line tools, other servers) are not browsers and may.
 */
export function originAllowed(request: FastifyRequest, config: Pick<Config, 'allowedOrigins' | 'publicOrigins'>): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  return ownOrigins(request, config.publicOrigins).includes(origin) || config.allowedOrigins.includes(origin);
}

export function registerWebsocketRoute(
  app: FastifyInstance,
  deps: {
    engines: EngineSource;
    llm: LlmAnswerer | null;
    config: Config;
    store: Store | null;
    ipQuestions: QuestionLimiter;
    sessions: SessionRegistry;
    connections: ConnectionCounter;
  },
): void {
  const { config } = deps;
  const connectionQuestions = new RateLimiter(config.limits.questionsPerMinutePerConnection);
  // Ping every socket; one that did not answer the previous ping (a half-open or frozen client) is
  // closed, so that it stops counting against its address's connections.
  const heartbeat = setInterval(() => {
    for (const session of deps.sessions) session.beat();
  }, config.limits.wsHeartbeatMs);
  heartbeat.unref();
  app.addHook('onClose', async () => clearInterval(heartbeat));

  app.get(
    '/ws',
    {
      websocket: true,
      // Connections have limits of their own (per address, per connection); not the HTTP budget.
      config: { rateLimit: false },
      onRequest: async (request, reply) => {
        if (!originAllowed(request, config)) {
          request.log.warn({ origin: request.headers.origin }, 'websocket refused: origin not allowed');
          return reply.status(403).send({ error: { code: 'forbidden-origin', message: 'this site may not open the chat' } });
        }
      },
    },
    (socket, request) => {
      if (!deps.connections.open(request.ip)) {
        request.log.warn({ ip: request.ip }, 'websocket refused: too many connections from one address');
        socket.close(1013, 'too many connections from this address');
        return;
      }
      const session = new ChatSession(socket, request.ip, {
        engines: deps.engines,
        llm: deps.llm,
        store: deps.store,
        limits: config.limits,
        ipLimiter: deps.ipQuestions,
        connectionLimiter: connectionQuestions,
        log: request.log,
      });
      deps.sessions.add(session);
      // Attached before anything asynchronous, so that no early frame is lost.
      socket.on('message', (data, isBinary) => session.receive(data, isBinary));
      socket.on('pong', () => session.pong());
      socket.on('close', () => {
        session.end();
        deps.sessions.delete(session);
        deps.connections.close(request.ip);
      });
      socket.on('error', (error) => request.log.warn({ err: error }, 'websocket error'));
    },
  );
}
