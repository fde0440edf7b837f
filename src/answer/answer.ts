import { randomUUID } from 'node:crypto';
import type { Engine } from '../engine.js';
import type { Turn } from '../llm/prompt.js';
import type { Retrieval } from '../search/retrieve.js';
import { composeExtractive, type ComposeOptions } from './extractive.js';
import { answerWithLlm, type LlmAnswerer, type WarningLog } from './llm-answer.js';
import type { AnswerRequest } from './request.js';
import type { AnswerEvent, AnswerObject, NamedAnswer, NamedAnswerEvent } from './types.js';

/**
 * The one answering pipeline every transport uses: read the question against the conversation,
 * retrieve, then compose (extractively, or with a model when one is configured), as a stream of
 * events: sources → delta… → done | error.
 */

export interface AnswerDependencies {
  engine: Engine;
  llm?: LlmAnswerer | null;
  signal?: AbortSignal;
  /** Earlier turns of the same conversation, oldest first. */
  history?: Turn[];
  log?: WarningLog;
}

/**
 * Retrieval for a request, read against the question before it in the conversation (the analyser
 * keeps recent readings, so the earlier question is not read again).
 */
export function retrieveFor(request: AnswerRequest, engine: Engine, previousQuestion: string | null = null): Retrieval {
  const previous = previousQuestion ? engine.retriever.analyse(previousQuestion) : null;
  return engine.retriever.retrieve(request.question, { region: request.region, asOf: request.asOf, previous });
}

function composeOptions(request: AnswerRequest, engine: Engine): ComposeOptions {
  return { asOf: request.asOf };
}

/**
 * The extractive answer, composed at once: for the CLI's JSON mode, benchmarks and evaluation.
 * `history` holds the earlier questions of the same conversation, oldest first.
 */
export function answerExtractive(request: AnswerRequest, engine: Engine, history: string[] = []): AnswerObject {
  return composeExtractive(retrieveFor(request, engine, history[history.length - 1] ?? null), composeOptions(request, engine));
}

/** Splits a finished text into the pieces a stream sends: a phrase at a time. */
export function chunkText(text: string): string[] {
  return text.split(/(?<=[\n，。；：,;])/);
}

/** Names a finished answer: the id feedback and the question log refer to it by. */
function named(answer: AnswerObject): NamedAnswer {
  return { answerId: randomUUID(), ...answer };
}

export async function* answer(request: AnswerRequest, deps: AnswerDependencies): AsyncGenerator<NamedAnswerEvent> {
  const { engine } = deps;
  const signal = deps.signal ?? new AbortController().signal;
  const history = deps.history ?? [];
  const previous = history.length > 0 ? (history[history.length - 1]?.question ?? null) : null;
  const retrieval = retrieveFor(request, engine, previous);
  const compose = composeOptions(request, engine);

  // A model reads a wider set of clauses, and is asked even where the extractive answer finds no
  // basis: the grounding check keeps it to what the clauses say.
  const candidates = deps.llm ? engine.retriever.modelCandidates(retrieval, request.asOf) : [];
  if (deps.llm && candidates.length > 0) {
    for await (const event of answerWithLlm(request, retrieval, candidates, { llm: deps.llm, compose, signal, history, log: deps.log })) {
      yield event.type === 'done' ? { ...event, answer: named({ ...event.answer, question: request.question }) } : event;
    }
    return;
  }

  const result = { ...composeExtractive(retrieval, compose), question: request.question };
  yield { type: 'sources', citations: result.citations };
  for (const piece of chunkText(result.answer)) {
    if (signal.aborted) {
      yield { type: 'error', code: 'cancelled', message: 'the question was cancelled' };
      return;
    }
    yield { type: 'delta', text: piece };
  }
  yield { type: 'done', answer: named(result) };
}
