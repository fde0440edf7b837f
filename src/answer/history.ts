import type { HistoryTurn } from '../protocol.js';
import { MAX_QUESTION_CHARS } from './request.js';

/**
 * The `history` a client may send with a question: the turns of its conversation, oldest first.
 * Bounded in count and length, every turn exactly {question, answer}: it only sets the context a
 * follow-up is read in and, with a model, the earlier turns of the prompt.
 */

/** As many turns as a connection keeps for itself. */
export const MAX_HISTORY_TURNS = 6;
/** An answer is context, not content: the page sends its opening, and the frame stays small. */
export const MAX_HISTORY_ANSWER_CHARS = 2000;

export type HistoryCheck = { ok: true; history: HistoryTurn[] | null } | { ok: false; message: string };

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function text(value: unknown, name: string, max: number, allowEmpty: boolean): string | { error: string } {
  if (typeof value !== 'string') return { error: `${name} must be a string` };
  const length = [...value].length;
  if (length > max) return { error: `${name} is ${length} characters; the limit is ${max}` };
  if (!allowEmpty && value.trim() === '') return { error: `${name} is empty` };
  if (CONTROL.test(value) || LONE_SURROGATE.test(value)) return { error: `${name} contains control characters or binary data` };
  return value;
}

/** null when the client sent no history (the connection's own turns apply). */
export function checkHistory(value: unknown): HistoryCheck {
  if (value === undefined || value === null) return { ok: true, history: null };
  if (!Array.isArray(value)) return { ok: false, message: 'history must be a list of {question, answer} turns' };
  if (value.length > MAX_HISTORY_TURNS) return { ok: false, message: `history has ${value.length} turns; the limit is ${MAX_HISTORY_TURNS}` };
  const history: HistoryTurn[] = [];
  for (const [i, turn] of value.entries()) {
    if (turn === null || typeof turn !== 'object' || Array.isArray(turn)) return { ok: false, message: `history[${i}] must be an object` };
    const unknown = Object.keys(turn).filter((key) => key !== 'question' && key !== 'answer');
    if (unknown.length > 0) return { ok: false, message: `history[${i}] has unknown field "${unknown[0]}"` };
    const record = turn as Record<string, unknown>;
    const question = text(record.question, `history[${i}].question`, MAX_QUESTION_CHARS, false);
    if (typeof question !== 'string') return { ok: false, message: question.error };
    const answer = text(record.answer, `history[${i}].answer`, MAX_HISTORY_ANSWER_CHARS, true);
    if (typeof answer !== 'string') return { ok: false, message: answer.error };
    history.push({ question: question.trim(), answer });
  }
  return { ok: true, history };
}
