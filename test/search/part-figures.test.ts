import { describe, expect, it } from 'vitest';
import { EVAL_DATE } from '../helpers.js';
import { engineWithFixtures } from '../support/corpora.js';

const engine = engineWithFixtures(['blind', 'blind3', 'blind5', 'blind6']);

describe('each sentence of a longer question that asks for a figure', () => {
  it('is answered by a clause that states one (上限 → 不超过…30%), not by one that only shares its words', () => {
    const result = engine.retriever.retrieve('柳州的市级配套跟自治区资金加起来有上限吗？一家企业一年最多能拿多少市级配套？', { region: null, asOf: EVAL_DATE });
    expect(result.analysis.parts.map((p) => p.asksFigure)).toEqual([true, true]);
    const cited = result.passages.map((p) => p.clause.text).join('\n');
    expect(cited).toContain('不超过项目实际投资额的30%');
    expect(cited).toContain('总额不超过800万元');
    expect(cited).not.toContain('再按本办法申请市级配套');
  });
});
