import { ChatConnection, type ConnectionState } from './connection.js';
import { EXAMPLES, texts, type Language, type Texts } from './i18n.js';
import { renderMarkdown } from './markdown.js';
import type { AnswerObject, Citation, ServerFrame } from './types.js';

/**
 * The chat window: ask, watch the cited answer stream in, open a citation to read its clause. The
 * same page runs full-size at / and compact inside the embeddable widget at /embed.
 */

interface PageOptions {
  language: Language;
  region: string;
  title: string | null;
  accent: string | null;
  /** Inside the widget's iframe on another site. */
  embedded: boolean;
}

const COLOUR = /^(#[0-9a-f]{3,8}|[a-z]{3,20}|rgba?\([\d\s.,%]+\))$/i;

function pageOptions(): PageOptions {
  const params = new URLSearchParams(location.search);
  const lang = params.get('lang') ?? document.documentElement.lang;
  const accent = params.get('accent');
  return {
    language: lang.startsWith('en') ? 'en' : 'zh',
    region: params.get('region') ?? '',
    title: params.get('title'),
    accent: accent && COLOUR.test(accent) ? accent : null,
    embedded: location.pathname === '/embed' && window.parent !== window,
  };
}

/** Tells the widget around the frame to close or to widen; it checks where the message comes from. */
function tellWidget(message: { type: 'policy-qa:close' } | { type: 'policy-qa:wide'; wide: boolean }): void {
  if (window.parent !== window) window.parent.postMessage(message, '*');
}

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`page is missing #${id}`);
  return element as T;
}

function formatDate(date: string | null, language: Language): string {
  if (!date) return '?';
  if (language === 'en') return date;
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function statusLabel(c: Citation, t: Texts, language: Language): string {
  switch (c.status) {
    case 'in-force':
      return `${t.inForce}${c.validTo ? (language === 'en' ? ` until ${c.validTo}` : `（至${formatDate(c.validTo, language)}）`) : ''}`;
    case 'expired':
      return `${t.expired}${c.validTo ? (language === 'en' ? ` ${c.validTo}` : `（${formatDate(c.validTo, language)}）`) : ''}`;
    case 'not-yet-in-force':
      return `${t.notYet}${c.validFrom ? ` (${formatDate(c.validFrom, language)})` : ''}`;
    default:
      return t.unknown;
  }
}

function clauseLabel(label: string): string {
  if (/^\d+$/.test(label)) return `第${label}条`;
  if (/^[一二三四五六七八九十百]+$/.test(label)) return `${label}、`;
  return label;
}

class AnswerView {
  readonly element: HTMLElement;
  private readonly body: HTMLElement;
  private readonly footer: HTMLElement;
  private text = '';
  private citations: Citation[] = [];
  private pending = false;
  finished = false;

  constructor(
    readonly id: string,
    private readonly chat: Chat,
  ) {
    this.element = document.createElement('article');
    this.element.className = 'message answer streaming';
    this.element.setAttribute('aria-busy', 'true');
    this.body = document.createElement('div');
    this.body.className = 'answer-body';
    this.body.textContent = chat.t.thinking;
    this.footer = document.createElement('div');
    this.footer.className = 'answer-footer';
    this.element.append(this.body, this.footer);
  }

  sources(citations: Citation[]): void {
    this.citations = citations;
    this.schedule();
  }

  delta(text: string): void {
    this.text += text;
    this.schedule();
  }

  done(answer: AnswerObject): void {
    this.finished = true;
    this.text = answer.answer;
    this.citations = answer.citations;
    this.render();
    this.element.classList.remove('streaming');
    this.element.setAttribute('aria-busy', 'false');
    this.footer.replaceChildren();
    const mode = document.createElement('span');
    mode.className = `mode ${answer.noAnswer ? 'no-answer' : answer.mode}`;
    // "Checked" only when the server says every sentence passed its grounding check.
    const llmLabel = answer.grounding?.checked === true ? this.chat.t.modeLlm : this.chat.t.modeLlmUnchecked;
    mode.textContent = answer.noAnswer ? this.chat.t.noAnswer : answer.mode === 'llm' ? llmLabel : this.chat.t.modeExtractive;
    const copy = document.createElement('button');
    copy.type = 'button';
    copy.className = 'copy';
    copy.textContent = this.chat.t.copy;
    copy.addEventListener('click', () => void this.copy(copy));
    this.footer.append(mode, copy);
  }

  fail(message: string): void {
    this.finished = true;
    this.element.classList.remove('streaming');
    this.element.classList.add('failed');
    this.element.setAttribute('aria-busy', 'false');
    if (this.text === '') this.body.replaceChildren();
    const note = document.createElement('p');
    note.className = 'error-note';
    note.textContent = message;
    this.body.append(note);
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

  private render(): void {
    if (this.text === '') return;
    const known = new Set(this.citations.map((c) => c.n));
    this.body.replaceChildren(renderMarkdown(this.text, known, (n, trigger) => this.chat.openCitation(this.citation(n), trigger)));
  }

  private citation(n: number): Citation | undefined {
    return this.citations.find((c) => c.n === n);
  }

  private async copy(button: HTMLButtonElement): Promise<void> {
    const sources = this.citations
      .map((c) => `[${c.n}] 《${c.title}》${c.docNumber ? `（${c.docNumber}）` : ''}${clauseLabel(c.clause)}`)
      .join('\n');
    const text = `${this.text}\n\n${this.chat.t.sources}：\n${sources}`;
    try {
      await navigator.clipboard.writeText(text);
      button.textContent = this.chat.t.copied;
    } catch {
      button.textContent = this.chat.t.copyFailed;
    }
    window.setTimeout(() => (button.textContent = this.chat.t.copy), 2000);
  }
}

class Chat {
  readonly options = pageOptions();
  readonly t = texts(this.options.language);
  private readonly views = new Map<string, AnswerView>();
  private readonly connection: ChatConnection;
  private counter = 0;
  private lastTrigger: HTMLElement | null = null;

  private readonly form = byId<HTMLFormElement>('ask-form');
  private readonly question = byId<HTMLTextAreaElement>('question');
  private readonly region = byId<HTMLSelectElement>('region');
  private readonly stop = byId<HTMLButtonElement>('stop');
  private readonly messages = byId<HTMLElement>('messages');
  private readonly status = byId<HTMLElement>('status');
  private readonly panel = byId<HTMLElement>('source-panel');

  constructor() {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    this.connection = new ChatConnection(
      `${scheme}//${location.host}/ws`,
      (frame) => this.receive(frame),
      (state) => this.showState(state),
      () => this.connectionLost(),
    );
  }

  start(): void {
    if (this.options.embedded) document.body.classList.add('embed');
    this.applyTexts();
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.ask(this.question.value);
    });
    this.question.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.ask(this.question.value);
      }
    });
    this.stop.addEventListener('click', () => this.cancelAll());
    byId<HTMLButtonElement>('source-close').addEventListener('click', () => this.closeCitation());
    document.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      if (!this.panel.hidden) this.closeCitation();
      else if (this.options.embedded) tellWidget({ type: 'policy-qa:close' });
    });
    if (this.options.accent) document.documentElement.style.setProperty('--accent', this.options.accent);
    if (this.options.embedded) {
      window.addEventListener('message', (event: MessageEvent) => {
        const message = event.data as { type?: unknown } | null;
        if (event.source === window.parent && message?.type === 'policy-qa:focus') this.question.focus();
      });
    }
    void this.loadRegions();
    this.connection.connect();
  }

  private applyTexts(): void {
    const t = this.t;
    document.documentElement.lang = this.options.language === 'en' ? 'en' : 'zh-CN';
    const title = this.options.title ?? t.title;
    document.title = title;
    byId('title').textContent = title;
    byId('subtitle').textContent = t.subtitle;
    this.question.placeholder = t.placeholder;
    this.question.setAttribute('aria-label', t.placeholder);
    byId('send').textContent = t.send;
    this.stop.textContent = t.stop;
    byId('region-label').textContent = t.region;
    byId('examples-label').textContent = t.examples;
    byId('source-close').textContent = t.close;
    byId('source-heading').textContent = t.sources;
    const examples = byId('example-list');
    for (const example of EXAMPLES[this.options.language]) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'example';
      button.textContent = example;
      button.addEventListener('click', () => this.ask(example));
      examples.append(button);
    }
  }

  /** Regions come from the policies the server holds, so a new region needs no page change. */
  private async loadRegions(): Promise<void> {
    const all = document.createElement('option');
    all.value = '';
    all.textContent = this.t.allRegions;
    this.region.replaceChildren(all);
    try {
      const response = await fetch('/api/policies');
      const body = (await response.json()) as { policies: { region: string }[] };
      const regions = [...new Set(body.policies.map((p) => p.region))].sort();
      for (const region of regions) {
        const option = document.createElement('option');
        option.value = region;
        option.textContent = region;
        this.region.append(option);
      }
    } catch {
      // The list stays at "all regions"; asking still works.
    }
    const wanted = this.options.region;
    const match = [...this.region.options].find((o) => o.value === wanted || o.value.startsWith(wanted));
    if (wanted && match) this.region.value = match.value;
  }

  private ask(raw: string): void {
    const question = raw.trim();
    if (question === '') return;
    const id = `q${++this.counter}`;
    const mine = document.createElement('div');
    mine.className = 'message question';
    mine.textContent = question;
    const view = new AnswerView(id, this);
    this.messages.append(mine, view.element);
    this.views.set(id, view);
    const frame: Record<string, unknown> = { type: 'ask', id, question };
    if (this.region.value) frame.region = this.region.value;
    if (!this.connection.send(frame)) {
      view.fail(this.t.notConnected);
      this.views.delete(id);
    } else {
      this.question.value = '';
    }
    this.updateStop();
    view.element.scrollIntoView({ block: 'end' });
  }

  private receive(frame: ServerFrame): void {
    const view = frame.id ? this.views.get(frame.id) : undefined;
    if (!view) return;
    switch (frame.type) {
      case 'sources':
        view.sources(frame.citations);
        break;
      case 'delta':
        view.delta(frame.text);
        break;
      case 'done':
        view.done(frame);
        this.views.delete(frame.id);
        break;
      case 'error':
        view.fail(frame.code === 'cancelled' ? this.t.cancelled : `${this.t.error}${frame.message}`);
        this.views.delete(view.id);
        break;
    }
    this.updateStop();
    if (frame.type !== 'delta') view.element.scrollIntoView({ block: 'end' });
  }

  private cancelAll(): void {
    for (const id of this.views.keys()) this.connection.send({ type: 'cancel', id });
  }

  private connectionLost(): void {
    for (const view of this.views.values()) view.fail(this.t.lost);
    this.views.clear();
    this.updateStop();
  }

  private updateStop(): void {
    this.stop.hidden = this.views.size === 0;
  }

  private showState(state: ConnectionState): void {
    this.status.textContent = this.t[state];
    this.status.className = `status ${state}`;
  }

  openCitation(citation: Citation | undefined, trigger: HTMLElement): void {
    if (!citation) return;
    const t = this.t;
    this.lastTrigger = trigger;
    byId('source-title').textContent = `[${citation.n}] 《${citation.title}》`;
    byId('source-clause').textContent = `${clauseLabel(citation.clause)} · ${citation.region}`;
    byId('source-number').textContent = citation.docNumber ? `${t.docNumber}：${citation.docNumber}` : '';
    byId('source-issuer').textContent = citation.issuer ? `${t.issuer}：${citation.issuer}` : '';
    byId('source-window').textContent = `${t.validity}：${formatDate(citation.validFrom, this.options.language)} – ${formatDate(citation.validTo, this.options.language)}`;
    const badge = byId('source-status');
    badge.textContent = statusLabel(citation, t, this.options.language);
    badge.className = `badge ${citation.status}`;
    byId('source-text').textContent = citation.text;
    this.panel.hidden = false;
    if (this.options.embedded) tellWidget({ type: 'policy-qa:wide', wide: true });
    byId<HTMLButtonElement>('source-close').focus();
  }

  private closeCitation(): void {
    this.panel.hidden = true;
    if (this.options.embedded) tellWidget({ type: 'policy-qa:wide', wide: false });
    this.lastTrigger?.focus();
  }
}

new Chat().start();
