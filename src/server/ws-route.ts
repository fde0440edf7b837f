import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { LlmAnswerer } from '../answer/llm-answer.js';
import type { Config } from '../config.js';
import type { EngineSource } from '../live-engine.js';
import type { Store } from '../store/index.js';
import { ConnectionCounter, RateLimiter, type QuestionLimiter } from './rate-limit.js';
import { ChatSession } from './session.js';

export type SessionRegistry = Set<ChatSession>;

/**
 * A browser page may open the websocket only from this server's own origin or a listed site;
 * clients that send no Origin (command-line tools, other servers) are not browsers and may.
 */
export function originAllowed(request: FastifyRequest, allowed: string[]): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  const own = `${request.protocol}://${request.headers.host ?? ''}`;
  return origin === own || allowed.includes(origin);
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

  app.get(
    '/ws',
    {
      websocket: true,
      onRequest: async (request, reply) => {
        if (!originAllowed(request, config.allowedOrigins)) {
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
      socket.on('close', () => {
        session.end();
        deps.sessions.delete(session);
        deps.connections.close(request.ip);
      });
      socket.on('error', (error) => request.log.warn({ err: error }, 'websocket error'));
    },
  );
}
