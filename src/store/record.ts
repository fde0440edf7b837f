import type { AnswerRequest } from '../answer/request.js';
import type { NamedAnswerEvent } from '../answer/types.js';
import type { Store, StoreLog, Transport } from './index.js';

/**
 * Logs every answered question as its answer finishes (question, mode, cited clauses, noAnswer,
 * latency; never the asker's address), before the answer reaches the reader, so a rating sent the
 * moment it arrives finds it. A store that fails costs a warning, never the answer.
 */
export async function* recorded(
  events: AsyncGenerator<NamedAnswerEvent>,
  context: { store: Store | null; request: AnswerRequest; transport: Transport; log: Pick<StoreLog, 'warn'> },
): AsyncGenerator<NamedAnswerEvent> {
  const started = performance.now();
  for await (const event of events) {
    if (event.type === 'done' && context.store) {
      const { answer } = event;
      try {
        await context.store.logQuestion({
          answerId: answer.answerId,
          askedAt: new Date().toISOString(),
          question: answer.question,
          region: context.request.region,
          asOf: context.request.asOf,
          mode: answer.mode,
          noAnswer: answer.noAnswer,
          citations: answer.citations.map((c) => ({ policyId: c.policyId, clause: c.clause, status: c.status })),
          latencyMs: Math.round(performance.now() - started),
          transport: context.transport,
        });
      } catch (error) {
        context.log.warn({ err: { message: (error as Error).message } }, 'question log write failed');
      }
    }
    yield event;
  }
}
