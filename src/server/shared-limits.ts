import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { Redis } from 'ioredis';
import { MemoryLimiter, WindowCounter, type QuestionLimiter } from './rate-limit.js';

/**
 * Per-address limits shared by every instance through Redis (REDIS_URL), falling back to this
 * process's memory whenever Redis cannot answer at once: at start when it is unreachable, and after a
 * command fails or times out. The fallback is logged once per outage, and the limits go back to
 * Redis as soon as it is reachable again. An outage of the limiter never slows an answer.
 */

export interface SharedLimitsLog {
  warn(details: Record<string, unknown>, message: string): void;
  info(details: Record<string, unknown>, message: string): void;
}

export interface SharedLimits {
  /** Questions per address and minute, over all connections and HTTP. */
  questions: QuestionLimiter;
  /** The store of the HTTP request limit (@fastify/rate-limit). */
  httpStore: FastifyRateLimitStoreCtor;
  close(): Promise<void>;
}

/** A Redis on the network answers a connect in milliseconds; waiting longer only delays the fallback. */
const CONNECT_TIMEOUT_MS = 500;
/** A counter update takes well under a millisecond; past this, Redis is treated as unavailable. */
const COMMAND_TIMEOUT_MS = 250;
/** After a failed command, Redis is left alone this long before it is tried again. */
const BREAK_MS = 5000;
/** Reconnect attempts back off to one every this many milliseconds, for as long as it takes. */
const MAX_RECONNECT_WAIT_MS = 2000;

class RedisState {
  private brokenUntil = 0;
  private outageLogged = false;

  constructor(
    readonly redis: Redis,
    private readonly log: SharedLimitsLog,
  ) {
    redis.on('ready', () => {
      if (this.outageLogged) this.log.info({}, 'redis reachable again: rate limits shared');
      this.outageLogged = false;
      this.brokenUntil = 0;
    });
    // ioredis reports every failed reconnect; the outage is logged once, by `usable`/`failed`.
    redis.on('error', () => undefined);
  }

  /** Whether to ask Redis now: connected, and not failing a moment ago. */
  usable(): boolean {
    if (this.redis.status === 'ready' && Date.now() >= this.brokenUntil) return true;
    this.outage(this.redis.status === 'ready' ? 'redis not answering' : `redis ${this.redis.status}`);
    return false;
  }

  failed(error: Error): void {
    this.brokenUntil = Date.now() + BREAK_MS;
    this.outage(error.message);
  }

  private outage(reason: string): void {
    if (this.outageLogged) return;
    this.outageLogged = true;
    this.log.warn({ reason }, 'redis unavailable: rate limits not shared between instances, kept in memory until it is back');
  }
}

/** One fixed window per key and minute, counted in Redis. */
async function countInRedis(redis: Redis, key: string, windowMs: number): Promise<{ current: number; ttl: number }> {
  const now = Date.now();
  const redisKey = `${key}:${Math.floor(now / windowMs)}`;
  const results = await redis.multi().incr(redisKey).pexpire(redisKey, 2 * windowMs).exec();
  const error = results?.find(([e]) => e)?.[0];
  if (error) throw error;
  return { current: Number(results?.[0]?.[1] ?? 0), ttl: windowMs - (now % windowMs) };
}

export function createSharedLimits(config: { redisUrl: string | null; questionsPerMinutePerIp: number }, log: SharedLimitsLog): SharedLimits {
  const memoryQuestions = new MemoryLimiter(config.questionsPerMinutePerIp);
  const memoryRequests = new WindowCounter();
  const state = config.redisUrl
    ? new RedisState(
        new Redis(config.redisUrl, {
          connectTimeout: CONNECT_TIMEOUT_MS,
          commandTimeout: COMMAND_TIMEOUT_MS,
          maxRetriesPerRequest: 0,
          // A command while disconnected fails at once instead of waiting in a queue.
          enableOfflineQueue: false,
          retryStrategy: (times) => Math.min(times * 200, MAX_RECONNECT_WAIT_MS),
        }),
        log,
      )
    : null;

  const questions: QuestionLimiter = {
    async take(key) {
      if (!state?.usable()) return memoryQuestions.take(key);
      try {
        const { current } = await countInRedis(state.redis, `policy-qa:questions:${key}`, 60_000);
        return current <= config.questionsPerMinutePerIp;
      } catch (error) {
        state.failed(error as Error);
        return memoryQuestions.take(key);
      }
    },
  };

  class HttpStore implements FastifyRateLimitStore {
    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
      const fromMemory = (): void => callback(null, memoryRequests.count(key, timeWindow));
      if (!state?.usable()) return fromMemory();
      countInRedis(state.redis, `policy-qa:http:${key}`, timeWindow).then(
        (result) => callback(null, result),
        (error: Error) => {
          state.failed(error);
          fromMemory();
        },
      );
    }

    child(): FastifyRateLimitStore {
      return new HttpStore();
    }
  }

  return {
    questions,
    httpStore: HttpStore,
    close: async () => {
      if (!state) return;
      if (state.redis.status === 'ready') await state.redis.quit().catch(() => state.redis.disconnect());
      else state.redis.disconnect();
    },
  };
}
