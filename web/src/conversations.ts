import type { AnswerObject, HistoryTurn } from '../../src/protocol.js';

/**
 * Conversations kept in this browser (localStorage): a reload or a new visit finds them, and the page
 * resends a conversation's last turns with each question so that follow-ups read in context on any
 * connection. Bounded in number and length; storage that is full or unreadable never stops the chat.
 */

export interface Turn {
  question: string;
  region: string;
  asOf: string | null;
  answer: AnswerObject | null;
  rating?: 'up' | 'down';
}

export interface Conversation {
  id: string;
  title: string;
  updatedAt: number;
  turns: Turn[];
}

/** Older conversations than the last 30 are forgotten: a list longer than that is not read. */
const MAX_CONVERSATIONS = 30;
/** Turns kept per conversation; the context sent with a question is far shorter. */
const MAX_TURNS = 40;
/** Turns resent as context: the server reads at most 6. */
const CONTEXT_TURNS = 4;
/** Each resent answer is its opening: enough for a model to know what was said, small on the wire. */
const CONTEXT_ANSWER_CHARS = 600;
/** The whole ask frame stays well under the server's 16 KiB frame limit. */
const CONTEXT_BYTES = 9000;
const TITLE_CHARS = 40;

interface Saved {
  current: string | null;
  list: Conversation[];
}

function newId(): string {
  return `c${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

function isConversation(value: unknown): value is Conversation {
  const c = value as Conversation | null;
  return (
    c !== null &&
    typeof c === 'object' &&
    typeof c.id === 'string' &&
    typeof c.title === 'string' &&
    typeof c.updatedAt === 'number' &&
    Array.isArray(c.turns) &&
    c.turns.every((t) => t !== null && typeof t === 'object' && typeof t.question === 'string')
  );
}

export class Conversations {
  private saved: Saved;

  constructor(private readonly key: string) {
    this.saved = this.load();
  }

  private load(): Saved {
    try {
      const raw = localStorage.getItem(this.key);
      if (!raw) return { current: null, list: [] };
      const parsed = JSON.parse(raw) as Partial<Saved>;
      const list = Array.isArray(parsed.list) ? parsed.list.filter(isConversation) : [];
      return { current: typeof parsed.current === 'string' ? parsed.current : null, list };
    } catch {
      return { current: null, list: [] };
    }
  }

  private persist(): void {
    for (;;) {
      try {
        localStorage.setItem(this.key, JSON.stringify(this.saved));
        return;
      } catch {
        // Full (or unavailable): give up the oldest conversation and try again, down to none.
        if (this.saved.list.length <= 1) return;
        this.saved.list.sort((a, b) => b.updatedAt - a.updatedAt).pop();
      }
    }
  }

  get list(): Conversation[] {
    return [...this.saved.list].sort((a, b) => b.updatedAt - a.updatedAt);
  }

  get current(): Conversation | null {
    return this.saved.list.find((c) => c.id === this.saved.current) ?? null;
  }

  /** Leaves the current conversation; the next question starts a new one. */
  startNew(): void {
    this.saved.current = null;
    this.persist();
  }

  open(id: string): Conversation | null {
    const found = this.saved.list.find((c) => c.id === id) ?? null;
    if (found) {
      this.saved.current = id;
      this.persist();
    }
    return found;
  }

  /** Adds a question to the current conversation (starting one if needed); returns its index. */
  addTurn(turn: Turn): number {
    let conversation = this.current;
    if (!conversation) {
      conversation = { id: newId(), title: [...turn.question].slice(0, TITLE_CHARS).join(''), updatedAt: Date.now(), turns: [] };
      this.saved.list.push(conversation);
      this.saved.current = conversation.id;
      this.saved.list.sort((a, b) => b.updatedAt - a.updatedAt);
      this.saved.list = this.saved.list.slice(0, MAX_CONVERSATIONS);
    }
    conversation.turns.push(turn);
    if (conversation.turns.length > MAX_TURNS) conversation.turns.splice(0, conversation.turns.length - MAX_TURNS);
    conversation.updatedAt = Date.now();
    this.persist();
    return conversation.turns.length - 1;
  }

  update(index: number, change: Partial<Turn>): void {
    const turn = this.current?.turns[index];
    if (!turn) return;
    Object.assign(turn, change);
    this.persist();
  }

  /** The turns before `index` (all when omitted) that were answered, as the server reads them. */
  context(index?: number): HistoryTurn[] {
    const turns = (this.current?.turns ?? []).slice(0, index).filter((t) => t.answer !== null);
    const history = turns.slice(-CONTEXT_TURNS).map((t) => ({
      question: t.question,
      answer: [...(t.answer?.answer ?? '')].slice(0, CONTEXT_ANSWER_CHARS).join(''),
    }));
    while (history.length > 0 && new TextEncoder().encode(JSON.stringify(history)).length > CONTEXT_BYTES) history.shift();
    return history;
  }
}
