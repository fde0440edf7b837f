import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:https';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/bench/net.js';
import { browserAvailable, launchBrowser } from '../support/browser.js';
import { nginxAvailable, startNginx, type Nginx } from '../support/nginx.js';
import { REDIS_SERVER, redisAvailable } from '../support/redis.js';
import { startTestServer, TestClient, type TestServer } from '../support/app.js';

/**
 * Behind a real nginx that terminates TLS in front of two instances sharing their limits through
 * Redis: the page's websocket connects with its https Origin, and each user keeps a budget of their
 * own although every request reaches the instances from nginx's one address.
 */

describe.skipIf(!nginxAvailable || !redisAvailable)('behind nginx, TLS terminated there, two instances', () => {
  let nginx: Nginx;
  let redis: ChildProcess;
  const instances: TestServer[] = [];

  beforeAll(async () => {
    // A Redis of this file's own: the shared one is flushed by other test files as they start.
    const redisPort = await freePort();
    redis = spawn(REDIS_SERVER, ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    const probe = new Redis(`redis://127.0.0.1:${redisPort}`, { retryStrategy: () => 50, maxRetriesPerRequest: null });
    probe.on('error', () => undefined); // refused until redis-server is up
    await probe.ping();
    probe.disconnect();
    const env = {
      TRUST_PROXY: 'loopback',
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      QUESTIONS_PER_MINUTE_PER_IP: '3',
      HTTP_REQUESTS_PER_MINUTE: '20',
    };
    for (let i = 0; i < 2; i++) instances.push(await startTestServer({ env }));
    nginx = await startNginx(instances.map((s) => Number(new URL(s.url).port)));
  });
  afterAll(async () => {
    await nginx?.stop();
    for (const instance of instances) await instance.close();
    redis?.kill();
  });

  const connectAs = (forwardedFor?: string): Promise<TestClient> =>
    TestClient.connect(
      `wss://127.0.0.1:${nginx.port}/ws`,
      { origin: nginx.origin, ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
      { ca: nginx.certificate },
    );

  function get(path: string, forwardedFor: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const req = request(
        `${nginx.origin}${path}`,
        { ca: nginx.certificate, headers: { 'x-forwarded-for': forwardedFor } },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end();
    });
  }

  it('lets the page’s websocket connect with its https Origin', async () => {
    if (browserAvailable) {
      const browser = await launchBrowser();
      try {
        const context = await browser.newContext({ ignoreHTTPSErrors: true });
        const page = await context.newPage();
        await page.goto(nginx.origin);
        await page.waitForSelector('.status.open');
        await page.fill('#question', '我能拿多少两化融合奖励');
        await page.click('#send');
        await page.waitForSelector('.answer .answer-footer .mode', { timeout: 15_000 });
        expect(await page.locator('.answer-body').last().innerText()).toContain('一次性最高不超过20万元奖励');
        expect(await page.locator('.answer .cite').count()).toBeGreaterThan(4);
      } finally {
        await browser.close();
      }
    }
    // Each new connection goes to the next instance: both accept the page's https origin.
    for (let i = 0; i < 2; i++) {
      const client = await connectAs();
      client.send({ type: 'ask', id: 'q', question: '松江技改补贴' });
      expect(await client.end('q')).toMatchObject({ type: 'done' });
      client.close();
    }
    await expect(
      TestClient.connect(`wss://127.0.0.1:${nginx.port}/ws`, { origin: 'https://evil.example' }, { ca: nginx.certificate }),
    ).rejects.toThrow(/403/);
  });

  it('keeps each user’s question budget their own, across both instances', async () => {
    const first = await connectAs('203.0.113.1');
    const ends: string[] = [];
    for (let i = 0; i < 4; i++) {
      first.send({ type: 'ask', id: `a${i}`, question: '松江技改补贴' });
      const end = await first.end(`a${i}`);
      ends.push(end.type === 'done' ? 'done' : String(end.code));
    }
    expect(ends).toEqual(['done', 'done', 'done', 'rate-limited']);
    // The same user on a second connection (nginx sends it to the other instance): still spent.
    const again = await connectAs('203.0.113.1');
    again.send({ type: 'ask', id: 'b', question: '松江技改补贴' });
    expect(await again.end('b')).toMatchObject({ type: 'error', code: 'rate-limited' });
    // Another user behind the same nginx: a budget of their own.
    const other = await connectAs('203.0.113.2');
    other.send({ type: 'ask', id: 'c', question: '松江技改补贴' });
    expect(await other.end('c')).toMatchObject({ type: 'done' });
    for (const client of [first, again, other]) client.close();
  });

  it('keeps each user’s HTTP budget their own', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 21; i++) codes.push(await get(i % 2 ? '/api/policies' : '/api/health', '203.0.113.7'));
    expect(codes.slice(0, 20).every((c) => c === 200)).toBe(true);
    expect(codes[20]).toBe(429);
    expect(await get('/api/policies', '203.0.113.8')).toBe(200);
  });
});
