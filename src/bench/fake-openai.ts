import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An OpenAI-compatible server on a loopback port for tests: real HTTP, real server-sent events,
 * scripted per request (stream, fail, stall, drop the socket), recording what it was sent and
 * whether the client hung up before the answer ended.
 */

export interface SeenRequest {
  body: { model: string; messages: { role: string; content: string }[]; stream?: boolean; max_tokens?: number };
  authorization: string | undefined;
  /** The client closed the connection before the server finished its answer. */
  aborted: boolean;
  abortedAt: number | null;
  receivedAt: number;
}

export type Behaviour =
  | { kind: 'stream'; pieces: string[]; delayMs?: number }
  | { kind: 'status'; status: number; retryAfterMs?: number }
  | { kind: 'stall'; pieces: string[] }
  | { kind: 'drop'; pieces: string[] }
  | { kind: 'hang' }
  /** A model that never stops: `piece` every `delayMs` until the client hangs up. */
  | { kind: 'endless'; piece: string; delayMs?: number }
  /** The first piece at once, then one `piece` every `everyMs`, for ever. */
  | { kind: 'trickle'; first: string; piece: string; everyMs: number }
  /** A model that repeats the message of `role` it was sent, a line at a time, `suffix` after each. */
  | { kind: 'echo'; role: 'system' | 'user'; suffix?: string };

export function chunk(content: string | null, finish: string | null = null): string {
  const delta = content === null ? {} : { content };
  return `data: ${JSON.stringify({
    id: 'chatcmpl-test',
    object: 'chat.completion.chunk',
    created: 0,
    model: 'fake-model',
    choices: [{ index: 0, delta, finish_reason: finish }],
  })}\n\n`;
}

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class FakeOpenAI {
  readonly requests: SeenRequest[] = [];
  private server: Server | null = null;
  private readonly open = new Set<ServerResponse>();

  /** The behaviour for the n-th request (0-based); the last one repeats. */
  constructor(private behaviours: Behaviour[]) {}

  script(behaviours: Behaviour[]): void {
    this.behaviours = behaviours;
    this.requests.length = 0;
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/v1`;
  }

  async close(): Promise<void> {
    for (const res of this.open) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let raw = '';
    for await (const part of req) raw += String(part);
    const seen: SeenRequest = {
      body: JSON.parse(raw) as SeenRequest['body'],
      authorization: req.headers.authorization,
      aborted: false,
      abortedAt: null,
      receivedAt: Date.now(),
    };
    this.requests.push(seen);
    this.open.add(res);
    res.on('close', () => {
      this.open.delete(res);
      if (!res.writableEnded) {
        seen.aborted = true;
        seen.abortedAt = Date.now();
      }
    });
    const behaviour = this.behaviours[Math.min(this.requests.length - 1, this.behaviours.length - 1)];
    if (!behaviour) throw new Error('no behaviour scripted');

    if (behaviour.kind === 'hang') return; // never even sends headers
    if (behaviour.kind === 'status') {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (behaviour.retryAfterMs !== undefined) headers['retry-after-ms'] = String(behaviour.retryAfterMs);
      res.writeHead(behaviour.status, headers);
      res.end(JSON.stringify({ error: { message: `fake ${behaviour.status}`, type: 'fake', code: null } }));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.flushHeaders();
    if (behaviour.kind === 'endless' || behaviour.kind === 'trickle') {
      if (behaviour.kind === 'trickle') res.write(chunk(behaviour.first));
      const piece = behaviour.piece;
      const every = behaviour.kind === 'endless' ? (behaviour.delayMs ?? 1) : behaviour.everyMs;
      while (!res.destroyed) {
        await wait(every);
        if (!res.destroyed) res.write(chunk(piece));
      }
      return;
    }
    if (behaviour.kind === 'echo') {
      const message = seen.body.messages.find((m) => m.role === behaviour.role)?.content ?? '';
      const lines = message.split('\n').map((line) => (line.trim() === '' ? line : `${line}${behaviour.suffix ?? ''}`));
      for (const line of lines) res.write(chunk(`${line}\n`));
      res.write(chunk(null, 'stop'));
      res.write('data: [DONE]\n\n');
      res.end();
      return;
    }
    for (const piece of behaviour.pieces) {
      if (res.destroyed) return;
      res.write(chunk(piece));
      if (behaviour.kind === 'stream') await wait(behaviour.delayMs ?? 5);
      else await wait(5);
    }
    if (behaviour.kind === 'stall') return; // headers and some text, then silence
    if (behaviour.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    res.write(chunk(null, 'stop'));
    res.write('data: [DONE]\n\n');
    res.end();
  }
}
