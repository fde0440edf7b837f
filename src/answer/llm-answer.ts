import type { Passage } from '../search/passages.js';
import type { Retrieval } from '../search/retrieve.js';
import { LlmError, type TextStreamer } from '../llm/stream.js';
import { buildMessages, newFence, type PromptTemplates, type Turn } from '../llm/prompt.js';
import { toCitation } from './citations.js';
import { composeExtractive, type ComposeOptions } from './extractive.js';
import { groundAnswer } from './grounding.js';
import type { AnswerRequest } from './request.js';
import type { AnswerEvent, AnswerObject } from './types.js';

export interface LlmAnswerer {
  streamer: TextStreamer;
  templates: PromptTemplates;
}

/** Where a failed generation is reported; pino's logger fits. */
export interface WarningLog {
  warn(details: Record<string, unknown>, message: string): void;
}

const NOTICE_NO_CITATION = '（生成的回答没有可核对的引用，以下改为条款原文摘录。）';
const NOTICE_UNCHECKED = '（生成的回答未能通过与条款原文的核对，以下改为条款原文摘录。）';
const NOTICE_FAILED = '（生成服务暂时不可用，以下为条款原文摘录。）';

function withNotice(answer: AnswerObject, notice: string): AnswerObject {
  return { ...answer, answer: `${notice}\n\n${answer.answer}` };
}

/**
 * The generated answer, from the candidate clauses retrieval gives a model (more than the extractive
 * answer quotes): sources first, the model's text as it streams, then the answer checked
 * against its sources (grounding.ts): sentences that cite nothing or state what their sources do not
 * are removed, and the `done` answer says so. An answer that cites nothing real, echoes its prompt or
 * keeps too little, and a generation that fails, give way to the extractive answer, which `mode`
 * reports. The streamed deltas are the model's text as it came; the `done` answer is what was checked.
 */
export async function* answerWithLlm(
  request: AnswerRequest,
  retrieval: Retrieval,
  candidates: Passage[],
  deps: { llm: LlmAnswerer; compose: ComposeOptions; signal: AbortSignal; history: Turn[]; log?: WarningLog },
): AsyncGenerator<AnswerEvent> {
  const citations = candidates.map((p, i) => toCitation(p, i + 1));
  yield { type: 'sources', citations };
  const fence = newFence();
  const messages = buildMessages(deps.llm.templates, {
    question: request.question,
    asOf: request.asOf,
    citations,
    history: deps.history,
    fence,
  });

  let text = '';
  try {
    for await (const piece of deps.llm.streamer.stream(messages, deps.signal)) {
      text += piece;
      yield { type: 'delta', text: piece };
    }
  } catch (error) {
    const failure = error instanceof LlmError ? error : new LlmError('bad-response', String(error));
    if (failure.kind === 'cancelled') {
      yield { type: 'error', code: 'cancelled', message: 'the question was cancelled' };
      return;
    }
    deps.log?.warn({ failure: failure.kind, status: failure.status }, `generation failed: ${failure.message}`);
    yield { type: 'done', answer: withNotice(composeExtractive(retrieval, deps.compose), NOTICE_FAILED) };
    return;
  }

  const grounded = groundAnswer(text, citations, {
    asOf: request.asOf,
    language: retrieval.analysis.language,
    canary: fence,
    instructions: deps.llm.templates.system,
  });
  const details = { claims: grounded.claims, removed: grounded.removed, reasons: grounded.reasons };
  if (grounded.outcome === 'no-citation') {
    deps.log?.warn({ failure: 'no-citation', ...details }, 'generated answer cited no source; answering extractively');
    yield { type: 'done', answer: withNotice(composeExtractive(retrieval, deps.compose), NOTICE_NO_CITATION) };
    return;
  }
  if (grounded.outcome === 'rejected') {
    deps.log?.warn({ failure: 'unchecked', ...details }, 'generated answer failed the grounding check; answering extractively');
    yield { type: 'done', answer: withNotice(composeExtractive(retrieval, deps.compose), NOTICE_UNCHECKED) };
    return;
  }
  if (grounded.removed > 0) deps.log?.warn({ failure: 'partly-unchecked', ...details }, 'removed generated sentences that failed the grounding check');
  yield {
    type: 'done',
    answer: {
      question: request.question,
      answer: grounded.text,
      mode: 'llm',
      // Where the clauses that answer were not found, a model's reading of the near misses is shown,
      // but the question still has no basis as asked.
      noAnswer: retrieval.noAnswer,
      citations: grounded.citations,
      grounding: { checked: grounded.checked, removed: grounded.removed },
    },
  };
}
