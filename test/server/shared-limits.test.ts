import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisAvailable, startRedis } from '../support/redis.js';
import { startTestServer, TestClient, type TestServer } from '../support/app.js';

describe.skipIf(!redisAvailable)('two instances sharing limits through Redis', () => {
  let redis: { url: string; stop: () => Promise<void> };
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    redis = await startRedis();
    const env = { REDIS_URL: redis.url, QUESTIONS_PER_MINUTE_PER_IP: '4', HTTP_REQUESTS_PER_MINUTE: '5' };
    a = await startTestServer({ env });
    b = await startTestServer({ env });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await redis?.stop();
  });

  it('enforces one question limit per address across both instances', async () => {
    const onA = await TestClient.connect(a.wsUrl);
    const onB = await TestClient.connect(b.wsUrl);
    const ends = [];
    for (let i = 0; i < 6; i++) {
      const client = i % 2 === 0 ? onA : onB;
      client.send({ type: 'ask', id: `q${i}`, question: '松江技改补贴' });
      ends.push((await client.end(`q${i}`)).type === 'done' ? 'done' : 'limited');
    }
    expect(ends).toEqual(['done', 'done', 'done', 'done', 'limited', 'limited']);
    expect(onB.frames.find((f) => f.id === 'q5')).toMatchObject({ type: 'error', code: 'rate-limited' });
    onA.close();
    onB.close();
  });

  it('enforces one HTTP request limit per address across both instances', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) {
      const server = i % 2 === 0 ? a : b;
      codes.push((await fetch(`${server.url}/api/policies`)).status);
    }
    expect(codes).toEqual([200, 200, 200, 200, 200, 429, 429]);
  });
});

describe('an instance whose Redis is unreachable', () => {
  it('keeps answering, and says in its log that limits are not shared', async () => {
    const server = await startTestServer({ env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    try {
      const client = await TestClient.connect(server.wsUrl);
      client.send({ type: 'ask', id: 'q', question: '松江技改补贴' });
      expect(await client.end('q', 15_000)).toMatchObject({ type: 'done' });
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      await expect.poll(() => server.logs.join('')).toMatch(/redis unavailable: rate limits not shared/);
      client.close();
    } finally {
      await server.close();
    }
  });
});
