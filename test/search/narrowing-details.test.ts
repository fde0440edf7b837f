import { describe, expect, it } from 'vitest';
import { EVAL_DATE } from '../helpers.js';
import { engineWithFixtures } from '../support/corpora.js';

const engine = engineWithFixtures(['blind', 'blind3', 'blind5', 'blind6']);
const ask = (question: string) => engine.retriever.retrieve(question, { region: null, asOf: EVAL_DATE });
const answering = (question: string) => ask(question).passages.filter((p) => p.role === 'answer');

describe('the asker’s own details narrowing a thing a policy states generally', () => {
  it('answers 上了一批数控设备 with the clause on equipment investment (数控设备 is a kind of 设备)', () => {
    const result = ask('我们在南康开实木家具厂的，今年上了一批数控设备投了800万，政府能补多少啊，有没有封顶');
    expect(result.analysis.details.map((d) => result.analysis.concepts[d.modifier]?.text)).toContain('数控');
    expect(result.noAnswer).toBe(false);
    expect(answering('我们在南康开实木家具厂的，今年上了一批数控设备投了800万，政府能补多少啊，有没有封顶')[0]?.clause.text).toContain('按设备投资额的12%给予补助');
  });

  it('does not narrow with a word no policy has (出口信用 of 出口信用保险) nor with what was done (规上统计)', () => {
    expect(ask('企业投保出口信用保险，保费能补贴多少？').noAnswer).toBe(true);
    expect(ask('浦东新区的企业第一次纳入规上统计，能拿多少“小升规”奖励？').noAnswer).toBe(true);
  });

  it('never narrows in the question proper: 数控设备补多少 is about 数控 equipment', () => {
    expect(ask('南康数控设备补多少？').analysis.details).toEqual([]);
  });
});
