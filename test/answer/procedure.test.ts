import { rmSync } from 'node:fs';
import { engineWithFixtures } from '../support/corpora.js';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { answerExtractive } from '../../src/answer/answer.js';
import { createEngine, DEFAULT_INDEX_DIR } from '../../src/engine.js';
import { assembleIndexDir } from '../../src/eval/corpus.js';
import { EVAL_DATE } from '../helpers.js';

/**
 * 萧山 (set #3's fixture) states its application steps in one clause, 第十三条; 武进 writes figures
 * full-width; 新都 (set #5's) says which awards need no application in its procedure clause.
 */
const folders = ['../fixtures/blind/policies', '../fixtures/blind3/policies', '../fixtures/blind5/policies'].map((f) => fileURLToPath(new URL(f, import.meta.url)));
const dir = assembleIndexDir(DEFAULT_INDEX_DIR, folders);
const engine = createEngine(dir, 'off');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ask = (question: string) => answerExtractive({ question, region: null, asOf: EVAL_DATE }, engine);
const engineRetrieval = (question: string) => engine.retriever.retrieve(question, { region: null, asOf: EVAL_DATE }).passages;

describe('answers about how to apply and who may', () => {
  it('quotes the steps of the procedure clause in order, publicity period included', () => {
    const a = ask('萧山区制造业政策资金怎么申报？要交哪些材料？');
    expect(a.noAnswer).toBe(false);
    expect(a.citations.map((c) => c.clause)).toContain('第十三条');
    expect(a.answer).toContain('申报材料包括');
    expect(a.answer).toContain('公示7天');
  });

  it('quotes the whole procedure clause when awards are named but no figure is asked', () => {
    const a = ask('新都区智改数转政策每年分几批申报？在哪个平台报？哪些奖励不用申报？');
    expect(a.citations.map((c) => `${c.region}:${c.clause}`)).toContain('新都区:（十三）');
    expect(a.answer).toContain('蓉易享');
    expect(a.answer).toContain('免申即享');
  });

  it('asked whether one must apply, cites the clause on awards granted without an application', () => {
    const a = ask('泉州技改补助怎么申报？先报哪个部门，首台套奖励也要申请吗？');
    const cited = engineRetrieval('泉州技改补助怎么申报？先报哪个部门，首台套奖励也要申请吗？');
    expect(cited.some((p) => p.policy.region === '泉州市' && /免申即享/.test(p.clause.text))).toBe(true);
    expect(a.answer).toContain('免申即享');
    // Not cited when nobody asked.
    expect(engineRetrieval('泉州技改补助比例多少？').some((p) => p.role === 'exemption')).toBe(false);
  });

  it('writes figures half-width in quotes, as a reader types them', () => {
    const a = ask('武进区专精特新奖励怎么申报？公示几天？');
    expect(a.citations.map((c) => c.policyId)).toContain('wujin-2024');
    expect(a.answer).toContain('公示7个工作日');
    expect(a.answer).not.toMatch(/[０-９]/);
  });

  it('answers conditions joined by 和 one by one: a clause that states one of them answers', () => {
    const a = ask('浦东新区的措施对申报企业的注册和信用有哪些要求？');
    expect(a.noAnswer).toBe(false);
    expect(a.citations.map((c) => `${c.policyId}:${c.clause}`)).toContain('pudong-2025:（十一）');
    expect(a.answer).toContain('注册地');
  });
});

describe('the procedure asked beside something else', () => {
  const withSet6 = engineWithFixtures(['blind6']);

  it('cites the clause that sets out how applications are handled (…每季度集中审核一次)', () => {
    const result = withSet6.retriever.retrieve('柳州拿到自治区的技改资金以后，申请市级配套有时间限制吗？市里多久审一次？', { region: null, asOf: EVAL_DATE });
    const procedure = result.passages.find((p) => p.role === 'procedure');
    expect(procedure?.clause.text).toContain('市工业和信息化局每季度集中审核一次');
  });

  it('does not add it to a one-sentence question', () => {
    const result = withSet6.retriever.retrieve('柳州市级配套怎么申请？', { region: null, asOf: EVAL_DATE });
    expect(result.passages.some((p) => p.role === 'procedure')).toBe(false);
  });
});
