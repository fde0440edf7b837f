import { describe, expect, it } from 'vitest';
import { EVAL_DATE } from '../helpers.js';
import { engineWithFixtures } from '../support/corpora.js';

/** Over the twenty-three policies of set #5, where 璧山's Q&A uses 区里, so the corpus knows the word. */
const engine = engineWithFixtures(['blind', 'blind3', 'blind5']);

describe('a level of government said with a locative', () => {
  it('区里, 市里: which government, not a topic the clause must name', () => {
    const question = '嘉定的工业互联网企业上市了，除了区里的上市补贴还能额外拿钱吗？';
    expect(engine.retriever.analyse(question).concepts.map((c) => c.text)).not.toContain('区里');
    const result = engine.retriever.retrieve(question, { region: null, asOf: EVAL_DATE });
    expect(result.noAnswer).toBe(false);
    expect(result.passages.filter((p) => p.role === 'answer').map((p) => `${p.policy.id}:${p.clause.label}`)).toEqual(['jiading-2021:3']);
  });
});
