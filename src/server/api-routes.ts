import type { FastifyInstance } from 'fastify';
import { answer } from '../answer/answer.js';
import type { LlmAnswerer } from '../answer/llm-answer.js';
import { checkHistory } from '../answer/history.js';
import { checkRequest } from '../answer/request.js';
import type { ErrorCode, NamedAnswer } from '../answer/types.js';
import type { Config } from '../config.js';
import { policyStatus, todayInChina } from '../corpus/dates.js';
import type { EngineSource } from '../live-engine.js';
import type { Store } from '../store/index.js';
import { recorded } from '../store/record.js';
import type { QuestionLimiter } from './rate-limit.js';

/** Abort controllers of the HTTP answers being written; a shutdown aborts them with reason 'shutdown'. */
export type AnswersInFlight = Set<AbortController>;

const STATUS_OF: Record<ErrorCode, number> = {
  'bad-request': 400,
  'bad-question': 400,
  'question-too-long': 400,
  'bad-region': 400,
  'bad-date': 400,
  'bad-history': 400,
  'rate-limited': 429,
  'llm-failed': 502,
  cancelled: 499,
  internal: 500,
};

const askBody = {
  type: 'object',
  required: ['question'],
  additionalProperties: false,
  properties: {
    question: { type: 'string' },
    region: { type: ['string', 'null'] },
    asOf: { type: ['string', 'null'] },
    // Checked item by item by checkHistory, like the websocket's.
    history: { type: ['array', 'null'] },
  },
} as const;

const SHUTTING_DOWN = { error: { code: 'unavailable', message: 'the server is restarting; please ask again in a moment' } };

/**
 * POST /api/ask, GET /api/policies, GET /api/health. Every route counts against the address's one
 * HTTP budget (HTTP_REQUESTS_PER_MINUTE, registered globally in app.ts).
 */
export function registerApiRoutes(
  app: FastifyInstance,
  deps: {
    engines: EngineSource;
    llm: LlmAnswerer | null;
    config: Config;
    ipQuestions: QuestionLimiter;
    answersInFlight: AnswersInFlight;
    store: Store | null;
  },
): void {
  const { engines, llm } = deps;

  app.post<{ Body: { question: string; region?: string | null; asOf?: string | null; history?: unknown } }>(
    '/api/ask',
    { schema: { body: askBody }, attachValidation: true },
    async (request, reply) => {
      if (request.validationError) {
        return reply.status(400).send({ error: { code: 'bad-request', message: `invalid request: ${request.validationError.message}` } });
      }
      // The engine this answer uses from start to end, even if the policies are reloaded meanwhile.
      const engine = engines.current();
      const check = checkRequest(request.body, engine.retriever);
      if (!check.ok) return reply.status(STATUS_OF[check.code]).send({ error: { code: check.code, message: check.message } });
      const history = checkHistory(request.body.history);
      if (!history.ok) return reply.status(400).send({ error: { code: 'bad-history', message: history.message } });
      if (!(await deps.ipQuestions.take(request.ip))) {
        return reply.status(429).send({ error: { code: 'rate-limited', message: 'too many questions; please wait a moment' } });
      }
      const controller = new AbortController();
      // A client that hangs up stops the answer (and any model request) with it.
      reply.raw.on('close', () => {
        if (!reply.raw.writableFinished) controller.abort();
      });
      deps.answersInFlight.add(controller);
      try {
        let result: NamedAnswer | null = null;
        const events = answer(check.request, { engine, llm, signal: controller.signal, log: request.log, history: history.history ?? [] });
        for await (const event of recorded(events, { store: deps.store, request: check.request, transport: 'http', log: request.log })) {
          if (event.type === 'done') result = event.answer;
          if (event.type === 'error') {
            if (controller.signal.reason === 'shutdown') return reply.status(503).header('retry-after', '5').send(SHUTTING_DOWN);
            return reply.status(STATUS_OF[event.code]).send({ error: { code: event.code, message: event.message } });
          }
        }
        return result;
      } finally {
        deps.answersInFlight.delete(controller);
      }
    },
  );

  app.get('/api/policies', async () => {
    const today = todayInChina();
    const engine = engines.current();
    return {
      asOf: today,
      policies: engine.policies.map((p) => ({
        id: p.id,
        title: p.title,
        docNumber: p.docNumber,
        issuer: p.issuer,
        region: p.region,
        issued: p.issued,
        validFrom: p.validFrom,
        validTo: p.validTo,
        status: policyStatus(p, today),
        ...(policyStatus(p, today) === 'abolished' ? { abolishedBy: p.abolishedBy, abolishedOn: p.abolishedOn } : {}),
        clauses: p.clauses.length,
      })),
    };
  });

  // Enough for a load balancer's check, and nothing about the process a stranger could use.
  app.get('/api/health', async () => ({ status: 'ok', mode: llm ? 'llm' : 'extractive' }));
}
