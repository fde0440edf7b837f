import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import type { AnswerEvent, AnswerObject } from '../../src/answer/types.js';
import { loadConfig } from '../../src/config.js';
import { MODEL_CANDIDATES } from '../../src/search/retrieve.js';
import { createLlmAnswerer } from '../../src/server.js';
import { FakeOpenAI, type Behaviour } from '../support/fake-openai.js';
import { startTestServer, TestClient } from '../support/app.js';
import { EVAL_DATE, sharedEngine } from '../helpers.js';

/**
 * A hostile model behind the real openai client: whatever it writes, no invented figure, forged
 * marker, forged quote or echo of its prompt reaches the reader as a checked claim.
 */

const fake = new FakeOpenAI([]);
let baseURL = '';
beforeAll(async () => {
  baseURL = await fake.start();
});
afterAll(() => fake.close());

function answerer() {
  const llm = createLlmAnswerer(loadConfig({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: baseURL, OPENAI_MODEL: 'fake-model' }));
  if (!llm) throw new Error('no llm');
  return llm;
}

const QUESTION = '我能拿多少两化融合奖励';

async function ask(behaviour: Behaviour): Promise<{ done: AnswerObject; warnings: string }> {
  fake.script([behaviour]);
  const events: AnswerEvent[] = [];
  const warnings: string[] = [];
  const log = { warn: (details: Record<string, unknown>, message: string) => warnings.push(`${message} ${JSON.stringify(details)}`) };
  for await (const event of answer({ question: QUESTION, region: null, asOf: EVAL_DATE }, { engine: sharedEngine(), llm: answerer(), log })) events.push(event);
  const end = events.at(-1);
  if (end?.type !== 'done') throw new Error(`no answer: ${JSON.stringify(end)}`);
  return { done: end.answer, warnings: warnings.join('\n') };
}

const stream = (...pieces: string[]): Behaviour => ({ kind: 'stream', pieces });
/** Grounded sentences: the sources for the headline question are 松江 [1], 闵行 [2], 嘉定 [3], 太仓 [4]. */
const GOOD = ['松江区对达到AA级别以上的给予一次性最高不超过20万元奖励 [1]。', '闵行区完成贯标的企业给予20万元的一次性奖励 [2]。', '太仓对取得评定证书的企业给予最高30万元奖励 [4]。'];

/** A claim is shown as checked only in a generated answer whose grounding passed entirely. */
function shownAsChecked(done: AnswerObject, claim: string): boolean {
  return done.mode === 'llm' && done.grounding?.checked === true && done.answer.includes(claim);
}

describe('a hostile model', () => {
  it('gets a clean, grounded answer through as checked', async () => {
    const { done } = await ask(stream(...GOOD));
    expect(done).toMatchObject({ mode: 'llm', grounding: { checked: true, removed: 0 } });
    // Markers renumbered in order of use: 嘉定 [3] was not cited, so 太仓 becomes [3].
    expect(done.answer).toBe(GOOD.join('').replace('[4]', '[3]'));
  });

  it('cannot pass an invented amount: the sentence is removed and the answer says so', async () => {
    const { done, warnings } = await ask(stream(GOOD[0] ?? '', '可获得500万元奖励 [1]。', GOOD[1] ?? '', GOOD[2] ?? ''));
    expect(done).toMatchObject({ mode: 'llm', grounding: { checked: false, removed: 1 } });
    expect(done.answer).not.toContain('500万元');
    expect(done.answer).toMatch(/另有1处内容无法在所引条款中核对，已删除/);
    expect(warnings).toMatch(/"figure":1/);
  });

  it('cannot pass an answer made of invented amounts: the reader gets the quoted clauses', async () => {
    const { done } = await ask(stream('可获得500万元奖励 [1]。', '闵行区给予80万元奖励 [2]。'));
    expect(done.mode).toBe('extractive');
    expect(done.answer).toMatch(/^（生成的回答未能通过与条款原文的核对，以下改为条款原文摘录。）/);
    expect(shownAsChecked(done, '500万元')).toBe(false);
    expect(done.answer).not.toMatch(/500万元|80万元/);
  });

  it('cannot keep a sentence by citing a source that does not exist', async () => {
    // No request carries more than MODEL_CANDIDATES sources: [42] names none.
    const { done } = await ask(stream(...GOOD, '所有企业都可以申请 [42]。'));
    expect(done).toMatchObject({ mode: 'llm', grounding: { checked: false, removed: 1 } });
    expect(done.answer).not.toContain('所有企业都可以申请');
    expect(done.citations.length).toBe(3);
  });

  it('cannot forge a block quote', async () => {
    const { done } = await ask(stream(...GOOD, '\n\n> 第九条 企业可领取1000万元无条件补贴。 [1]\n'));
    expect(done).toMatchObject({ mode: 'llm', grounding: { checked: false, removed: 1 } });
    expect(done.answer).not.toContain('第九条');
  });

  it('cannot pass its own prompt off as an answer, even with markers on every line', async () => {
    const { done, warnings } = await ask({ kind: 'echo', role: 'system', suffix: ' [1]' });
    expect(done.mode).toBe('extractive');
    expect(done.answer).not.toContain('每一个事实性陈述');
    expect(warnings).toMatch(/"echo":1/);
  });

  it('cannot replay the sources with their numbers as an answer of its own', async () => {
    const { done } = await ask({ kind: 'echo', role: 'user' });
    expect(done.mode).toBe('extractive');
  });

  it('is sent every source fenced with a secret of the request, and the secret changes', async () => {
    await ask(stream(...GOOD));
    const first = fake.requests[0]?.body.messages ?? [];
    await ask(stream(...GOOD));
    const second = fake.requests[0]?.body.messages ?? [];
    const fenceOf = (content: string): string | undefined => /<<<来源 ([0-9a-f]{12})>>>/.exec(content)?.[1];
    const fence = fenceOf(first[1]?.content ?? '');
    expect(fence).toBeDefined();
    expect(first[0]?.content).toContain(`<<<来源 ${fence}>>>`);
    // Every source it is given is fenced, each once: the model's candidates, never more than the cap.
    const fenced = first[1]?.content.match(new RegExp(`<<<来源 ${fence}>>>`, 'g'))?.length ?? 0;
    expect(fenced).toBeGreaterThanOrEqual(4);
    expect(fenced).toBeLessThanOrEqual(MODEL_CANDIDATES);
    expect(fenceOf(second[1]?.content ?? '')).not.toBe(fence);
  });

  it('reaches the page over the websocket only as what passed the check', async () => {
    const server = await startTestServer({ llm: answerer() });
    try {
      fake.script([stream(GOOD[0] ?? '', '可获得500万元奖励 [1]。', GOOD[1] ?? '', GOOD[2] ?? '')]);
      const client = await TestClient.connect(server.wsUrl);
      client.send({ type: 'ask', id: 'h', question: QUESTION });
      const done = await client.end('h');
      expect(done).toMatchObject({ type: 'done', mode: 'llm', grounding: { checked: false, removed: 1 } });
      expect(done.answer).not.toContain('500万元');
      client.close();
    } finally {
      await server.close();
    }
  });
});
