import type { AnswerObject, Citation } from '../../src/protocol.js';
import { refusalFor, renderAnswerBody } from './answer-render.js';
import { cleanText, markdownText } from './copy-text.js';
import { fill, type Language, type Texts } from './i18n.js';

/** The server takes comments up to this length (POST /api/feedback). */
const MAX_COMMENT_CHARS = 1000;

/** What an answer needs from the page around it. */
export interface AnswerHost {
  readonly t: Texts;
  readonly language: Language;
  readonly onlyInForce: boolean;
  openCitation(citation: Citation, trigger: HTMLElement, asOf: string | null): void;
  rate(answerId: string, rating: 'up' | 'down', comment: string | null): Promise<boolean>;
  regenerate(view: AnswerView): void;
  rated(view: AnswerView, rating: 'up' | 'down'): void;
}

function button(text: string, className: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.textContent = text;
  b.addEventListener('click', onClick);
  return b;
}

/** One answer in the conversation: streamed in, then finished with its footer (copy, feedback, regenerate). */
export class AnswerView {
  readonly element: HTMLElement;
  private readonly body: HTMLElement;
  private readonly footer: HTMLElement;
  private text = '';
  private citations: Citation[] = [];
  private pending = false;
  result: AnswerObject | null = null;
  finished = false;

  constructor(
    public id: string,
    readonly turn: number,
    readonly asOf: string | null,
    private readonly host: AnswerHost,
  ) {
    this.element = document.createElement('article');
    this.element.className = 'message answer streaming';
    this.element.setAttribute('aria-busy', 'true');
    this.body = document.createElement('div');
    this.body.className = 'answer-body';
    this.body.textContent = host.t.thinking;
    this.footer = document.createElement('div');
    this.footer.className = 'answer-footer';
    this.element.append(this.body, this.footer);
  }

  /** Back to the waiting state, under a new question id (regenerate). */
  restart(id: string): void {
    this.id = id;
    this.text = '';
    this.citations = [];
    this.result = null;
    this.finished = false;
    this.element.className = 'message answer streaming';
    this.element.setAttribute('aria-busy', 'true');
    this.body.textContent = this.host.t.thinking;
    this.footer.replaceChildren();
  }

  sources(citations: Citation[]): void {
    this.citations = citations;
    this.schedule();
  }

  delta(text: string): void {
    // A model's text as it streams has not been checked yet: the page says so until `done` replaces
    // it with the checked answer.
    if (this.text === '') {
      this.element.classList.add('drafting');
      const note = document.createElement('span');
      note.className = 'mode drafting';
      note.textContent = this.host.t.drafting;
      this.footer.replaceChildren(note);
    }
    this.text += text;
    this.schedule();
  }

  done(answer: AnswerObject, options: { rating?: 'up' | 'down'; canRegenerate: boolean }): void {
    this.finished = true;
    this.result = answer;
    this.text = answer.answer;
    this.citations = answer.citations;
    this.render();
    this.element.classList.remove('streaming', 'drafting');
    this.element.setAttribute('aria-busy', 'false');
    this.footer.replaceChildren(...this.footerControls(answer, options));
  }

  fail(message: string): void {
    this.finished = true;
    this.element.classList.remove('streaming', 'drafting');
    this.element.classList.add('failed');
    this.element.setAttribute('aria-busy', 'false');
    if (this.text === '') this.body.replaceChildren();
    const note = document.createElement('p');
    note.className = 'error-note';
    note.textContent = message;
    this.body.append(note);
  }

  /** Re-reads the text (the "in force only" switch changed). */
  render(): void {
    if (this.text === '') return;
    const { t, language } = this.host;
    const refusal = this.result ? refusalFor(this.result, language, t) : null;
    if (refusal) {
      const p = document.createElement('p');
      p.textContent = refusal;
      this.body.replaceChildren(p);
      return;
    }
    this.body.replaceChildren(
      renderAnswerBody(this.text, this.citations, {
        language,
        t,
        onlyInForce: this.host.onlyInForce,
        onCitation: (n, trigger) => {
          const citation = this.citations.find((c) => c.n === n);
          if (citation) this.host.openCitation(citation, trigger, this.asOf);
        },
      }),
    );
  }

  /** Streaming text is re-read at most once a frame. */
  private schedule(): void {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      if (!this.finished) this.render();
    });
  }

  private footerControls(answer: AnswerObject, options: { rating?: 'up' | 'down'; canRegenerate: boolean }): HTMLElement[] {
    const { t } = this.host;
    const mode = document.createElement('span');
    mode.className = `mode ${answer.noAnswer ? 'no-answer' : answer.mode}`;
    // "Checked" only when the server says every sentence passed its grounding check.
    const llmLabel = answer.grounding?.checked === true ? t.modeLlm : t.modeLlmUnchecked;
    mode.textContent = answer.noAnswer ? t.noAnswer : answer.mode === 'llm' ? llmLabel : t.modeExtractive;
    const copy = button(t.copy, 'copy copy-text', () => void this.copy(copy, 'text'));
    const copyMd = button(t.copyMarkdown, 'copy copy-markdown', () => void this.copy(copyMd, 'markdown'));
    const controls: HTMLElement[] = [mode, copy, copyMd];
    if (options.canRegenerate) controls.push(button(t.regenerate, 'copy regenerate', () => this.host.regenerate(this)));
    controls.push(this.feedbackControls(answer.answerId, options.rating));
    return controls;
  }

  private feedbackControls(answerId: string, given: 'up' | 'down' | undefined): HTMLElement {
    const { t } = this.host;
    const box = document.createElement('span');
    box.className = 'feedback';
    const status = document.createElement('span');
    status.className = 'feedback-status';
    status.setAttribute('role', 'status');
    const send = async (rating: 'up' | 'down', comment: string | null): Promise<void> => {
      const ok = await this.host.rate(answerId, rating, comment);
      status.textContent = ok ? t.feedbackThanks : t.feedbackFailed;
      if (ok) {
        this.host.rated(this, rating);
        up.setAttribute('aria-pressed', String(rating === 'up'));
        down.setAttribute('aria-pressed', String(rating === 'down'));
      }
    };
    const up = button(`👍 ${t.helpful}`, 'rate up', () => void send('up', null));
    up.setAttribute('aria-label', t.helpful);
    up.title = t.helpful;
    const down = button(`👎 ${t.notHelpful}`, 'rate down', () => {
      form.hidden = false;
      comment.focus();
    });
    down.setAttribute('aria-label', t.notHelpful);
    down.title = t.notHelpful;
    up.setAttribute('aria-pressed', String(given === 'up'));
    down.setAttribute('aria-pressed', String(given === 'down'));

    const form = document.createElement('form');
    form.className = 'feedback-form';
    form.hidden = true;
    const comment = document.createElement('textarea');
    comment.className = 'feedback-comment';
    comment.rows = 2;
    comment.placeholder = t.feedbackPrompt;
    comment.setAttribute('aria-label', t.feedbackPrompt);
    const submit = button(t.feedbackSend, 'feedback-send', () => undefined);
    submit.type = 'submit';
    const skip = button(t.feedbackSkip, 'feedback-skip', () => {
      form.hidden = true;
      void send('down', null);
    });
    form.append(comment, submit, skip);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const length = [...comment.value.trim()].length;
      // Like the question box: a comment over the server's limit is not cut, and not sent.
      if (length > MAX_COMMENT_CHARS) {
        status.textContent = fill(t.commentTooLong, { n: length, max: MAX_COMMENT_CHARS });
        return;
      }
      form.hidden = true;
      void send('down', comment.value.trim() || null);
    });
    box.append(up, down, status, form);
    return box;
  }

  private async copy(trigger: HTMLButtonElement, kind: 'text' | 'markdown'): Promise<void> {
    if (!this.result) return;
    const { t, language } = this.host;
    const label = trigger.textContent ?? '';
    const text = (kind === 'text' ? cleanText : markdownText)(this.result, language, t, location.origin, this.asOf);
    try {
      await navigator.clipboard.writeText(text);
      trigger.textContent = t.copied;
    } catch {
      trigger.textContent = t.copyFailed;
    }
    window.setTimeout(() => (trigger.textContent = label), 2000);
  }
}
