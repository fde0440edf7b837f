import { describeStore, loadStoreConfig, type StoreConfig } from './store/config.js';
import proxyAddr from '@fastify/proxy-addr';

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
    /** Open TCP connections (HTTP and websocket) per peer address; trusted proxies are not counted. */
    httpConnectionsPerIp: number;
    /** Output a websocket may have queued (unread by its client) before it is closed, in bytes. */
    wsMaxQueuedBytes: number;
    /** Ping interval: a websocket that has not answered the previous ping is closed. */
    wsHeartbeatMs: number;
    /** Time to receive a whole HTTP request, headers and body (408 after it). */
    requestTimeoutMs: number;
    /** Time to receive an HTTP request's headers. */
    headersTimeoutMs: number;
  };
  /** Sites allowed to embed the widget and open the websocket from their pages. */
  allowedOrigins: string[];
  /** The server's own public origins; when set, requests for any other Host are refused. */
  publicOrigins: string[];
  /** Which peers may set X-Forwarded-For/-Proto/-Host. */
  trustProxy: TrustProxy;
  /** How long a shutdown may take before the process exits anyway (with code 1). */
  shutdownGraceMs: number;
  /** A folder with policies/ and dict/; null for the shipped index/. */
  indexDir: string | null;
  /** Shared rate limits across instances; null keeps them in memory. */
  redisUrl: string | null;
  /** Feedback and the question log: SQLite in DATA_DIR, or PostgreSQL at DATABASE_URL. */
  store: StoreConfig;
  /** Turns on /admin and /api/admin/* (Bearer token); null (no default) leaves them answering 404. Never logged. */
  adminToken: string | null;
}

/**
 * TRUST_PROXY as Fastify's trustProxy takes it: true (every peer), a hop count (the nearest n peers;
 * only safe when clients cannot reach the server but through the proxy), or addresses and CIDR
 * ranges (and proxy-addr's names loopback, linklocal, uniquelocal).
 */
export type TrustProxy = { kind: 'none' } | { kind: 'all' } | { kind: 'hops'; hops: number } | { kind: 'addresses'; list: string[] };

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

function origins(raw: string | undefined, name = 'ALLOWED_ORIGINS'): string[] {
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
        throw new ConfigError(`${name}: "${o}" is not an origin such as https://example.com`);
      }
      if (!/^https?:$/.test(url.protocol) || url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
        throw new ConfigError(`${name}: "${o}" must be scheme://host[:port] with nothing after it`);
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

  const connectionsPerIp = integer(env, 'CONNECTIONS_PER_IP', 50, 1, 100_000);
  // Room for a browser's HTTP keep-alive connections beside its websockets.
  const httpConnectionsPerIp = integer(env, 'HTTP_CONNECTIONS_PER_IP', 2 * connectionsPerIp, 1, 200_000);
  if (httpConnectionsPerIp < connectionsPerIp) throw new ConfigError('HTTP_CONNECTIONS_PER_IP must be at least CONNECTIONS_PER_IP');
  const requestTimeoutMs = integer(env, 'HTTP_REQUEST_TIMEOUT_MS', 15_000, 500, 600_000);
  const headersTimeoutMs = integer(env, 'HTTP_HEADERS_TIMEOUT_MS', 10_000, 500, 600_000);
  if (headersTimeoutMs > requestTimeoutMs) throw new ConfigError('HTTP_HEADERS_TIMEOUT_MS must not be longer than HTTP_REQUEST_TIMEOUT_MS');

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
      connectionsPerIp,
      httpConnectionsPerIp,
      // Many answers' worth of frames: a client this far behind has stopped reading.
      wsMaxQueuedBytes: integer(env, 'WS_MAX_QUEUED_BYTES', 1024 * 1024, 16 * 1024, 64 * 1024 * 1024),
      wsHeartbeatMs: integer(env, 'WS_HEARTBEAT_MS', 30_000, 100, 600_000),
      requestTimeoutMs,
      headersTimeoutMs,
    },
    allowedOrigins: origins(env.ALLOWED_ORIGINS),
    publicOrigins: origins(env.PUBLIC_ORIGIN, 'PUBLIC_ORIGIN'),
    trustProxy: trustProxy(env.TRUST_PROXY),
    shutdownGraceMs: integer(env, 'SHUTDOWN_GRACE_MS', 10_000, 100, 600_000),
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

function trustProxy(raw: string | undefined): TrustProxy {
  const value = raw?.trim() ?? '';
  if (value === '' || value === 'false') return { kind: 'none' };
  if (value === 'true') return { kind: 'all' };
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 100) throw new ConfigError(`TRUST_PROXY: ${hops} hops is not a proxy chain`);
    return hops === 0 ? { kind: 'none' } : { kind: 'hops', hops };
  }
  const list = value.split(',').map((a) => a.trim()).filter(Boolean);
  try {
    proxyAddr.compile(list);
  } catch (error) {
    throw new ConfigError(`TRUST_PROXY must be true, a hop count, or addresses/CIDR ranges: ${(error as Error).message}`);
  }
  return { kind: 'addresses', list };
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

/** Query parameters that carry secrets in URLs (?key=, ?api_key=, ?token=, ?sig=…). */
const SECRET_PARAMETER = /key|token|secret|password|passwd|pwd|auth|sig|credential/i;

/** A URL as it may be logged: user and password, and secret-looking query values, masked. */
export function maskUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return '***';
  }
  if (url.username) url.username = '***';
  if (url.password) url.password = '***';
  for (const name of [...url.searchParams.keys()]) if (SECRET_PARAMETER.test(name)) url.searchParams.set(name, '***');
  return url.toString().replace(/%2A%2A%2A/g, '***');
}

/** The configuration as it may be logged: the API key is never part of it, URLs are masked. */
export function describeConfig(config: Config): Record<string, unknown> {
  return {
    host: config.host,
    port: config.port,
    mode: config.llm ? 'llm' : 'extractive',
    model: config.llm?.model ?? null,
    llmBaseURL: config.llm?.baseURL ? maskUrl(config.llm.baseURL) : null,
    llmLimits: config.llm
      ? { timeoutMs: config.llm.timeoutMs, idleMs: config.llm.idleMs, maxAttempts: config.llm.maxAttempts, maxTokens: config.llm.maxTokens, maxChars: config.llm.maxChars, totalMs: config.llm.totalMs }
      : null,
    limits: config.limits,
    allowedOrigins: config.allowedOrigins,
    publicOrigins: config.publicOrigins,
    trustProxy: config.trustProxy,
    sharedLimits: config.redisUrl ? `redis ${maskUrl(config.redisUrl)}` : 'memory',
    store: describeStore(config.store),
    admin: config.adminToken ? 'on' : 'off',
  };
}
