import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../src/bench/net.js';

/**
 * The built server as a user runs it (`policy-qa serve`) in a process of its own: for what only a
 * real process shows — its memory, its exit code, its signals.
 */

const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  wsUrl: string;
  port: number;
  /** Every line the server wrote to stdout and stderr. */
  logs: string[];
  /** Resident memory now and at its peak, in MB. */
  memory(): { rssMb: number; peakMb: number };
  /** Sends a signal and resolves with the exit code and how long the exit took. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; ms: number }>;
}

export async function startServerProcess(env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [CLI, 'serve', '--port', String(port)], {
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  const collect = (data: Buffer): void => {
    logs.push(...data.toString('utf8').split('\n').filter(Boolean));
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300 && child.exitCode === null; i++) {
    if (logs.some((line) => line.includes('Server listening'))) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  if (child.exitCode !== null || !logs.some((line) => line.includes('Server listening'))) {
    child.kill('SIGKILL');
    throw new Error(`server did not start:\n${logs.join('\n')}`);
  }
  return {
    child,
    url,
    wsUrl: `ws://127.0.0.1:${port}/ws`,
    port,
    logs,
    memory: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = (field: string): number => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
      return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
    },
    stop: async (signal = 'SIGTERM') => {
      const started = Date.now();
      if (child.exitCode === null) child.kill(signal);
      const code = await exited;
      return { code, ms: Date.now() - started };
    },
  };
}

/** A copy of the shipped policies and dictionaries in `indexDir`, for a server whose folder a test changes. */
export function copyShippedIndex(indexDir: string): void {
  for (const folder of ['policies', 'dict']) {
    cpSync(fileURLToPath(new URL(`../../index/${folder}`, import.meta.url)), join(indexDir, folder), { recursive: true });
  }
}
