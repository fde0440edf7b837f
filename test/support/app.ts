import type { FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import WebSocket from 'ws';
import { buildApp } from '../../src/app.js';
import type { LlmAnswerer } from '../../src/answer/llm-answer.js';
import { loadConfig, type Config } from '../../src/config.js';
import type { Engine } from '../../src/engine.js';
import { sharedEngine } from '../helpers.js';

export interface TestServer {
  app: FastifyInstance;
  url: string;
  wsUrl: string;
  config: Config;
  /** Every log line the server wrote, as text. */
  logs: string[];
  close(): Promise<void>;
}

export async function startTestServer(
  options: { env?: Record<string, string>; llm?: LlmAnswerer | null; listen?: boolean; port?: number; engine?: Engine } = {},
): Promise<TestServer> {
  // Each server keeps its feedback and question log in a folder of its own unless a test names one.
  const ownDataDir = options.env?.DATA_DIR || options.env?.DATABASE_URL ? null : mkdtempSync(join(tmpdir(), 'policy-qa-data-'));
  const config = loadConfig({ LOG_LEVEL: 'info', ...(ownDataDir ? { DATA_DIR: ownDataDir } : {}), ...options.env });
  const logs: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs.push(chunk.toString('utf8'));
      callback();
    },
  });
  const app = await buildApp({ config, engine: options.engine ?? sharedEngine(), llm: options.llm ?? null, logger: { level: 'info', stream } });
  let url = 'http://127.0.0.1';
  if (options.listen !== false) url = await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  else await app.ready();
  const close = async (): Promise<void> => {
    await app.close();
    if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
  };
  return { app, url, wsUrl: `${url.replace(/^http/, 'ws')}/ws`, config, logs, close };
}

export interface Frame {
  type: string;
  id?: string;
  code?: string;
  message?: string;
  text?: string;
  [key: string]: unknown;
}

/** A websocket client that records frames and waits for the ones a test expects. */
export class TestClient {
  readonly frames: Frame[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private waiters: { test: (f: Frame) => boolean; resolve: (f: Frame) => void }[] = [];

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as Frame;
      this.frames.push(frame);
      this.waiters = this.waiters.filter((w) => {
        if (!w.test(frame)) return true;
        w.resolve(frame);
        return false;
      });
    });
    this.closed = new Promise((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  static async connect(url: string, headers: Record<string, string> = {}, options: WebSocket.ClientOptions = {}): Promise<TestClient> {
    const socket = new WebSocket(url, { ...options, headers });
    const client = new TestClient(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
      socket.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    });
    return client;
  }

  send(frame: unknown): void {
    this.socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** The first frame (already received or still to come) that passes the test. */
  next(test: (f: Frame) => boolean, timeoutMs = 10_000): Promise<Frame> {
    const seen = this.frames.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching frame within ${timeoutMs} ms; got ${JSON.stringify(this.frames.slice(-5))}`)), timeoutMs);
      this.waiters.push({ test, resolve: (f) => (clearTimeout(timer), resolve(f)) });
    });
  }

  /** The end of question `id`: its done or error frame. */
  end(id: string, timeoutMs?: number): Promise<Frame> {
    return this.next((f) => f.id === id && (f.type === 'done' || f.type === 'error'), timeoutMs);
  }

  of(id: string): Frame[] {
    return this.frames.filter((f) => f.id === id);
  }

  close(): void {
    this.socket.close();
  }
}
