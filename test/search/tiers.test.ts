import { describe, expect, it } from 'vitest';
import { answerExtractive } from '../../src/answer/answer.js';
import { EVAL_DATE } from '../helpers.js';
import { engineWithFixtures } from '../support/corpora.js';

/** Set #8's 绿园区 细则 grades its 技术改造 grant in two items: 2.1.1 (300万–2000万, 7%) and 2.1.2 (2000万以上, 9%). */
const engine = engineWithFixtures(['blind8']);
const ask = (question: string) => answerExtractive({ question, region: null, asOf: EVAL_DATE }, engine);

describe('the tier a spending falls in, when tiers are items of their own', () => {
  it('answers with the item whose range holds what the asker spent, first, and estimates from it', () => {
    const answer = ask('绿园区技改，设备投了3000万，按几个点补？最多补多少？');
    expect(answer.citations.map((c) => c.clause).slice(0, 2)).toEqual(['2.1.2', '2.1.1']);
    expect(answer.answer).toContain('3000万元×9%=270万元');
  });

  it('keeps the item that matched when it holds the spending', () => {
    const answer = ask('绿园区技改，设备投了500万，按几个点补？');
    expect(answer.citations[0]?.clause).toBe('2.1.1');
    expect(answer.citations.map((c) => c.clause)).not.toContain('2.1.2');
    expect(answer.answer).toContain('500万元×7%=35万元');
  });
});

/** Set #9's 大庆高新区 措施 sets its 技术改造 rates out in 表1, printed one cell to a line (5% / 7% / 9% by spending). */
describe('the tier a spending falls in, when tiers are the rows of a table', () => {
  const daqing = engineWithFixtures(['blind9']);
  const askDaqing = (question: string) => answerExtractive({ question, region: null, asOf: EVAL_DATE }, daqing);

  it('answers a question about the table with the row whose range holds the spending, first', () => {
    const answer = askDaqing('大庆高新区技改分档表，设备投了1000万，算第几档？补几个点？');
    expect(answer.citations[0]?.clause).toBe('表「第二档」');
    expect(answer.answer).toContain('第二档：设备投资额 1000万元（含）至5000万元；补助比例 7%');
  });

  it('cites the row of the table a clause refers to (标准见表1) for the spending', () => {
    const answer = askDaqing('大庆高新区技术改造分档补助，设备投资6000万元，能补多少？');
    expect(answer.citations.map((c) => c.clause).slice(0, 2)).toEqual(['表「第三档」', '（一）']);
    expect(answer.citations.map((c) => c.clause)).not.toContain('表「第一档」');
  });
});
