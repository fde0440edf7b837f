import { describe, expect, it } from 'vitest';
import { readIntents } from '../../src/search/intents.js';
import { EVAL_DATE } from '../helpers.js';
import { engineWithFixtures } from '../support/corpora.js';

/** Whether support must be paid back: the policy's clause on taking it back, beside the item's. */
const engine = engineWithFixtures(['blind6']);

describe('support taken back', () => {
  it('is asked by the ways owners put it', () => {
    const asks = (q: string): boolean => readIntents(q.toLowerCase()).intents.has('clawback');
    expect(asks('这钱是不是得退回去')).toBe(true);
    expect(asks('搬走了补贴会被追回吗')).toBe(true);
    expect(asks('do we have to pay it back if we move?')).toBe(true);
    expect(asks('补贴多少，怎么申请？')).toBe(false);
  });

  it('cites the clause that names the item’s article (获得第七条奖励的企业…追回), not only the last clawback', () => {
    const result = engine.retriever.retrieve('泊头我们厂前年拿了环保绩效A级的奖，去年被降成B级了，这钱是不是得退回去', { region: null, asOf: EVAL_DATE });
    const answer = result.passages.find((p) => p.role === 'answer');
    expect(answer?.clause.label).toBe('第七条');
    const clawback = result.passages.find((p) => p.role === 'clawback');
    expect(clawback?.clause.text).toContain('获得第七条奖励的企业两年内被降级');
  });
});
