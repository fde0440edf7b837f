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
