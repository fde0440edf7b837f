import OpenAI from 'openai';
import type { LlmConfig } from '../config.js';
import type { ChatMessage } from './prompt.js';

/**
 * Streams a chat completion's text from any OpenAI-compatible server. The openai client retries
 * 429 and 5xx answers before the stream starts (bounded, with backoff) and times out the wait for
 * headers; once the stream runs, an idle timer of our own ends a stream that stalls, and every way a
 * stream can end badly becomes one typed error.
 */

export type LlmFailure = 'auth' | 'rate-limited' | 'upstream' | 'timeout' | 'idle' | 'dropped' | 'cancelled' | 'bad-response';

export class LlmError extends Error {
  override name = 'LlmError';
  constructor(
    readonly kind: LlmFailure,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface TextStreamer {
  readonly model: string;
  /** Yields text pieces; stops the upstream request when the signal aborts or the consumer stops. */
  stream(messages: ChatMessage[], signal: AbortSignal): AsyncGenerator<string>;
}

function classify(error: unknown, cancelled: boolean, idled: boolean): LlmError {
  if (error instanceof LlmError) return error;
  if (cancelled) return new LlmError('cancelled', 'the question was cancelled');
  if (idled) return new LlmError('idle', 'the model stopped sending before the answer was complete');
  if (error instanceof OpenAI.APIConnectionTimeoutError) return new LlmError('timeout', 'the model did not answer in time');
  if (error instanceof OpenAI.APIUserAbortError) return new LlmError('cancelled', 'the request was aborted');
  if (error instanceof OpenAI.AuthenticationError || error instanceof OpenAI.PermissionDeniedError) {
    return new LlmError('auth', 'the model server refused the API key', error.status);
  }
  if (error instanceof OpenAI.RateLimitError) return new LlmError('rate-limited', 'the model server is rate-limiting', 429);
  if (error instanceof OpenAI.APIConnectionError) return new LlmError('upstream', 'could not reach the model server');
  if (error instanceof OpenAI.APIError) {
    return new LlmError('upstream', `the model server answered ${error.status ?? 'an error'}`, error.status ?? undefined);
  }
  // undici reports a socket closed mid-body as a plain TypeError("terminated").
  if (error instanceof TypeError && /terminated|other side closed|socket/i.test(error.message)) {
    return new LlmError('dropped', 'the connection to the model server dropped mid-answer');
  }
  return new LlmError('bad-response', 'the model server sent something unreadable');
}

export function createOpenAiStreamer(config: LlmConfig): TextStreamer {
  const client = new OpenAI({
    apiKey: config.apiKey,
    baseURL: config.baseURL,
    maxRetries: config.maxAttempts - 1,
    timeout: config.timeoutMs,
  });
  return {
    model: config.model,
    async *stream(messages, signal) {
      const upstream = new AbortController();
      const cancel = (): void => upstream.abort();
      if (signal.aborted) throw new LlmError('cancelled', 'the question was cancelled');
      signal.addEventListener('abort', cancel, { once: true });
      let idled = false;
      let finished = false;
      let idleTimer: NodeJS.Timeout | undefined;
      const arm = (): void => {
        clearTimeout(idleTimer);
        idleTimer = setTimeout(() => {
          idled = true;
          upstream.abort();
        }, config.idleMs);
      };
      try {
        let stream: AsyncIterable<OpenAI.Chat.Completions.ChatCompletionChunk>;
        try {
          stream = await client.chat.completions.create(
            { model: config.model, messages, stream: true, temperature: 0 },
            { signal: upstream.signal },
          );
        } catch (error) {
          throw classify(error, signal.aborted, idled);
        }
        arm();
        try {
          for await (const chunk of stream) {
            arm();
            const text = chunk.choices[0]?.delta?.content;
            if (text) yield text;
          }
        } catch (error) {
          throw classify(error, signal.aborted, idled);
        }
        // An aborted stream ends its loop without an error: tell why it ended.
        if (signal.aborted) throw new LlmError('cancelled', 'the question was cancelled');
        if (idled) throw new LlmError('idle', 'the model stopped sending before the answer was complete');
        finished = true;
      } finally {
        clearTimeout(idleTimer);
        signal.removeEventListener('abort', cancel);
        // The consumer may stop early (cancel, closed socket): the upstream request stops with it.
        // A stream that ended normally has nothing to stop (and an abort costs a DOMException).
        if (!finished) upstream.abort();
      }
    },
  };
}
