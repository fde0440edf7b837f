import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { FakeOpenAI } from './fake-openai.js';
import { freePort } from './net.js';
import { percentile } from './stats.js';

/**
 * Load on the real server over real websockets on loopback, bounded in connections and time:
 *   - 1,000 connections open; extractive answers flat out on all of them;
 *   - 1,000 connections open, 200 of them streaming from a fake OpenAI-compatible server at a
 *     realistic pace (30 chunks, 30 ms apart);
 *   - with --soak, 10 minutes of steady mixed traffic, watching the server's RSS and live handles.
 * Reports answers/s, time from ask to first delta, errors, dropped frames, server CPU and RSS.
 */

const SOAK = process.argv.includes('--soak');
const CONNECTIONS = 1000;
const STREAMING = 200;
const FLAT_OUT_SECONDS = 10;
const STREAM_SECONDS = 15;
const WARMUP_SECONDS = 3;
const SOAK_SECONDS = 600;
const CHUNKS = 30;
const CHUNK_GAP_MS = 30;
const DEV = readFileSync(fileURLToPath(new URL('../../test/eval/dev.jsonl', import.meta.url)), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as { question: string; answerable: boolean });
const ALL_QUESTIONS = DEV.map((q) => q.question);
/** Questions with no answer in the corpus never reach a model. */
const ANSWERABLE = DEV.filter((q) => q.answerable).map((q) => q.question);

interface ServerProcess {
  child: ChildProcess;
  url: string;
  wsUrl: string;
}

async function startServer(env: Record<string, string>, logs?: string[]): Promise<ServerProcess> {
  const port = await freePort();
  const nodeArgs = process.env.LOAD_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, fileURLToPath(new URL('../cli/main.js', import.meta.url)), 'serve', '--port', String(port)], {
    env: {
      ...process.env,
      LOG_LEVEL: logs ? 'info' : 'warn',
      // One address drives all the load: the per-address limits are raised to their maximum.
      QUESTIONS_PER_MINUTE_PER_CONNECTION: '100000',
      QUESTIONS_PER_MINUTE_PER_IP: '1000000',
      CONNECTIONS_PER_IP: '100000',
      HTTP_REQUESTS_PER_MINUTE: '1000000',
      ...env,
    },
    stdio: ['ignore', logs ? 'pipe' : 'ignore', 'inherit'],
  });
  child.stdout?.on('data', (data: Buffer) => logs?.push(...data.toString('utf8').split('\n')));
  const url = `http://127.0.0.1:${port}`;
  let exited = false;
  child.once('exit', () => (exited = true));
  for (let i = 0; i < 200 && !exited; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { child, url, wsUrl: `ws://127.0.0.1:${port}/ws` };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error('server did not start');
}

function stop(server: ServerProcess): Promise<void> {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null || server.child.signalCode !== null) return resolve();
    server.child.once('exit', () => resolve());
    server.child.kill('SIGTERM');
  });
}

/** The server's CPU time (user + system, in clock ticks of 10 ms) and memory, from /proc. */
function processFigures(pid: number): { cpuMs: number; rssMb: number; peakMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string): number => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { cpuMs: (Number(stat[11]) + Number(stat[12])) * 10, rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

let loadCpuAtStart = 0;

interface Tally {
  answers: number;
  errors: number;
  dropped: number;
  firstDelta: number[];
  /** When each first delta arrived, to tell the ramp-up from the steady state. */
  firstDeltaAt: number[];
}

/** One connection asking question after question until `until`, checking every answer it gets. */
async function asker(
  socket: WebSocket,
  until: number,
  tally: Tally,
  expected: string | null,
  options: { pauseMs?: number; questions?: string[]; startWithinMs?: number } = {},
): Promise<void> {
  const questions = options.questions ?? ALL_QUESTIONS;
  // Clients do not all press enter in the same millisecond.
  if (options.startWithinMs) await new Promise((r) => setTimeout(r, Math.random() * (options.startWithinMs ?? 0)));
  let n = 0;
  while (Date.now() < until) {
    const id = `q${++n}`;
    const question = questions[Math.floor(Math.random() * questions.length)] ?? '';
    const sent = performance.now();
    await new Promise<void>((resolve) => {
      let text = '';
      let deltas = 0;
      let sawSources = false;
      const onMessage = (data: WebSocket.RawData): void => {
        const frame = JSON.parse(data.toString()) as { type: string; id?: string; text?: string; answer?: string };
        if (frame.id !== id) return;
        if (frame.type === 'sources') sawSources = true;
        if (frame.type === 'delta') {
          if (deltas === 0) {
            tally.firstDelta.push(performance.now() - sent);
            tally.firstDeltaAt.push(performance.now());
          }
          deltas++;
          text += frame.text ?? '';
        }
        if (frame.type === 'done' || frame.type === 'error') {
          socket.off('message', onMessage);
          if (frame.type === 'error') tally.errors++;
          else {
            tally.answers++;
            // Every frame arrived, in order: sources first, and the deltas add up to the answer (or,
            // for a generated answer, to every piece the model sent).
            const complete = expected === null ? text === frame.answer : text === expected;
            if (!sawSources || !complete) tally.dropped++;
          }
          resolve();
        }
      };
      socket.on('message', onMessage);
      socket.send(JSON.stringify({ type: 'ask', id, question }));
    });
    if (options.pauseMs) await new Promise((r) => setTimeout(r, options.pauseMs));
  }
}

async function openConnections(wsUrl: string, count: number): Promise<WebSocket[]> {
  const sockets: WebSocket[] = [];
  for (let i = 0; i < count; i += 100) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(100, count - i) }, () => {
        const socket = new WebSocket(wsUrl);
        return new Promise<WebSocket>((resolve, reject) => {
          socket.once('open', () => resolve(socket));
          socket.once('error', reject);
        });
      }),
    );
    sockets.push(...batch);
  }
  return sockets;
}

const RAMP_SECONDS = 2;

/** First-delta times once every client has started and the server is warm. */
function steady(tally: Tally): number[] {
  const start = Math.min(...tally.firstDeltaAt);
  return tally.firstDelta.filter((_, i) => (tally.firstDeltaAt[i] ?? 0) - start >= RAMP_SECONDS * 1000);
}

function report(label: string, tally: Tally, seconds: number, cpu: { before: number; after: number }, server: ServerProcess): void {
  const figures = processFigures(server.child.pid ?? 0);
  const own = processFigures(process.pid);
  console.log(
    `${label}\n` +
      `  answers ${tally.answers} in ${seconds.toFixed(1)} s = ${(tally.answers / seconds).toFixed(0)} answers/s; errors ${tally.errors}; dropped or incomplete ${tally.dropped}\n` +
      `  ask → first delta: p50 ${percentile(tally.firstDelta, 50).toFixed(1)} ms, p99 ${percentile(tally.firstDelta, 99).toFixed(1)} ms` +
      ` (once all clients run, after ${RAMP_SECONDS} s: p99 ${percentile(steady(tally), 99).toFixed(1)} ms)\n` +
      `  server CPU ${((100 * (cpu.after - cpu.before)) / (seconds * 1000)).toFixed(0)}% of one core; RSS ${figures.rssMb.toFixed(0)} MB (peak ${figures.peakMb.toFixed(0)} MB)\n` +
      `  (this load generator, clients and fake model together: ${((100 * (own.cpuMs - loadCpuAtStart)) / (seconds * 1000)).toFixed(0)}% of one core)`,
  );
}

async function flatOut(): Promise<void> {
  const server = await startServer({});
  try {
    const sockets = await openConnections(server.wsUrl, CONNECTIONS);
    const tally: Tally = { answers: 0, errors: 0, dropped: 0, firstDelta: [], firstDeltaAt: [] };
    const before = processFigures(server.child.pid ?? 0).cpuMs;
    loadCpuAtStart = processFigures(process.pid).cpuMs;
    const start = performance.now();
    await Promise.all(sockets.map((s) => asker(s, Date.now() + FLAT_OUT_SECONDS * 1000, tally, null)));
    const seconds = (performance.now() - start) / 1000;
    report(`Extractive, flat out on ${CONNECTIONS} connections`, tally, seconds, { before, after: processFigures(server.child.pid ?? 0).cpuMs }, server);
    for (const s of sockets) s.close();
  } finally {
    await stop(server);
  }
}

async function streaming(): Promise<void> {
  // A model that cites every sentence, as the prompt asks: its answers pass the grounding check and
  // reach the reader as generated answers (a text that fails would measure the fallback instead).
  const pieces = Array.from({ length: CHUNKS }, (_, i) => (i === 0 ? '根据条款 [1]，' : `要点${i} [1]。`));
  const fake = new FakeOpenAI([{ kind: 'stream', pieces, delayMs: CHUNK_GAP_MS }]);
  const baseURL = await fake.start();
  const server = await startServer({ OPENAI_API_KEY: 'sk-load-test', OPENAI_BASE_URL: baseURL, OPENAI_MODEL: 'fake-model' });
  try {
    const sockets = await openConnections(server.wsUrl, CONNECTIONS);
    const tally: Tally = { answers: 0, errors: 0, dropped: 0, firstDelta: [], firstDeltaAt: [] };
    // Warm-up, not counted: the server compiles its hot paths and opens its connections to the model.
    const warmUntil = Date.now() + WARMUP_SECONDS * 1000;
    const warmTally: Tally = { answers: 0, errors: 0, dropped: 0, firstDelta: [], firstDeltaAt: [] };
    await Promise.all(sockets.slice(0, STREAMING).map((s) => asker(s, warmUntil, warmTally, pieces.join(''), { questions: ANSWERABLE, startWithinMs: 1000 })));
    const before = processFigures(server.child.pid ?? 0).cpuMs;
    loadCpuAtStart = processFigures(process.pid).cpuMs;
    const start = performance.now();
    const until = Date.now() + STREAM_SECONDS * 1000;
    await Promise.all(sockets.slice(0, STREAMING).map((s) => asker(s, until, tally, pieces.join(''), { questions: ANSWERABLE, startWithinMs: 1000 })));
    const seconds = (performance.now() - start) / 1000;
    report(
      `Generated answers: ${STREAMING} streaming at once (${CHUNKS} chunks ${CHUNK_GAP_MS} ms apart) among ${CONNECTIONS} open connections, after ${WARMUP_SECONDS} s of warm-up`,
      tally,
      seconds,
      { before, after: processFigures(server.child.pid ?? 0).cpuMs },
      server,
    );
    console.log(`  model requests ${fake.requests.length}; an answer counts as dropped unless every piece of the model's text arrived, in order`);
    for (const s of sockets) s.close();
  } finally {
    await stop(server);
    await fake.close();
  }
}

async function soak(): Promise<void> {
  const fake = new FakeOpenAI([{ kind: 'stream', pieces: Array.from({ length: CHUNKS }, () => '要点 [1]。'), delayMs: CHUNK_GAP_MS }]);
  const baseURL = await fake.start();
  const logs: string[] = [];
  const server = await startServer({ OPENAI_API_KEY: 'sk-soak-test', OPENAI_BASE_URL: baseURL }, logs);
  const pid = server.child.pid ?? 0;
  try {
    const until = Date.now() + SOAK_SECONDS * 1000;
    const samples: { at: number; rss: number }[] = [];
    const sampler = setInterval(() => samples.push({ at: (Date.now() - (until - SOAK_SECONDS * 1000)) / 1000, rss: processFigures(pid).rssMb }), 15_000);
    const tally: Tally = { answers: 0, errors: 0, dropped: 0, firstDelta: [], firstDeltaAt: [] };
    // Connections come and go: 20 rounds of 100 connections, each asking for a while, then closing.
    const rounds: Promise<void>[] = [];
    for (let worker = 0; worker < 100; worker++) {
      rounds.push(
        (async () => {
          while (Date.now() < until) {
            const [socket] = await openConnections(server.wsUrl, 1);
            if (!socket) break;
            await asker(socket, Math.min(until, Date.now() + 20_000), tally, null, { pauseMs: 200, questions: ANSWERABLE });
            socket.close();
          }
        })(),
      );
    }
    await Promise.all(rounds);
    clearInterval(sampler);
    await new Promise((r) => setTimeout(r, 3000));
    // /api/health tells nothing about the process: its shutdown line says what was still open.
    await stop(server);
    const line = logs.find((l) => l.includes('shutting down')) ?? '{}';
    const health = JSON.parse(line) as { connections: number; questionsInFlight: number; resources: Record<string, number> };
    const warm = samples.find((s) => s.at >= 60) ?? samples[0];
    const last = samples[samples.length - 1];
    console.log(
      `Soak: ${SOAK_SECONDS / 60} minutes, 100 clients reconnecting every 20 s\n` +
        `  answers ${tally.answers}; errors ${tally.errors}; dropped ${tally.dropped}\n` +
        `  RSS after warm-up ${warm?.rss.toFixed(0)} MB, at the end ${last?.rss.toFixed(0)} MB (${(((last?.rss ?? 0) / (warm?.rss ?? 1) - 1) * 100).toFixed(1)}%)\n` +
        `  after the clients left (at shutdown): ${health.connections} connections, ${health.questionsInFlight} answers in flight, handles ${JSON.stringify(health.resources)}`,
    );
  } finally {
    await stop(server);
    await fake.close();
  }
}

console.log('Load (real server process, real websockets on loopback)\n');
if (!process.argv.includes('--streaming-only')) await flatOut();
await streaming();
if (SOAK) await soak();
