import { describe, expect, it } from 'vitest';
import { asksForSupport } from '../../src/search/intents.js';
import { EVAL_DATE, sharedEngine } from '../helpers.js';

const engine = sharedEngine();

describe('a figure the policy sets as a target, not a grant', () => {
  it('tells a share of support (补助比例, 能报多少) from a share asked of the target', () => {
    expect(asksForSupport('宝山的补助比例是多少')).toBe(true);
    expect(asksForSupport('上云一年花了两万多，能报多少？')).toBe(true);
    expect(asksForSupport('改造后数字化水平到二级以上的要占多大比例？')).toBe(false);
  });

  it('answers the share a pilot must reach from the clause that sets it (…比例達到90%以上)', () => {
    const result = engine.retriever.retrieve('松江試點要求，三個試點行業裏規模以上的中小企業，改造後數字化水平到二級以上的要佔多大比例？', { region: null, asOf: EVAL_DATE });
    expect(result.analysis.asksGrant).toBe(false);
    const answer = result.passages.find((p) => p.role === 'answer');
    expect(answer?.clause.text).toContain('數字化水平二級及以上比例達到90%以上');
  });
});
