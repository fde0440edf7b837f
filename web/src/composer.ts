import { fill, type Texts } from './i18n.js';

/**
 * The question box's length check. The server takes at most 500 characters (counted as the server
 * counts them: code points, after trimming); the box never cuts text — it counts, warns as the limit
 * nears, and refuses to send an over-long question with a message that says by how much.
 */

export const MAX_QUESTION_CHARS = 500;
/** The counter turns to a warning this close to the limit: room for a sentence, not a surprise. */
const WARN_WITHIN = 50;

export function questionLength(text: string): number {
  return [...text.trim()].length;
}

export type LengthState = 'ok' | 'near' | 'over';

export function lengthState(length: number): LengthState {
  if (length > MAX_QUESTION_CHARS) return 'over';
  return length >= MAX_QUESTION_CHARS - WARN_WITHIN ? 'near' : 'ok';
}

export class QuestionCounter {
  constructor(
    private readonly box: HTMLTextAreaElement,
    private readonly counter: HTMLElement,
    private readonly message: HTMLElement,
    private readonly t: Texts,
  ) {
    box.addEventListener('input', () => this.update());
    this.update();
  }

  update(): LengthState {
    const n = questionLength(this.box.value);
    const state = lengthState(n);
    this.counter.textContent = fill(this.t.counter, { n, max: MAX_QUESTION_CHARS });
    this.counter.className = `counter ${state}`;
    this.box.setAttribute('aria-invalid', String(state === 'over'));
    if (state === 'near') this.message.textContent = fill(this.t.nearLimit, { left: MAX_QUESTION_CHARS - n });
    else if (state === 'over') this.message.textContent = fill(this.t.overLimit, { n, max: MAX_QUESTION_CHARS, over: n - MAX_QUESTION_CHARS });
    else this.message.textContent = '';
    this.message.className = `limit-message ${state}`;
    return state;
  }
}
