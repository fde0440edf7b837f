import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import type { AnswerEvent, AnswerObject } from '../../src/answer/types.js';
import { loadConfig } from '../../src/config.js';
import { createLlmAnswerer } from '../../src/server.js';
import { FakeOpenAI } from '../support/fake-openai.js';
import { startTestServer, TestClient } from '../support/app.js';
import { EVAL_DATE, sharedEngine } from '../helpers.js';

const API_KEY = 'sk-test-SECRET-7f3a9c';
const fake = new FakeOpenAI([]);
let baseURL = '';

beforeAll(async () => {
  baseURL = await fake.start();
});
afterAll(() => fake.close());

function answerer(env: Record<string, string> = {}) {
  const config = loadConfig({ OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: baseURL, OPENAI_MODEL: 'fake-model', ...env });
  const llm = createLlmAnswerer(config);
  if (!llm) throw new Error('no llm');
  return llm;
}

async function run(question: string, env: Record<string, string> = {}, signal?: AbortSignal) {
  const events: AnswerEvent[] = [];
  const warnings: string[] = [];
  const log = { warn: (details: Record<string, unknown>, message: string) => warnings.push(`${message} ${JSON.stringify(details)}`) };
  for await (const event of answer(
    { question, region: null, asOf: EVAL_DATE },
    { engine: sharedEngine(), llm: answerer(env), signal, log },
  )) {
    events.push(event);
  }
  const end = events.at(-1);
  const done = end?.type === 'done' ? end.answer : null;
  return { events, done, end, warnings };
}

const HEADLINE = '我能拿多少两化融合奖励';

describe('generated answers through the openai client', () => {
  it('streams the model text and checks its citations', async () => {
    fake.script([{ kind: 'stream', pieces: ['松江区通过两化贯标', '认证达AA级以上的，', '一次性最高不超过20万元 [1]。', '闵行区已于2026年8月17日失效 [2]。'] }]);
    const { events, done } = await run(HEADLINE);
    expect(events[0]?.type).toBe('sources');
    expect(events.filter((e) => e.type === 'delta').length).toBe(4);
    expect(done?.mode).toBe('llm');
    expect(done?.answer).toBe('松江区通过两化贯标认证达AA级以上的，一次性最高不超过20万元 [1]。闵行区已于2026年8月17日失效 [2]。');
    expect(done?.citations.map((c) => [c.n, c.policyId])).toEqual([[1, 'songjiang-2023'], [2, 'minhang-2021']]);
    // The prompt carries the rules, the date, and the numbered clauses; the key goes only in the header.
    const request = fake.requests[0];
    expect(request?.authorization).toBe(`Bearer ${API_KEY}`);
    expect(request?.body.model).toBe('fake-model');
    expect(request?.body.messages[0]?.content).toContain('每一个事实性陈述后面都紧跟来源编号');
    expect(request?.body.messages[1]?.content).toContain('截至日期：2026-11-21');
    expect(request?.body.messages[1]?.content).toContain('[1] 《松江区制造业数字化转型发展若干政策》（松科委规〔2023〕6号）第5条');
    expect(request?.body.messages[1]?.content).toContain('问题：我能拿多少两化融合奖励');
  });

  it('drops markers that name no source and renumbers the rest', async () => {
    fake.script([{ kind: 'stream', pieces: ['太仓最高30万元 [4]，另见 [9] 和 [0]。'] }]);
    const { done } = await run(HEADLINE);
    expect(done?.mode).toBe('llm');
    expect(done?.answer).toBe('太仓最高30万元 [1]，另见  和 。');
    expect(done?.citations.map((c) => [c.n, c.policyId])).toEqual([[1, 'taicang-2021']]);
  });

  it('falls back to the extractive answer when the model cites nothing real', async () => {
    fake.script([{ kind: 'stream', pieces: ['大概能拿50万元吧 [42]。'] }]);
    const { done, warnings } = await run(HEADLINE);
    expect(done?.mode).toBe('extractive');
    expect(done?.answer).toMatch(/^（生成的回答没有可核对的引用，以下改为条款原文摘录。）/);
    expect(done?.citations.length).toBe(4);
    expect(warnings.join()).toMatch(/cited no source/);
  });

  it('retries a 429 before the first token, then streams', async () => {
    fake.script([{ kind: 'status', status: 429, retryAfterMs: 10 }, { kind: 'stream', pieces: ['松江最高20万元 [1]。'] }]);
    const { done } = await run(HEADLINE);
    expect(fake.requests.length).toBe(2);
    expect(done?.mode).toBe('llm');
  });

  it('gives up on repeated 500s after a bounded number of attempts and answers extractively', async () => {
    fake.script([{ kind: 'status', status: 500, retryAfterMs: 10 }]);
    const { done, warnings } = await run(HEADLINE, { OPENAI_MAX_ATTEMPTS: '2' });
    expect(fake.requests.length).toBe(2);
    expect(done?.mode).toBe('extractive');
    expect(done?.answer).toMatch(/^（生成服务暂时不可用/);
    expect(warnings.join()).toMatch(/"failure":"upstream"/);
  });

  it('stops a stream that stalls after its headers, with the idle timer', async () => {
    fake.script([{ kind: 'stall', pieces: ['松江'] }]);
    const started = Date.now();
    const { done, warnings } = await run(HEADLINE, { OPENAI_IDLE_MS: '300' });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(done?.mode).toBe('extractive');
    expect(warnings.join()).toMatch(/"failure":"idle"/);
    await expect.poll(() => fake.requests[0]?.aborted).toBe(true);
  });

  it('times out a server that never answers, and answers extractively', async () => {
    fake.script([{ kind: 'hang' }]);
    const started = Date.now();
    const { done, warnings } = await run(HEADLINE, { OPENAI_TIMEOUT_MS: '300', OPENAI_MAX_ATTEMPTS: '1' });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(done?.mode).toBe('extractive');
    expect(warnings.join()).toMatch(/"failure":"timeout"/);
  });

  it('survives the model server dropping the socket mid-stream', async () => {
    fake.script([{ kind: 'drop', pieces: ['松江', '最高'] }]);
    const { done, warnings } = await run(HEADLINE);
    expect(done?.mode).toBe('extractive');
    expect(warnings.join()).toMatch(/"failure":"dropped"/);
  });

  it('answers extractively, and never logs the key, when the key is refused (401)', async () => {
    fake.script([{ kind: 'status', status: 401 }]);
    const { done, warnings } = await run(HEADLINE);
    expect(fake.requests.length).toBe(1);
    expect(done?.mode).toBe('extractive');
    expect(warnings.join()).toMatch(/"failure":"auth"/);
    expect(warnings.join()).not.toContain(API_KEY);
  });

  it('stops the upstream request at once when the question is cancelled', async () => {
    fake.script([{ kind: 'stream', pieces: Array.from({ length: 200 }, () => '很长的回答'), delayMs: 20 }]);
    const controller = new AbortController();
    const pending = run(HEADLINE, {}, controller.signal);
    await expect.poll(() => fake.requests.length).toBe(1);
    await new Promise((r) => setTimeout(r, 100));
    const cancelledAt = Date.now();
    controller.abort();
    const { end } = await pending;
    expect(end).toMatchObject({ type: 'error', code: 'cancelled' });
    await expect.poll(() => fake.requests[0]?.aborted).toBe(true);
    expect((fake.requests[0]?.abortedAt ?? Infinity) - cancelledAt).toBeLessThan(100);
  });

  it('asks the model even when no clause answers, and the answer still says there is no basis', async () => {
    fake.script([{ kind: 'stream', pieces: ['现有政策中没有关于研发费用加计扣除的规定，无法给出有依据的答复。'] }]);
    const { done } = await run('企业数字化转型投入能享受研发费用加计扣除吗？');
    expect(fake.requests.length).toBe(1);
    expect(done).toMatchObject({ noAnswer: true, mode: 'extractive' });
  });

  it('keeps an invented figure out of an answer that has no basis', async () => {
    fake.script([{ kind: 'stream', pieces: ['可以享受，加计扣除比例为200% [1]。'] }]);
    const { done } = await run('企业数字化转型投入能享受研发费用加计扣除吗？');
    expect(done?.noAnswer).toBe(true);
    expect(done?.answer).not.toContain('200%');
  });
});

describe('generated answers over the websocket', () => {
  it('aborts the upstream request when the client cancels or hangs up, and never sends the key', async () => {
    const server = await startTestServer({ llm: answerer() });
    try {
      fake.script([{ kind: 'stream', pieces: Array.from({ length: 200 }, () => '很长的回答'), delayMs: 20 }]);
      const client = await TestClient.connect(server.wsUrl);
      client.send({ type: 'ask', id: 'c1', question: HEADLINE });
      await client.next((f) => f.id === 'c1' && f.type === 'delta');
      client.send({ type: 'cancel', id: 'c1' });
      expect(await client.end('c1')).toMatchObject({ type: 'error', code: 'cancelled' });
      await expect.poll(() => fake.requests[0]?.aborted).toBe(true);

      client.send({ type: 'ask', id: 'c2', question: HEADLINE });
      await client.next((f) => f.id === 'c2' && f.type === 'delta');
      const closedAt = Date.now();
      client.close();
      await expect.poll(() => fake.requests[1]?.aborted).toBe(true);
      expect((fake.requests[1]?.abortedAt ?? Infinity) - closedAt).toBeLessThan(100);

      expect(JSON.stringify(client.frames)).not.toContain(API_KEY);
      expect(server.logs.join('')).not.toContain(API_KEY);
    } finally {
      await server.close();
    }
  });

  it('shows a model answer with markup as text in the done frame, and reports mode llm', async () => {
    const server = await startTestServer({ llm: answerer() });
    try {
      fake.script([{ kind: 'stream', pieces: ['<img src=x onerror=alert(1)> 松江最高20万元 [1]'] }]);
      const client = await TestClient.connect(server.wsUrl);
      client.send({ type: 'ask', id: 'm', question: HEADLINE });
      const done = (await client.end('m')) as unknown as AnswerObject;
      expect(done.mode).toBe('llm');
      expect(done.answer).toContain('<img src=x onerror=alert(1)>');
      client.close();
    } finally {
      await server.close();
    }
  });
});
