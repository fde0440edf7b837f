import type { AnswerObject, AskFrame, Citation, ServerFrame } from '../../src/protocol.js';
import { AnswerView, type AnswerHost } from './answer-view.js';
import { QuestionCounter } from './composer.js';
import { ChatConnection, type ConnectionState } from './connection.js';
import { Conversations, type Conversation } from './conversations.js';
import { byId } from './dom.js';
import { sendFeedback } from './feedback.js';
import { ConversationList } from './conversation-list.js';
import { errorText, texts } from './i18n.js';
import { pageOptions, tellWidget } from './page-options.js';
import { setUpRegions } from './region-picker.js';
import { SourcePanel } from './source-panel.js';

/**
 * The chat window: ask, watch the cited answer stream in, open a citation to read its clause. The
 * same page runs full-size at / and compact inside the embeddable widget at /embed.
 */

class Chat implements AnswerHost {
  readonly options = pageOptions();
  readonly language = this.options.language;
  readonly t = texts(this.language);
  private readonly views = new Map<string, AnswerView>();
  private readonly connection: ChatConnection;
  private readonly conversations = new Conversations(this.options.embedded ? `policy-qa:embed:${this.options.region}` : 'policy-qa:conversations');
  private counter = 0;
  /** The question whose answer is arriving, kept at the top of the view until the reader scrolls. */
  private pinned: HTMLElement | null = null;
  private readonly growth = new ResizeObserver(() => this.pinned?.scrollIntoView({ block: 'start' }));

  private readonly form = byId<HTMLFormElement>('ask-form');
  private readonly question = byId<HTMLTextAreaElement>('question');
  private readonly region = byId<HTMLSelectElement>('region');
  private readonly asOfInput = byId<HTMLInputElement>('as-of');
  private readonly inForceOnly = byId<HTMLInputElement>('only-in-force');
  private readonly stop = byId<HTMLButtonElement>('stop');
  private readonly messages = byId<HTMLElement>('messages');
  private readonly status = byId<HTMLElement>('status');
  private readonly list = new ConversationList(this.t, this.language, (id) => {
    this.cancelAll();
    this.show(this.conversations.open(id));
    this.renderList();
  });
  private readonly panel = new SourcePanel(this.t, this.language, (wide) => {
    if (this.options.embedded) tellWidget({ type: 'policy-qa:wide', wide });
  });
  private readonly lengthCheck = new QuestionCounter(this.question, byId('counter'), byId('limit-message'), this.t);

  constructor() {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    this.connection = new ChatConnection(
      `${scheme}//${location.host}/ws`,
      (frame) => this.receive(frame),
      (state) => this.showState(state),
      () => this.connectionLost(),
    );
  }

  get onlyInForce(): boolean {
    return this.inForceOnly.checked;
  }

  start(): void {
    if (this.options.embedded) document.body.classList.add('embed');
    if (this.options.accent) document.documentElement.style.setProperty('--accent', this.options.accent);
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
    for (const kind of ['wheel', 'touchstart', 'keydown', 'mousedown']) {
      this.messages.addEventListener(kind, () => this.unpin(), { passive: true });
    }
    this.inForceOnly.addEventListener('change', () => this.rerender());
    byId('new-conversation').addEventListener('click', () => this.newConversation());
    document.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      if (this.panel.isOpen) this.panel.close();
      else if (this.options.embedded) tellWidget({ type: 'policy-qa:close' });
    });
    if (this.options.embedded) {
      window.addEventListener('message', (event: MessageEvent) => {
        const message = event.data as { type?: unknown } | null;
        if (event.source === window.parent && message?.type === 'policy-qa:focus') this.question.focus();
      });
    }
    void setUpRegions(this.region, this.options.region, this.language, this.t, (question) => this.ask(question));
    this.restore();
    this.connection.connect();
  }

  private applyTexts(): void {
    const t = this.t;
    document.documentElement.lang = this.language === 'en' ? 'en' : 'zh-CN';
    const title = this.options.title ?? t.title;
    document.title = title;
    byId('title').textContent = title;
    byId('subtitle').textContent = t.subtitle;
    this.question.placeholder = t.placeholder;
    this.question.setAttribute('aria-label', t.placeholder);
    byId('send').textContent = t.send;
    this.stop.textContent = t.stop;
    byId('region-label').textContent = t.region;
    byId('as-of-label').textContent = t.asOf;
    this.asOfInput.title = t.asOfHint;
    byId('only-in-force-label').textContent = t.onlyInForce;
    byId('examples-label').textContent = t.examples;
    byId('source-close').textContent = this.options.embedded ? t.backToAnswer : t.close;
    byId('source-heading').textContent = t.sources;
    byId('new-conversation').textContent = t.newConversation;
    byId('show-conversations').textContent = t.conversations;
    byId('conversations-heading').textContent = t.conversations;
    const language = byId<HTMLAnchorElement>('language');
    language.textContent = t.language;
    const params = new URLSearchParams(location.search);
    params.set('lang', t.languageHref);
    language.href = `?${params.toString()}`;
    language.lang = t.languageHref === 'en' ? 'en' : 'zh-CN';
    language.hidden = this.options.embedded;
    this.lengthCheck.update();
  }

  private newView(id: string, turn: number, asOf: string | null): AnswerView {
    const view = new AnswerView(id, turn, asOf, this);
    this.views.set(id, view);
    this.watch(view);
    return view;
  }

  private appendQuestion(text: string): HTMLElement {
    byId('intro').hidden = true;
    const mine = document.createElement('div');
    mine.className = 'message question';
    mine.textContent = text;
    this.messages.append(mine);
    return mine;
  }

  private ask(raw: string): void {
    const question = raw.trim();
    if (question === '') return;
    // Never cut: an over-long question stays in the box with the counter saying by how much.
    if (this.lengthCheck.update() === 'over') {
      this.question.focus();
      return;
    }
    const region = this.region.value;
    const asOf = this.asOfInput.value || null;
    const history = this.conversations.context();
    const turn = this.conversations.addTurn({ question, region, asOf, answer: null });
    const bubble = this.appendQuestion(question);
    const view = this.newView(`q${++this.counter}`, turn, asOf);
    this.messages.append(view.element);
    const frame: AskFrame = { type: 'ask', id: view.id, question, history };
    if (region) frame.region = region;
    if (asOf) frame.asOf = asOf;
    if (!this.connection.send(frame)) {
      view.fail(this.t.notConnected);
      this.views.delete(view.id);
    } else {
      this.question.value = '';
      this.lengthCheck.update();
    }
    this.updateStop();
    this.renderList();
    // The question goes to the top of the view and stays there while its answer grows below it: the
    // answer's start is what is read first, and the view never runs on to the end of a long answer.
    this.pin(bubble, view.element);
  }

  private pin(question: HTMLElement, answer: HTMLElement): void {
    this.unpin();
    this.pinned = question;
    this.growth.observe(answer);
    question.scrollIntoView({ block: 'start' });
  }

  private unpin(): void {
    this.pinned = null;
    this.growth.disconnect();
  }

  regenerate(view: AnswerView): void {
    const turn = this.conversations.current?.turns[view.turn];
    if (!turn) return;
    this.views.delete(view.id);
    const id = `q${++this.counter}`;
    view.restart(id);
    this.views.set(id, view);
    const frame: AskFrame = { type: 'ask', id, question: turn.question, history: this.conversations.context(view.turn) };
    if (turn.region) frame.region = turn.region;
    if (turn.asOf) frame.asOf = turn.asOf;
    if (!this.connection.send(frame)) {
      view.fail(this.t.notConnected);
      this.views.delete(id);
    }
    this.updateStop();
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
      case 'done': {
        const { type: _type, id: _id, ...answer } = frame;
        this.finish(view, answer);
        break;
      }
      case 'error':
        view.fail(errorText(this.language, frame.code));
        this.views.delete(view.id);
        break;
    }
    this.updateStop();
  }

  private finish(view: AnswerView, answer: AnswerObject): void {
    this.views.delete(view.id);
    this.conversations.update(view.turn, { answer, rating: undefined });
    const last = (this.conversations.current?.turns.length ?? 0) - 1;
    view.done(answer, { canRegenerate: view.turn === last });
  }

  rate(answerId: string, rating: 'up' | 'down', comment: string | null): Promise<boolean> {
    return sendFeedback({ answerId, rating, ...(comment ? { comment } : {}) });
  }

  rated(view: AnswerView, rating: 'up' | 'down'): void {
    this.conversations.update(view.turn, { rating });
  }

  openCitation(citation: Citation, trigger: HTMLElement, asOf: string | null): void {
    this.panel.open(citation, trigger, asOf);
  }

  private rerender(): void {
    for (const element of this.messages.querySelectorAll('.message.answer')) element.dispatchEvent(new Event('policy-qa:rerender'));
  }

  /** Shows a stored conversation: its questions and finished answers, without asking again. */
  private show(conversation: Conversation | null): void {
    for (const node of [...this.messages.querySelectorAll('.message')]) node.remove();
    byId('intro').hidden = conversation !== null && conversation.turns.length > 0;
    if (!conversation) return;
    const last = conversation.turns.length - 1;
    conversation.turns.forEach((turn, index) => {
      this.appendQuestion(turn.question);
      const view = new AnswerView(`restored-${index}`, index, turn.asOf, this);
      this.messages.append(view.element);
      this.watch(view);
      if (turn.answer) view.done(turn.answer, { rating: turn.rating, canRegenerate: index === last });
      else view.fail(this.t.lost);
    });
    this.messages.querySelector('.message.question:last-of-type')?.scrollIntoView({ block: 'start' });
  }

  private watch(view: AnswerView): void {
    view.element.addEventListener('policy-qa:rerender', () => view.render());
  }

  private restore(): void {
    this.show(this.conversations.current);
    this.renderList();
  }

  private newConversation(): void {
    this.cancelAll();
    this.conversations.startNew();
    this.panel.close();
    this.show(null);
    this.renderList();
    this.question.focus();
  }

  private renderList(): void {
    this.list.render(this.conversations.list, this.conversations.current?.id);
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
}

new Chat().start();
