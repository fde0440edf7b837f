/**
 * The server's configuration: one typed object read from the environment and checked once, at
 * start-up, so that a typo fails loudly instead of running with a default nobody chose.
 */

export interface LlmConfig {
  apiKey: string;
  baseURL: string | undefined;
  model: string;
  /** First-token budget per attempt: response headers and the first piece of text. */
  timeoutMs: number;
  /** Longest silence allowed between streamed chunks once the stream has started. */
  idleMs: number;
  /** Attempts before the first token (429, 5xx, no first token in time): 1, or 2 for one retry. */
  maxAttempts: number;
  /** `max_tokens` asked of the model. */
  maxTokens: number;
  /** Characters of one answer past which the stream is stopped, whatever the model was asked. */
  maxChars: number;
  /** Time from the question to the model's last token, retries included. */
  totalMs: number;
}

export interface Config {
  host: string;
  port: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** null: extractive answers only (the default with no OPENAI_API_KEY). */
  llm: LlmConfig | null;
  limits: {
    /** Largest websocket frame accepted, in bytes. */
    maxPayloadBytes: number;
    /** Questions one connection may ask per minute. */
    questionsPerMinutePerConnection: number;
    /** Questions one IP address may ask per minute, over all its connections and HTTP. */
    questionsPerMinutePerIp: number;
    /** HTTP API requests per minute per IP. */
    httpRequestsPerMinute: number;
    /** Questions one connection may have in flight at once. */
    concurrentQuestionsPerConnection: number;
    /** Open websocket connections per IP. */
    connectionsPerIp: number;
  };
  /** Sites allowed to embed the widget and open the websocket from their pages. */
  allowedOrigins: string[];
  /** A folder with policies/ and dict/; null for the shipped index/. */
  indexDir: string | null;
  /** Shared rate limits across instances; null keeps them in memory. */
  redisUrl: string | null;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function origins(raw: string | undefined): string[] {
  if (!raw || raw.trim() === '') return [];
  return raw
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean)
    .map((o) => {
      let url: URL;
      try {
        url = new URL(o);
      } catch {
        throw new ConfigError(`ALLOWED_ORIGINS: "${o}" is not an origin such as https://example.com`);
      }
      if (!/^https?:$/.test(url.protocol) || url.pathname !== '/' || url.search || url.hash) {
        throw new ConfigError(`ALLOWED_ORIGINS: "${o}" must be scheme://host[:port] with nothing after it`);
      }
      return url.origin;
    });
}

export function loadConfig(env: Env = process.env): Config {
  const logLevel = (env.LOG_LEVEL ?? 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);

  const apiKey = env.OPENAI_API_KEY?.trim() ?? '';
  const baseURL = env.OPENAI_BASE_URL?.trim() || undefined;
  if (baseURL !== undefined) {
    try {
      new URL(baseURL);
    } catch {
      throw new ConfigError(`OPENAI_BASE_URL is not a URL: "${baseURL}"`);
    }
  }
  const llm: LlmConfig | null =
    apiKey === ''
      ? null
      : {
          apiKey,
          baseURL,
          model: env.OPENAI_MODEL?.trim() || 'gpt-4o-mini',
          // A hosted model starts streaming within a few seconds; past 8 s the quoted answer serves better.
          timeoutMs: integer(env, 'OPENAI_TIMEOUT_MS', 8_000, 100, 120_000),
          idleMs: integer(env, 'OPENAI_IDLE_MS', 15_000, 50, 600_000),
          maxAttempts: integer(env, 'OPENAI_MAX_ATTEMPTS', 2, 1, 2),
          // An answer of a few policies' figures and validity fits in well under 1,000 tokens.
          maxTokens: integer(env, 'OPENAI_MAX_TOKENS', 1024, 16, 32_768),
          // 1,024 tokens are at most ~4,000 characters of English; a stream past this ignored max_tokens.
          maxChars: integer(env, 'OPENAI_MAX_CHARS', 6_000, 100, 200_000),
          totalMs: integer(env, 'OPENAI_TOTAL_MS', 60_000, 500, 600_000),
        };
  if (llm && llm.timeoutMs >= llm.totalMs) throw new ConfigError('OPENAI_TIMEOUT_MS must be shorter than OPENAI_TOTAL_MS');
  if (llm && llm.idleMs > llm.totalMs) throw new ConfigError('OPENAI_IDLE_MS must not be longer than OPENAI_TOTAL_MS');

  return {
    host: env.HOST?.trim() || '127.0.0.1',
    port: integer(env, 'PORT', 3000, 0, 65535),
    logLevel,
    llm,
    limits: {
      maxPayloadBytes: integer(env, 'MAX_PAYLOAD_BYTES', 16 * 1024, 1024, 1024 * 1024),
      questionsPerMinutePerConnection: integer(env, 'QUESTIONS_PER_MINUTE_PER_CONNECTION', 30, 1, 100_000),
      questionsPerMinutePerIp: integer(env, 'QUESTIONS_PER_MINUTE_PER_IP', 120, 1, 1_000_000),
      httpRequestsPerMinute: integer(env, 'HTTP_REQUESTS_PER_MINUTE', 300, 1, 1_000_000),
      concurrentQuestionsPerConnection: integer(env, 'CONCURRENT_QUESTIONS_PER_CONNECTION', 4, 1, 100),
      connectionsPerIp: integer(env, 'CONNECTIONS_PER_IP', 50, 1, 100_000),
    },
    allowedOrigins: origins(env.ALLOWED_ORIGINS),
    indexDir: env.INDEX_DIR?.trim() || null,
    redisUrl: redisUrl(env.REDIS_URL),
  };
}

function redisUrl(raw: string | undefined): string | null {
  if (!raw || raw.trim() === '') return null;
  try {
    const url = new URL(raw.trim());
    if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw new Error('scheme');
  } catch {
    throw new ConfigError('REDIS_URL must look like redis://host:6379');
  }
  return raw.trim();
}

/** The configuration as it may be logged: the API key is never part of it. */
export function describeConfig(config: Config): Record<string, unknown> {
  return {
    host: config.host,
    port: config.port,
    mode: config.llm ? 'llm' : 'extractive',
    model: config.llm?.model ?? null,
    llmBaseURL: config.llm?.baseURL ?? null,
    limits: config.limits,
    allowedOrigins: config.allowedOrigins,
    sharedLimits: config.redisUrl ? 'redis' : 'memory',
  };
}
