import OpenAI from 'openai';
import type { LlmConfig } from '../config.js';
import type { ChatMessage } from './prompt.js';

/**
 * Streams a chat completion's text from any OpenAI-compatible server, with every resource a model
 * can consume bounded: `max_tokens` asked for; a first-token budget per attempt and at most one more
 * attempt (429, 5xx, no first token in time) before the caller falls back; once text flows, an idle
 * timer for a stream that stalls, a cap on the characters of one answer and a cap on its total time.
 * Every way a stream can end badly becomes one typed error, and the upstream request is aborted
 * whenever the stream does not end on its own.
 */

export type LlmFailure =
  | 'auth'
  | 'rate-limited'
  | 'upstream'
  | 'timeout'
  | 'idle'
  | 'too-long'
  | 'too-slow'
  | 'dropped'
  | 'cancelled'
  | 'bad-response';

export class LlmError extends Error {
  override name = 'LlmError';
  constructor(
    readonly kind: LlmFailure,
    message: string,
    readonly status?: number,
    /** How long the server asked us to wait before trying again, when it said so. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

export interface TextStreamer {
  readonly model: string;
  /** Yields text pieces; stops the upstream request when the signal aborts or the consumer stops. */
  stream(messages: ChatMessage[], signal: AbortSignal): AsyncGenerator<string>;
}

/** Why we stopped a request ourselves; an abort we caused must not read as the user's cancel. */
type StopReason = 'first-token' | 'idle' | 'too-long' | 'too-slow';

/** Wait before the second attempt when the server names no time: long enough for a blip to pass. */
const RETRY_WAIT_MS = 250;
/** A server asking for a longer pause than this is not worth waiting for: the fallback answers now. */
const MAX_RETRY_WAIT_MS = 2000;

const STOPPED: Record<StopReason, () => LlmError> = {
  'first-token': () => new LlmError('timeout', 'the model did not start answering in time'),
  idle: () => new LlmError('idle', 'the model stopped sending before the answer was complete'),
  'too-long': () => new LlmError('too-long', 'the model answer passed the length cap'),
  'too-slow': () => new LlmError('too-slow', 'the model answer passed the time cap'),
};

function retryAfter(error: InstanceType<typeof OpenAI.APIError>): number | undefined {
  const ms = Number(error.headers?.get('retry-after-ms'));
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const seconds = Number(error.headers?.get('retry-after'));
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

function classify(error: unknown, cancelled: boolean, stopped: StopReason | null): LlmError {
  if (error instanceof LlmError) return error;
  if (cancelled) return new LlmError('cancelled', 'the question was cancelled');
  if (stopped) return STOPPED[stopped]();
  if (error instanceof OpenAI.APIConnectionTimeoutError) return new LlmError('timeout', 'the model did not answer in time');
  if (error instanceof OpenAI.APIUserAbortError) return new LlmError('cancelled', 'the request was aborted');
  if (error instanceof OpenAI.AuthenticationError || error instanceof OpenAI.PermissionDeniedError) {
    return new LlmError('auth', 'the model server refused the API key', error.status);
  }
  if (error instanceof OpenAI.RateLimitError) return new LlmError('rate-limited', 'the model server is rate-limiting', 429, retryAfter(error));
  if (error instanceof OpenAI.APIConnectionError) return new LlmError('upstream', 'could not reach the model server');
  if (error instanceof OpenAI.APIError) {
    return new LlmError('upstream', `the model server answered ${error.status ?? 'an error'}`, error.status ?? undefined, retryAfter(error));
  }
  // undici reports a socket closed mid-body as a plain TypeError("terminated").
  if (error instanceof TypeError && /terminated|other side closed|socket/i.test(error.message)) {
    return new LlmError('dropped', 'the connection to the model server dropped mid-answer');
  }
  return new LlmError('bad-response', 'the model server sent something unreadable');
}

/** Failures before the first token that another attempt may cure (as the openai client retries). */
function retryable(failure: LlmError): boolean {
  if (failure.kind === 'timeout' || failure.kind === 'rate-limited') return true;
  if (failure.kind !== 'upstream') return false;
  return failure.status === undefined || failure.status === 408 || failure.status === 409 || failure.status >= 500;
}

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });

export function createOpenAiStreamer(config: LlmConfig): TextStreamer {
  // Retries are ours: the client's own would wait out long retry-after headers and multiply the budget.
  const client = new OpenAI({ apiKey: config.apiKey, baseURL: config.baseURL, maxRetries: 0, timeout: config.timeoutMs });

  async function* attempt(messages: ChatMessage[], signal: AbortSignal, deadline: number): AsyncGenerator<string> {
    const upstream = new AbortController();
    // Set from timers: read through a function, which the compiler does not narrow to its first value.
    let stopReason: StopReason | null = null;
    const stopped = (): StopReason | null => stopReason;
    const stop = (reason: StopReason): void => {
      stopReason ??= reason;
      upstream.abort();
    };
    const cancel = (): void => upstream.abort();
    signal.addEventListener('abort', cancel, { once: true });
    const totalTimer = setTimeout(() => stop('too-slow'), Math.max(0, deadline - Date.now()));
    const firstTimer = setTimeout(() => stop('first-token'), Math.max(0, Math.min(config.timeoutMs, deadline - Date.now())));
    let idleTimer: NodeJS.Timeout | undefined;
    let chars = 0;
    let finished = false;
    try {
      let stream: AsyncIterable<OpenAI.Chat.Completions.ChatCompletionChunk>;
      try {
        stream = await client.chat.completions.create(
          { model: config.model, messages, stream: true, temperature: 0, max_tokens: config.maxTokens },
          { signal: upstream.signal },
        );
        for await (const chunk of stream) {
          const text = chunk.choices[0]?.delta?.content;
          if (!text) continue;
          clearTimeout(firstTimer);
          clearTimeout(idleTimer);
          idleTimer = setTimeout(() => stop('idle'), config.idleMs);
          chars += text.length;
          if (chars > config.maxChars) {
            stop('too-long');
            break;
          }
          yield text;
        }
      } catch (error) {
        throw classify(error, signal.aborted, stopped());
      }
      // An aborted stream ends its loop without an error: tell why it ended.
      if (signal.aborted) throw new LlmError('cancelled', 'the question was cancelled');
      const reason = stopped();
      if (reason) throw STOPPED[reason]();
      finished = true;
    } finally {
      clearTimeout(totalTimer);
      clearTimeout(firstTimer);
      clearTimeout(idleTimer);
      signal.removeEventListener('abort', cancel);
      // The consumer may stop early (cancel, closed socket): the upstream request stops with it.
      // A stream that ended normally has nothing to stop (and an abort costs a DOMException).
      if (!finished) upstream.abort();
    }
  }

  return {
    model: config.model,
    async *stream(messages, signal) {
      if (signal.aborted) throw new LlmError('cancelled', 'the question was cancelled');
      const deadline = Date.now() + config.totalMs;
      for (let attemptNo = 1; ; attemptNo++) {
        let started = false;
        try {
          for await (const text of attempt(messages, signal, deadline)) {
            started = true;
            yield text;
          }
          return;
        } catch (error) {
          const failure = error instanceof LlmError ? error : classify(error, signal.aborted, null);
          const wait = Math.min(failure.retryAfterMs ?? RETRY_WAIT_MS, MAX_RETRY_WAIT_MS + 1);
          const again = !started && attemptNo < config.maxAttempts && retryable(failure);
          if (!again || wait > MAX_RETRY_WAIT_MS || Date.now() + wait >= deadline) throw failure;
          await sleep(wait, signal);
          if (signal.aborted) throw new LlmError('cancelled', 'the question was cancelled');
        }
      }
    },
  };
}
