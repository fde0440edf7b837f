import type { Engine } from '../engine.js';
import type { Retrieval } from '../search/retrieve.js';
import { composeExtractive } from './extractive.js';
import type { AnswerRequest } from './request.js';
import type { AnswerEvent, AnswerObject } from './types.js';

/**
 * The one answering pipeline every transport uses: retrieve, then compose, as a stream of events
 * (sources → delta… → done | error).
 */

export interface AnswerDependencies {
  engine: Engine;
  signal?: AbortSignal;
}

export function retrieveFor(request: AnswerRequest, engine: Engine): Retrieval {
  return engine.retriever.retrieve(request.question, { region: request.region, asOf: request.asOf });
}

/** The extractive answer, composed at once: for the CLI's JSON mode, benchmarks and evaluation. */
export function answerExtractive(request: AnswerRequest, engine: Engine): AnswerObject {
  const retrieval = retrieveFor(request, engine);
  return composeExtractive(retrieval, { asOf: request.asOf, termWeight: (t) => engine.index.idf(t) });
}

/** Splits a finished text into the pieces a stream sends: one line at a time. */
export function chunkText(text: string): string[] {
  return text.split(/(?<=\n)/);
}

export async function* answer(request: AnswerRequest, deps: AnswerDependencies): AsyncGenerator<AnswerEvent> {
  const result = answerExtractive(request, deps.engine);
  yield { type: 'sources', citations: result.citations };
  for (const piece of chunkText(result.answer)) {
    if (deps.signal?.aborted) {
      yield { type: 'error', code: 'cancelled', message: 'the question was cancelled' };
      return;
    }
    yield { type: 'delta', text: piece };
  }
  yield { type: 'done', answer: result };
}
