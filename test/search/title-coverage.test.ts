import { describe, expect, it } from 'vitest';
import { answeredParts, type PartMeasure } from '../../src/search/answering.js';
import { TITLE_CREDIT } from '../../src/search/title-coverage.js';
import { EVAL_DATE } from '../helpers.js';
import { engineWithFixtures } from '../support/corpora.js';

const engine = engineWithFixtures(['blind']);

describe('what a policy’s title says of all its clauses', () => {
  it('a clause answers when the rest of the question is in it and the policy’s title names the topic', () => {
    // 扬州经开区's 奖补办法 is about 智能化改造数字化转型 (智改数转); its clause on moving away never says so.
    const result = engine.retriever.retrieve('扬州经开区拿了智改数转奖补的企业，以后搬走有什么限制？', { region: null, asOf: EVAL_DATE });
    expect(result.noAnswer).toBe(false);
    const answering = result.passages.filter((p) => p.role === 'answer');
    expect(answering[0]?.policy.id).toBe('yangzhou-kfq-2023');
    expect(answering[0]?.clause.text).toContain('十年内不迁离开发区');
  });

  it('counts towards coverage only, never for the key concept', () => {
    const part: PartMeasure = { measured: [0, 1], weight: 4, key: 1, keyNeeds: 1.8, needsAmount: false, details: [] };
    const title = Float64Array.from([0, TITLE_CREDIT * 2]);
    const titles = { of: () => title };
    const policy = { id: 'p', title: '' };
    // The clause holds concept 0 in full (2 of 4); the title half-covers the key: not enough for the key.
    expect(answeredParts([part], Float64Array.from([2, 0]), false, titles, policy)).toEqual([false]);
    const noKey: PartMeasure = { ...part, keyNeeds: 0 };
    expect(answeredParts([noKey], Float64Array.from([1.5, 0]), false)).toEqual([false]);
    expect(answeredParts([noKey], Float64Array.from([1.5, 0]), false, titles, policy)).toEqual([true]);
  });
});
