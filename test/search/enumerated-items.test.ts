import { describe, expect, it } from 'vitest';
import { EVAL_DATE } from '../helpers.js';
import { engineWithFixtures } from '../support/corpora.js';

/** 铁西区's 第七条 rewards platforms and 标识解析 nodes; its 第八条 solution providers. */
const engine = engineWithFixtures(['blind7']);

describe('items listed with 、 and compared', () => {
  it('answers each item with its own clause', () => {
    const result = engine.retriever.retrieve('铁西区新入选辽宁省工业互联网平台的企业、新入选智能制造解决方案供应商名录的企业，分别奖多少？', { region: null, asOf: EVAL_DATE });
    expect(result.analysis.parts.length).toBeGreaterThanOrEqual(2);
    const texts = result.passages.filter((p) => p.role === 'answer').map((p) => p.clause.text).join('\n');
    expect(texts).toContain('新入选辽宁省工业互联网平台的运营企业');
    expect(texts).toContain('智能制造系统解决方案供应商名录');
  });
});
