import { describe, expect, it } from 'vitest';
import { answerExtractive } from '../../src/answer/answer.js';
import { EVAL_DATE } from '../helpers.js';
import { engineWithFixtures } from '../support/corpora.js';

/** Set #9's 澄迈县 一图读懂: a panel per measure, sums without verbs; 澄迈 has no 智能工厂 measure. */
const engine = engineWithFixtures(['blind9']);
const ask = (question: string) => answerExtractive({ question, region: null, asOf: EVAL_DATE }, engine);

describe('an infographic page as a policy', () => {
  it('answers from the panel that lists the sums, with the sum asked for', () => {
    const answer = ask('澄迈县两化融合贯标AA级奖励多少？');
    expect(answer.noAnswer).toBe(false);
    expect(answer.citations[0]?.text).toContain('AA级9万元');
    expect(answer.answer).toContain('9万元');
  });

  it('reads the validity printed as label and range in its summary panel', () => {
    const policy = engine.policies.find((p) => p.region === '澄迈县');
    expect([policy?.validFrom, policy?.validTo]).toEqual(['2026-03-01', '2028-12-31']);
  });

  it("does not answer with another panel's sums when the honour asked about (a province's 智能工厂) has none", () => {
    const answer = ask('澄迈县评上海南省智能工厂，县里奖多少钱？');
    expect(answer.noAnswer).toBe(true);
    expect(answer.answer).not.toContain('65万元');
  });
});
