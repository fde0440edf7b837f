import { describe, expect, it } from 'vitest';
import { answeringSentences } from '../../src/answer/sentences.js';
import type { Clause, Policy } from '../../src/corpus/types.js';
import type { Passage } from '../../src/search/passages.js';
import { sharedEngine } from '../helpers.js';

const engine = sharedEngine();

/** A clause of a policy on file, its text replaced: how its sentences are quoted is what is tested. */
function passage(text: string): Passage {
  const policy = engine.policies[0] as Policy;
  const clause: Clause = { ...(policy.clauses[0] as Clause), text, kind: 'paragraph' };
  return { clause, policy, status: 'in-force', role: 'answer', score: 1, coverage: 1 };
}

describe('a share and the cap on it', () => {
  const text =
    '对企业当年完成设备投资额300万元以上的技改项目，按设备投资额的8%给予补助；项目同时列入市级重点项目的，补助比例提高到10%。单个项目补助最高800万元。规模以下工业企业的技改项目，按6%给予补助。';

  it('quotes the short sentence that caps the share with it', () => {
    const analysis = engine.retriever.analyse('技改项目列入市级重点项目的补助比例是多少？');
    const quoted = answeringSentences(passage(text), analysis);
    expect(quoted.some((s) => s.includes('10%'))).toBe(true);
    expect(quoted).toContain('单个项目补助最高800万元。');
  });

  it('adds only a sentence that caps: the one after a share saying something else stays out', () => {
    const analysis = engine.retriever.analyse('技改项目列入市级重点项目的补助比例是多少？');
    const quoted = answeringSentences(passage('技改项目列入市级重点项目的，补助比例提高到10%。名单每年三月公布。'), analysis);
    expect(quoted).toEqual(['技改项目列入市级重点项目的，补助比例提高到10%。']);
  });
});
