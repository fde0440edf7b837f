import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Redis } from 'ioredis';
import { freePort } from '../../src/bench/net.js';

/**
 * A real Redis for the shared-limit tests: the one .ci/run starts (REDIS_TEST_URL), or a
 * redis-server from Debian started here on a free port.
 */
export const REDIS_SERVER = '/usr/bin/redis-server';
export const redisAvailable = Boolean(process.env.REDIS_TEST_URL) || existsSync(REDIS_SERVER);
if (!redisAvailable && process.env.CI) throw new Error('CI needs redis-server (apt-get install -y redis-server)');

export async function startRedis(): Promise<{ url: string; stop: () => Promise<void> }> {
  let child: ChildProcess | null = null;
  let url = process.env.REDIS_TEST_URL ?? '';
  if (!url) {
    const port = await freePort();
    child = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    url = `redis://127.0.0.1:${port}`;
  }
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => 50 });
  client.on('error', () => undefined); // refused until the server is up: retried below
  for (let i = 0; i < 100; i++) {
    try {
      await client.connect().catch(() => undefined);
      if ((await client.ping()) === 'PONG') break;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  await client.flushall();
  client.disconnect();
  return {
    url,
    stop: async () => {
      child?.kill();
    },
  };
}
