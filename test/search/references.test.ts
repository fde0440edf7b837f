import { describe, expect, it } from 'vitest';
import { EVAL_DATE } from '../helpers.js';
import { engineWithFixtures } from '../support/corpora.js';
import { buildsOnLabels } from '../../src/search/references.js';

describe('a clause that grants on top of another', () => {
  it('names the labels of the clauses it builds on', () => {
    expect(buildsOnLabels('在第1、2项补助基础上，按该部分设备投资额再给予3%的补助')).toEqual(['1', '（1）', '2', '（2）']);
    expect(buildsOnLabels('在第二条补助基础上，按新购设备投资额再给予百分之三的补助')).toEqual(['第二条']);
    expect(buildsOnLabels('在问4、问5所述补助基础上，再给予一次性奖励30万元')).toEqual(['问4', '问5']);
  });

  it('names none for support on top of another government’s (在自治区奖励基础上)', () => {
    expect(buildsOnLabels('在自治区奖励基础上再给予50万元奖励')).toEqual([]);
  });
});

describe('citing the clause built on', () => {
  const engine = engineWithFixtures(['blind7']);

  it('cites 睢县’s technical-upgrade item beside the shoe-machine addition that builds on it', () => {
    const result = engine.retriever.retrieve('我们在睢县开鞋厂，规上企业，去年上了自动裁断机和鞋底注塑线，设备一共投了700来万，技改能补多少？', { region: null, asOf: EVAL_DATE });
    const texts = result.passages.filter((p) => p.role === 'answer').map((p) => p.clause.text);
    expect(texts.some((t) => t.includes('在第1、2项补助基础上'))).toBe(true);
    expect(texts.some((t) => t.includes('按设备投资额的8%给予补助，单个项目最高300万元'))).toBe(true);
  });
});
