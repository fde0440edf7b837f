import type { WebSocket, RawData } from 'ws';
import { answer, type AnswerDependencies } from '../answer/answer.js';
import type { LlmAnswerer, WarningLog } from '../answer/llm-answer.js';
import { checkHistory } from '../answer/history.js';
import { checkRequest, type AnswerRequest } from '../answer/request.js';
import type { ErrorCode, NamedAnswerEvent } from '../answer/types.js';
import type { Config } from '../config.js';
import type { EngineSource } from '../live-engine.js';
import type { Engine } from '../engine.js';
import type { Turn } from '../llm/prompt.js';
import type { ServerFrame } from '../protocol.js';
import { recorded } from '../store/record.js';
import type { Store } from '../store/index.js';
import type { QuestionLimiter, RateLimiter } from './rate-limit.js';

/**
 * One websocket conversation: JSON text frames in (ask, cancel), frames out (sources, delta, done,
 * error), several questions at once, each with its own AbortController, and the turns so far for
 * follow-up questions. Nothing a client sends can throw out of here: every bad frame gets an error
 * frame and the connection stays usable.
 */

export interface SessionLog extends WarningLog {
  info(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

export interface SessionDeps {
  engines: EngineSource;
  llm: LlmAnswerer | null;
  /** Where answered questions are logged; null logs nothing. */
  store: Store | null;
  limits: Config['limits'];
  /** Questions per minute for the client's address, shared by all its connections and HTTP. */
  ipLimiter: QuestionLimiter;
  connectionLimiter: RateLimiter;
  log: SessionLog;
}

const MAX_ID_LENGTH = 64;
const MAX_HISTORY = 6;
/** A client that reads slower than this much queued output is cut off from that question. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
const OPEN = 1;
/** How long a model's later tokens are gathered before they go out as one delta frame. */
const DELTA_GATHER_MS = 40;

let nextConnection = 0;

export class ChatSession {
  private readonly running = new Map<string, AbortController>();
  private readonly history: Turn[] = [];
  private readonly key = `c${++nextConnection}`;
  private closed = false;

  constructor(
    private readonly socket: WebSocket,
    private readonly ip: string,
    private readonly deps: SessionDeps,
  ) {}

  /** Frames are handled one at a time, in order; answering runs on without blocking the next frame. */
  receive(data: RawData, isBinary: boolean): void {
    try {
      this.dispatch(data, isBinary);
    } catch (error) {
      this.deps.log.error({ err: error }, 'websocket frame handling failed');
      this.sendError(undefined, 'internal', 'internal error');
    }
  }

  /** The connection is gone (closed by the client, or the server shutting down): stop everything. */
  end(): void {
    this.closed = true;
    for (const controller of this.running.values()) controller.abort();
    this.running.clear();
  }

  get activeQuestions(): number {
    return this.running.size;
  }

  private dispatch(data: RawData, isBinary: boolean): void {
    if (isBinary) {
      this.sendError(undefined, 'bad-request', 'binary frames are not accepted: send JSON text frames');
      return;
    }
    const text = Buffer.isBuffer(data) ? data.toString('utf8') : Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data).toString('utf8');
    let frame: unknown;
    try {
      frame = JSON.parse(text);
    } catch {
      this.sendError(undefined, 'bad-request', 'frame is not valid JSON');
      return;
    }
    if (frame === null || typeof frame !== 'object' || Array.isArray(frame)) {
      this.sendError(undefined, 'bad-request', 'frame must be a JSON object with a "type"');
      return;
    }
    const record = frame as Record<string, unknown>;
    const id = validId(record.id);
    if (record.id !== undefined && id === null) {
      this.sendError(undefined, 'bad-request', `id must be a string of 1 to ${MAX_ID_LENGTH} printable characters`);
      return;
    }
    switch (record.type) {
      case 'ask':
        this.ask(id, record);
        return;
      case 'cancel':
        this.cancel(id);
        return;
      default:
        this.sendError(id ?? undefined, 'bad-request', 'unknown frame type: expected "ask" or "cancel"');
    }
  }

  private ask(id: string | null, frame: Record<string, unknown>): void {
    if (id === null) {
      this.sendError(undefined, 'bad-request', 'an ask frame needs an "id"');
      return;
    }
    if (this.running.has(id)) {
      this.sendError(id, 'bad-request', 'a question with this id is still being answered');
      return;
    }
    // The engine this answer uses from start to end, even if the policies are reloaded meanwhile.
    const engine = this.deps.engines.current();
    const check = checkRequest(frame, engine.retriever);
    if (!check.ok) {
      this.sendError(id, check.code, check.message);
      return;
    }
    const history = checkHistory(frame.history);
    if (!history.ok) {
      this.sendError(id, 'bad-history', history.message);
      return;
    }
    if (this.running.size >= this.deps.limits.concurrentQuestionsPerConnection) {
      this.sendError(id, 'rate-limited', 'too many questions at once on this connection; wait for an answer or cancel one');
      return;
    }
    if (!this.deps.connectionLimiter.take(this.key)) {
      this.sendError(id, 'rate-limited', 'too many questions; please wait a moment before asking again');
      return;
    }
    // The id is taken now: the address's budget may be counted elsewhere (Redis) and answer later.
    const controller = new AbortController();
    this.running.set(id, controller);
    void this.deps.ipLimiter.take(this.ip).then((allowed) => {
      if (controller.signal.aborted) {
        this.running.delete(id);
        this.sendError(id, 'cancelled', 'the question was cancelled');
      } else if (!allowed) {
        this.running.delete(id);
        this.sendError(id, 'rate-limited', 'too many questions from this address; please wait a moment');
      } else {
        this.start(id, check.request, history.history ?? [...this.history], controller, engine);
      }
    });
  }

  private start(id: string, request: AnswerRequest, history: Turn[], controller: AbortController, engine: Engine): void {
    const deps: AnswerDependencies = {
      engine,
      llm: this.deps.llm,
      signal: controller.signal,
      history,
      log: this.deps.log,
    };
    const events = recorded(answer(request, deps), { store: this.deps.store, request, transport: 'websocket', log: this.deps.log });
    void this.stream(id, events, controller);
  }

  private async stream(id: string, events: AsyncGenerator<NamedAnswerEvent>, controller: AbortController): Promise<void> {
    // A model's text arrives a token at a time; after the first, pieces are gathered for a few
    // milliseconds so that 200 streams do not cost a system call per token each.
    const coalesce = this.deps.llm !== null;
    let pending = '';
    let sentFirst = false;
    let timer: NodeJS.Timeout | undefined;
    const flush = (): void => {
      clearTimeout(timer);
      timer = undefined;
      if (pending === '') return;
      this.send({ type: 'delta', id, text: pending });
      pending = '';
    };
    try {
      for await (const event of events) {
        if (this.closed) break;
        if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
          controller.abort();
          this.sendError(id, 'internal', 'the connection is not reading its answers; the question was stopped');
          break;
        }
        if (event.type === 'delta' && coalesce && sentFirst) {
          pending += event.text;
          timer ??= setTimeout(flush, DELTA_GATHER_MS);
          continue;
        }
        flush();
        if (event.type === 'done') {
          this.remember(event.answer.question, event.answer.answer);
          this.send({ type: 'done', id, ...event.answer });
        } else if (event.type === 'error') {
          this.send({ type: 'error', id, code: event.code, message: event.message });
        } else {
          if (event.type === 'delta') sentFirst = true;
          this.send(event.type === 'delta' ? { type: 'delta', id, text: event.text } : { type: 'sources', id, citations: event.citations });
        }
      }
    } catch (error) {
      this.deps.log.error({ err: error, questionId: id }, 'answering failed');
      this.sendError(id, 'internal', 'internal error while answering');
    } finally {
      clearTimeout(timer);
      controller.abort();
      this.running.delete(id);
    }
  }

  private cancel(id: string | null): void {
    const controller = id === null ? undefined : this.running.get(id);
    if (!controller) {
      this.sendError(id ?? undefined, 'bad-request', 'no question with this id is being answered');
      return;
    }
    controller.abort();
  }

  private remember(question: string, text: string): void {
    this.history.push({ question, answer: text });
    if (this.history.length > MAX_HISTORY) this.history.shift();
  }

  private sendError(id: string | undefined, code: ErrorCode, message: string): void {
    this.send(id === undefined ? { type: 'error', code, message } : { type: 'error', id, code, message });
  }

  private send(frame: ServerFrame): void {
    if (this.closed || this.socket.readyState !== OPEN) return;
    this.socket.send(JSON.stringify(frame));
  }
}

function validId(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_ID_LENGTH) return null;
  return /^[\x21-\x7e\p{L}\p{N}]+$/u.test(value) ? value : null;
}
