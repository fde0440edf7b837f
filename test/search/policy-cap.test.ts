import { describe, expect, it } from 'vitest';
import { answerExtractive } from '../../src/answer/answer.js';
import { readIntents } from '../../src/search/intents.js';
import { EVAL_DATE } from '../helpers.js';
import { engineWithFixtures } from '../support/corpora.js';

/** What one enterprise can have under a policy in all: the policy's cap clause, beside the item's. */
const engine = engineWithFixtures(['blind']);

describe('the cap on what one enterprise receives', () => {
  it('is asked by the ways owners put it, not by a cap on one project', () => {
    const asks = (q: string): boolean => readIntents(q.toLowerCase()).intents.has('cap');
    expect(asks('一家企业一年最多能拿多少？')).toBe(true);
    expect(asks('单个企业每年上限是多少')).toBe(true);
    expect(asks('一家最多拿多少？')).toBe(true);
    expect(asks("What's the most one company can receive in a single year?")).toBe(true);
    expect(asks('单个项目最高补多少')).toBe(false);
    expect(asks('技改补贴比例是多少')).toBe(false);
  });

  it('cites the policy’s cap clause beside the item that answers, and states the cap', () => {
    const question = '佛山智能化改造项目补助比例多少？同一家企业一年最多能拿多少？';
    const retrieval = engine.retriever.retrieve(question, { region: null, asOf: EVAL_DATE });
    const cap = retrieval.passages.find((p) => p.role === 'cap');
    expect(cap?.policy.region).toBe('佛山市');
    expect(cap?.clause.text.replace(/\s+/g, '')).toContain('同一企业同一年度获得本办法奖补资金总额不超过2000万元');
    expect(retrieval.passages.some((p) => p.role === 'answer' && p.policy.region === '佛山市')).toBe(true);
    expect(answerExtractive({ question, region: null, asOf: EVAL_DATE }, engine).answer).toMatch(/2000\s*万元/);
  });

  it('is not cited when the question does not ask for it', () => {
    const retrieval = engine.retriever.retrieve('佛山智能化改造项目补助比例多少？', { region: null, asOf: EVAL_DATE });
    expect(retrieval.passages.some((p) => p.role === 'cap')).toBe(false);
  });
});

describe('a question word said only in a sentence of its own', () => {
  it('quotes that sentence too (初级 in …评定为初级的…不予奖励)', () => {
    const a = answerExtractive({ question: '准格尔旗的煤矿只评上了自治区初级智能化煤矿，能不能拿到奖励？', region: null, asOf: EVAL_DATE }, engine);
    expect(a.citations.map((c) => c.policyId)).toContain('zhungeer-2027');
    expect(a.answer).toContain('初级');
    expect(a.answer).toContain('不予奖励');
  });
});
