import { describe, expect, it } from 'vitest';
import { EVAL_DATE } from '../helpers.js';
import { engineWithFixtures } from '../support/corpora.js';

/** 泉州's 第六条 grants 首台（套） awards; its annex table restates them row by row. */
const engine = engineWithFixtures(['blind3']);
const answering = (question: string) =>
  engine.retriever.retrieve(question, { region: null, asOf: EVAL_DATE }).passages.filter((p) => p.role === 'answer');

describe('a summary table that restates a clause', () => {
  it('is answered by the clause, with its conditions, when the table is not asked about', () => {
    const first = answering('泉州的首台（套）装备奖励怎么给？')[0];
    expect(first?.clause.kind).not.toBe('table-row');
    expect(first?.clause.text).toContain('按单台（套）销售价格的20%给予研制企业奖励');
  });

  it('cites its row when the table is asked about', () => {
    expect(answering('泉州的奖励标准表里，首台（套）装备奖励怎么给？').some((p) => p.clause.kind === 'table-row')).toBe(true);
  });
});
