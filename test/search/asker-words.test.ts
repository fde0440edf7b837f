import { describe, expect, it } from 'vitest';
import { answerExtractive } from '../../src/answer/answer.js';
import { tradeOf, namesLocalPlace } from '../../src/search/asker.js';
import { EVAL_DATE } from '../helpers.js';
import { engineWithFixtures } from '../support/corpora.js';

describe('what the asker says of itself', () => {
  it('reads the trade the asker names and a place within its region', () => {
    expect(tradeOf('我们厂在西宁经开区甘河园区，做普通化工的，技改补几个点？')).toBe('普通化工');
    expect(tradeOf('技改补几个点？')).toBeNull();
    expect(namesLocalPlace('我们厂在甘河园区，技改补几个点？', '甘河')).toBe(true);
    // The kind of place is not a name: 园区 企业 may be the topic.
    expect(namesLocalPlace('我们厂在甘河园区，技改补几个点？', '园区')).toBe(false);
  });

  it('answers a rate asked beside a trade the corpus never names and the park the asker sits in', () => {
    // Set #10's 西宁经开区 要点 grants 技术改造 8% (最高400万元) and names its parks only in its scope clause.
    const engine = engineWithFixtures(['blind9', 'blind10']);
    const answer = answerExtractive({ question: '我们厂在西宁经开区南川园区，做塑料制品的，技术改造补几个点？单个项目最高多少？', region: null, asOf: EVAL_DATE }, engine);
    expect(answer.noAnswer).toBe(false);
    expect(answer.citations[0]?.text).toContain('按设备投资额的8%补助');
    expect(answer.answer).toContain('400万元');
  });
});
