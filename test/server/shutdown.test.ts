import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeOpenAI } from '../support/fake-openai.js';
import { TestClient } from '../support/app.js';
import { startServerProcess } from '../support/server-process.js';

/** The server as a process: SIGTERM mid-answer, and what it writes to its log at start. */

const fake = new FakeOpenAI([]);
let baseURL = '';
beforeAll(async () => {
  baseURL = await fake.start();
});
afterAll(() => fake.close());

const QUESTION = JSON.stringify({ question: '我能拿多少两化融合奖励' });
const LONG_ANSWER = { kind: 'stream' as const, pieces: Array.from({ length: 400 }, () => '很长的回答'), delayMs: 50 };

describe('SIGTERM with answers in flight', () => {
  it('aborts the model requests, ends the HTTP answer with a 503 and the socket with 1001, and exits 0 within the grace period', async () => {
    fake.script([LONG_ANSWER]);
    const server = await startServerProcess({
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: baseURL,
      OPENAI_MODEL: 'fake-model',
      SHUTDOWN_GRACE_MS: '3000',
    });
    const pending = fetch(`${server.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: QUESTION });
    const client = await TestClient.connect(server.wsUrl);
    client.send({ type: 'ask', id: 'w', question: '松江两化融合奖励多少' });
    await client.next((f) => f.id === 'w' && f.type === 'delta');
    await expect.poll(() => fake.requests.length).toBe(2);

    const signalledAt = Date.now();
    const { code, ms } = await server.stop('SIGTERM');
    expect(code).toBe(0);
    expect(ms).toBeLessThan(3000);

    const response = await pending;
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: { code: 'unavailable' } });
    expect((await client.closed).code).toBe(1001);
    expect(fake.requests.every((r) => r.aborted)).toBe(true);
    for (const request of fake.requests) expect((request.abortedAt ?? Infinity) - signalledAt).toBeLessThan(1000);
    expect(server.logs.join('\n')).toMatch(/"connections":1,"questionsInFlight":2.*shutting down/);
  });

  it('exits 0 at once with nothing in flight', async () => {
    const server = await startServerProcess();
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    const { code, ms } = await server.stop('SIGTERM');
    expect(code).toBe(0);
    expect(ms).toBeLessThan(2000);
  });
});

describe('the start-up log', () => {
  it('masks credentials in the model server and Redis URLs', async () => {
    const server = await startServerProcess({
      OPENAI_API_KEY: 'sk-never-logged',
      OPENAI_BASE_URL: 'http://alice:s3cretpass@127.0.0.1:9/v1?key=k3y-in-url',
      REDIS_URL: 'redis://:redispass@127.0.0.1:9',
    });
    await server.stop('SIGTERM');
    const ready = server.logs.find((line) => line.includes('policy-qa ready')) ?? '';
    expect(ready).toContain('http://***:***@127.0.0.1:9/v1?key=***');
    expect(server.logs.join('\n')).not.toMatch(/s3cretpass|k3y-in-url|redispass|sk-never-logged/);
  });
});
