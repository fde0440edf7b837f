import { describeStore, loadStoreConfig, type StoreConfig } from './store/config.js';

/**
 * The server's configuration: one typed object read from the environment and checked once, at
 * start-up, so that a typo fails loudly instead of running with a default nobody chose.
 */

export interface LlmConfig {
  apiKey: string;
  baseURL: string | undefined;
  model: string;
  /** Wait for response headers, per attempt. */
  timeoutMs: number;
  /** Longest silence allowed between streamed chunks once the stream has started. */
  idleMs: number;
  /** Attempts for 429 and 5xx answers before the first token. */
  maxAttempts: number;
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
  /** Feedback and the question log: SQLite in DATA_DIR, or PostgreSQL at DATABASE_URL. */
  store: StoreConfig;
  /** Turns on /admin and /api/admin/* (Bearer token); null (no default) leaves them answering 404. Never logged. */
  adminToken: string | null;
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
          timeoutMs: integer(env, 'OPENAI_TIMEOUT_MS', 30_000, 100, 600_000),
          idleMs: integer(env, 'OPENAI_IDLE_MS', 20_000, 50, 600_000),
          maxAttempts: integer(env, 'OPENAI_MAX_ATTEMPTS', 3, 1, 10),
        };

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
    store: loadStoreConfig(env),
    adminToken: adminToken(env.ADMIN_TOKEN),
  };
}

/** Long enough that guessing it is hopeless; an unset or blank variable leaves the console off. */
const MIN_ADMIN_TOKEN_CHARS = 16;

function adminToken(raw: string | undefined): string | null {
  if (raw === undefined || raw.trim() === '') return null;
  if (raw.trim().length < MIN_ADMIN_TOKEN_CHARS) throw new ConfigError(`ADMIN_TOKEN must be at least ${MIN_ADMIN_TOKEN_CHARS} characters`);
  return raw.trim();
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
    store: describeStore(config.store),
    admin: config.adminToken ? 'on' : 'off',
  };
}
