import { describe, expect, it } from 'vitest';
import { answerExtractive } from '../../src/answer/answer.js';
import { EVAL_DATE } from '../helpers.js';
import { engineWithFixtures } from '../support/corpora.js';

/** The twenty-three policies of set #5: 新都区's title says 制造业, a word a minority of clauses use. */
const engine = engineWithFixtures(['blind', 'blind3', 'blind5']);

describe('lists of a place’s policies', () => {
  it('lists the policies whose titles name the topic asked about, each cited to its validity clause', () => {
    const result = engine.retriever.retrieve('成都市新都区有哪些支持制造业的政策文件？', { region: null, asOf: EVAL_DATE });
    expect(result.catalogue).toBe(true);
    expect(result.passages.map((p) => [p.policy.region, p.clause.label, p.role])).toEqual([['新都区', '（十五）', 'catalogue']]);
    expect(result.passages[0]?.clause.text).toContain('有效期至2028年8月14日');
  });

  it('lists a province’s policies with their status when asked what state each is in', () => {
    const result = engine.retriever.retrieve('四川那边库里有什么政策文件？分别啥状态？', { region: null, asOf: EVAL_DATE });
    expect(result.noAnswer).toBe(false);
    expect(result.passages.map((p) => p.policy.region)).toEqual(['新都区']);
    expect(result.passages[0]?.clause.text).toContain('有效期至2028年8月14日');
  });

  it('lists only the policies in the standing asked for, when that is out of the ordinary', () => {
    const result = engine.retriever.retrieve('库里哪些政策是已经发了但还没开始施行的？各自哪天起执行？', { region: null, asOf: EVAL_DATE });
    expect(result.noAnswer).toBe(false);
    const policies = new Set(result.passages.map((p) => p.policy.id));
    expect(policies.size).toBeGreaterThanOrEqual(2);
    expect(result.passages.every((p) => p.status === 'not-yet-in-force')).toBe(true);
    expect([...policies].some((id) => id.startsWith('zhungeer'))).toBe(true);
  });

  it('reads words that only frame a question about standing (已经, 现在) as no topic', () => {
    const result = engine.retriever.retrieve('新都区那份政策现在已经开始执行了吗？', { region: null, asOf: EVAL_DATE });
    expect(result.analysis.concepts).toEqual([]);
    expect(result.passages.map((p) => [p.policy.region, p.role])).toEqual([['新都区', 'validity']]);
  });

  it('lists nothing for a place with no policy on file, and says so', () => {
    const result = engine.retriever.retrieve('三台县有什么政策', { region: null, asOf: EVAL_DATE });
    expect(result.noAnswer).toBe(true);
    expect(result.passages).toEqual([]);
    expect(result.missing).toEqual([{ region: '三台县', reason: 'no-policies' }]);
  });
});

describe('the measures one policy lists', () => {
  it('lists the granting clauses of the policy asked about, in its order, with its validity clause', () => {
    const result = engine.retriever.retrieve('新都区那份智改数转政策措施，具体有哪几项支持？', { region: null, asOf: EVAL_DATE });
    expect(result.noAnswer).toBe(false);
    expect(result.measures).toEqual({ policyId: expect.any(String), omitted: expect.any(Number) });
    const measures = result.passages.filter((p) => p.role === 'measure');
    expect(measures.length).toBeGreaterThanOrEqual(10);
    expect(measures.every((p) => p.policy.region === '新都区')).toBe(true);
    expect(measures.slice(0, 3).map((p) => p.clause.label)).toEqual(['（一）', '（二）', '（三）']);
    expect(measures.some((p) => p.clause.text.includes('链主企业'))).toBe(true);
    expect(result.passages.some((p) => p.role === 'validity' && p.clause.text.includes('有效期至2028年8月14日'))).toBe(true);
  });

  it('opens the answer with the policy and how many measures it lists, each quoted with its amounts', () => {
    const answer = answerExtractive({ question: '新都区那份智改数转政策措施，具体有哪几项支持？', region: null, asOf: EVAL_DATE }, engine);
    expect(answer.answer.split('\n')[0]).toMatch(/^《成都市新都区推进制造业智能化改造数字化转型若干政策措施》（有效）列有以下\d+项支持/);
    expect(answer.answer).toContain('揭榜挂帅');
    expect(answer.citations.length).toBeGreaterThanOrEqual(11);
  });

  it('a question about which projects may apply asks for conditions, not for the list', () => {
    const result = engine.retriever.retrieve('新都区有哪些项目可以申请技改补助？', { region: null, asOf: EVAL_DATE });
    expect(result.measures).toBeUndefined();
  });
});
