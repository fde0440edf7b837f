import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import type { AnswerEvent } from '../../src/answer/types.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { createLlmAnswerer } from '../../src/server.js';
import { FakeOpenAI } from '../support/fake-openai.js';
import { startTestServer, TestClient } from '../support/app.js';
import { EVAL_DATE, sharedEngine } from '../helpers.js';

/**
 * Everything a model server can make us spend is bounded: tokens asked for, characters forwarded,
 * time per answer, and the wait for a first token (with one retry) before the extractive answer.
 */

const fake = new FakeOpenAI([]);
let baseURL = '';
beforeAll(async () => {
  baseURL = await fake.start();
});
afterAll(() => fake.close());

const ENV = (extra: Record<string, string> = {}) => ({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: baseURL, OPENAI_MODEL: 'fake-model', ...extra });

function answerer(env: Record<string, string> = {}) {
  const llm = createLlmAnswerer(loadConfig(ENV(env)));
  if (!llm) throw new Error('no llm');
  return llm;
}

async function run(env: Record<string, string> = {}) {
  const events: AnswerEvent[] = [];
  const warnings: string[] = [];
  const log = { warn: (details: Record<string, unknown>, message: string) => warnings.push(`${message} ${JSON.stringify(details)}`) };
  const started = Date.now();
  for await (const event of answer({ question: '我能拿多少两化融合奖励', region: null, asOf: EVAL_DATE }, { engine: sharedEngine(), llm: answerer(env), log })) {
    events.push(event);
  }
  const end = events.at(-1);
  const streamed = events.map((e) => (e.type === 'delta' ? e.text : '')).join('');
  return { events, done: end?.type === 'done' ? end.answer : null, warnings, elapsed: Date.now() - started, streamed };
}

describe('bounded model output', () => {
  it('asks for max_tokens, configurable', async () => {
    fake.script([{ kind: 'stream', pieces: ['松江最高20万元 [1]。'] }]);
    await run();
    expect(fake.requests[0]?.body.max_tokens).toBe(1024);
    fake.script([{ kind: 'stream', pieces: ['松江最高20万元 [1]。'] }]);
    await run({ OPENAI_MAX_TOKENS: '300' });
    expect(fake.requests[0]?.body.max_tokens).toBe(300);
  });

  it('ends an endless stream at the character cap, aborts it, and answers extractively', async () => {
    fake.script([{ kind: 'endless', piece: '永不结束的回答。', delayMs: 1 }]);
    const { done, warnings, streamed, elapsed } = await run({ OPENAI_MAX_CHARS: '2000' });
    expect(streamed.length).toBeLessThanOrEqual(2000);
    expect(streamed.length).toBeGreaterThan(1500);
    expect(done?.mode).toBe('extractive');
    expect(done?.answer).toMatch(/^（生成服务暂时不可用/);
    expect(warnings.join()).toMatch(/"failure":"too-long"/);
    expect(elapsed).toBeLessThan(10_000);
    await expect.poll(() => fake.requests[0]?.aborted).toBe(true);
  });

  it('ends a 1-character-per-5-s trickle at the total-time cap', async () => {
    fake.script([{ kind: 'trickle', first: '松', piece: '江', everyMs: 5000 }]);
    const { done, warnings, streamed, elapsed } = await run({ OPENAI_TOTAL_MS: '6500', OPENAI_IDLE_MS: '6000', OPENAI_TIMEOUT_MS: '2000' });
    expect(streamed).toBe('松江');
    expect(elapsed).toBeGreaterThanOrEqual(6400);
    expect(elapsed).toBeLessThan(8000);
    expect(done?.mode).toBe('extractive');
    expect(warnings.join()).toMatch(/"failure":"too-slow"/);
    await expect.poll(() => fake.requests[0]?.aborted).toBe(true);
  }, 20_000);

  it('falls back within the first-token budget and one retry when the model never answers', async () => {
    fake.script([{ kind: 'hang' }]);
    const { done, warnings, elapsed } = await run({ OPENAI_TIMEOUT_MS: '500' });
    expect(fake.requests.length).toBe(2);
    expect(elapsed).toBeGreaterThanOrEqual(1000);
    expect(elapsed).toBeLessThan(1000 + 250 + 600);
    expect(done?.mode).toBe('extractive');
    expect(warnings.join()).toMatch(/"failure":"timeout"/);
    await expect.poll(() => fake.requests.every((r) => r.aborted)).toBe(true);
  });

  it('counts a server that sends headers but no text against the first-token budget', async () => {
    fake.script([{ kind: 'stall', pieces: [] }]);
    const { done, elapsed } = await run({ OPENAI_TIMEOUT_MS: '400', OPENAI_IDLE_MS: '10000' });
    expect(fake.requests.length).toBe(2);
    expect(elapsed).toBeLessThan(2000);
    expect(done?.mode).toBe('extractive');
  });

  it('does not wait out a long retry-after: the fallback answers at once', async () => {
    fake.script([{ kind: 'status', status: 429, retryAfterMs: 30_000 }]);
    const { done, elapsed } = await run();
    expect(fake.requests.length).toBe(1);
    expect(elapsed).toBeLessThan(1000);
    expect(done?.mode).toBe('extractive');
  });

  it('forwards no more than the cap over the websocket, then the fallback answer', async () => {
    fake.script([{ kind: 'endless', piece: '永不结束的回答。', delayMs: 1 }]);
    const server = await startTestServer({ llm: answerer({ OPENAI_MAX_CHARS: '3000' }) });
    try {
      const client = await TestClient.connect(server.wsUrl);
      client.send({ type: 'ask', id: 'e', question: '我能拿多少两化融合奖励' });
      const done = await client.end('e');
      const forwarded = client.of('e').filter((f) => f.type === 'delta').map((f) => f.text ?? '').join('');
      expect(forwarded.length).toBeLessThanOrEqual(3000);
      expect(done).toMatchObject({ type: 'done', mode: 'extractive' });
      client.close();
    } finally {
      await server.close();
    }
  });

  it('refuses settings that would unbound it', () => {
    expect(() => loadConfig(ENV({ OPENAI_MAX_ATTEMPTS: '3' }))).toThrow(ConfigError);
    expect(() => loadConfig(ENV({ OPENAI_TIMEOUT_MS: '70000', OPENAI_TOTAL_MS: '60000' }))).toThrow(/shorter than OPENAI_TOTAL_MS/);
    expect(() => loadConfig(ENV({ OPENAI_MAX_CHARS: '0' }))).toThrow(ConfigError);
    expect(loadConfig(ENV()).llm).toMatchObject({ timeoutMs: 8000, maxAttempts: 2, maxTokens: 1024, maxChars: 6000, totalMs: 60_000 });
  });
});
