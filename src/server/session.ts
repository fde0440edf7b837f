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
import { readClientFrame } from './client-frame.js';
import type { Store } from '../store/index.js';
import type { QuestionLimiter, RateLimiter } from './rate-limit.js';

/**
 * One websocket conversation: JSON text frames in (ask, cancel), frames out (sources, delta, done,
 * error), several questions at once, each with its own AbortController, and the turns so far for
 * follow-up questions. Nothing a client sends can throw out of here: a bad frame gets an error frame
 * and the connection stays usable. What a connection can cost is bounded: bad frames count against
 * its question rate and, once that is spent, close it (1008); output it leaves unread past a cap
 * closes it (1013); a socket that stops answering pings is closed by the heartbeat.
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

const MAX_HISTORY = 6;
const OPEN = 1;
const CLOSED = 3;
/** Asks refused in a row for the rate before the connection is closed: a person waits sooner. */
const MAX_REFUSED_IN_A_ROW = 20;
/** After a close frame, how long a client has to complete the closing handshake before it is cut. */
const CLOSE_GRACE_MS = 1000;
/** How long a model's later tokens are gathered before they go out as one delta frame. */
const DELTA_GATHER_MS = 40;

let nextConnection = 0;

export class ChatSession {
  private readonly running = new Map<string, AbortController>();
  private readonly history: Turn[] = [];
  private readonly key = `c${++nextConnection}`;
  private closed = false;
  private refusedInARow = 0;
  private answeredPing = true;

  constructor(
    private readonly socket: WebSocket,
    private readonly ip: string,
    private readonly deps: SessionDeps,
  ) {}

  /** Frames are handled one at a time, in order; answering runs on without blocking the next frame. */
  receive(data: RawData, isBinary: boolean): void {
    if (this.closed) return;
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

  /** Every heartbeat: a socket that has not answered the previous ping is dead (or not reading). */
  beat(): void {
    if (!this.answeredPing) {
      this.deps.log.info({ ip: this.ip }, 'websocket closed: no answer to ping');
      this.end();
      this.socket.terminate();
      return;
    }
    this.answeredPing = false;
    if (this.socket.readyState === OPEN) this.socket.ping();
  }

  pong(): void {
    this.answeredPing = true;
  }

  /** Closes the connection for what it did, says why in the log, and cuts it if it does not close. */
  private shut(code: 1008 | 1013, reason: string): void {
    if (this.closed) return;
    this.end();
    this.deps.log.warn({ ip: this.ip, code, bufferedBytes: this.socket.bufferedAmount }, `websocket closed: ${reason}`);
    // A client that does not read will not complete the closing handshake either: stop reading what
    // it keeps sending meanwhile.
    if (code === 1013) this.socket.pause();
    this.socket.close(code, reason);
    setTimeout(() => {
      if (this.socket.readyState !== CLOSED) this.socket.terminate();
    }, CLOSE_GRACE_MS).unref();
  }

  /** A frame the client should not have sent: it costs a question from the connection's rate. */
  private refuse(id: string | undefined, code: ErrorCode, message: string): void {
    if (!this.deps.connectionLimiter.take(this.key)) {
      this.shut(1008, 'too many bad frames');
      return;
    }
    this.sendError(id, code, message);
  }

  private dispatch(data: RawData, isBinary: boolean): void {
    const frame = readClientFrame(data, isBinary);
    if (!frame.ok) this.refuse(frame.id, 'bad-request', frame.message);
    else if (frame.type === 'ask') this.ask(frame.id, frame.fields);
    else this.cancel(frame.id);
  }

  private ask(id: string | null, frame: Record<string, unknown>): void {
    if (id === null) {
      this.refuse(undefined, 'bad-request', 'an ask frame needs an "id"');
      return;
    }
    if (this.running.has(id)) {
      this.refuse(id, 'bad-request', 'a question with this id is still being answered');
      return;
    }
    // The engine this answer uses from start to end, even if the policies are reloaded meanwhile.
    const engine = this.deps.engines.current();
    const check = checkRequest(frame, engine.retriever);
    if (!check.ok) {
      this.refuse(id, check.code, check.message);
      return;
    }
    const history = checkHistory(frame.history);
    if (!history.ok) {
      this.sendError(id, 'bad-history', history.message);
      return;
    }
    if (this.running.size >= this.deps.limits.concurrentQuestionsPerConnection) {
      this.refuse(id, 'rate-limited', 'too many questions at once on this connection; wait for an answer or cancel one');
      return;
    }
    if (!this.deps.connectionLimiter.take(this.key)) {
      if (++this.refusedInARow > MAX_REFUSED_IN_A_ROW) this.shut(1008, 'kept asking over the question rate');
      else this.sendError(id, 'rate-limited', 'too many questions; please wait a moment before asking again');
      return;
    }
    this.refusedInARow = 0;
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
      this.refuse(id ?? undefined, 'bad-request', 'no question with this id is being answered');
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

  /** Every frame goes out here, so that none can queue past the cap for a client that does not read. */
  private send(frame: ServerFrame): void {
    if (this.closed || this.socket.readyState !== OPEN) return;
    if (this.socket.bufferedAmount > this.deps.limits.wsMaxQueuedBytes) {
      this.shut(1013, 'the client is not reading its frames');
      return;
    }
    this.socket.send(JSON.stringify(frame));
  }
}
