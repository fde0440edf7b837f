import { describe, expect, it } from 'vitest';
import { answerExtractive } from '../../src/answer/answer.js';
import { EVAL_DATE } from '../helpers.js';
import { engineWithFixtures } from '../support/corpora.js';

/** Set #9's 大庆高新区 措施 grants to 专精特新中小企业 but has no 上云 measure; 顺义 and 澄迈 do. */
const engine = engineWithFixtures(['blind9']);
const ask = (question: string) => answerExtractive({ question, region: null, asOf: EVAL_DATE }, engine);

describe('the thing asked about, in a region that never says it', () => {
  it("answers that the region has no clause on it, not with a clause that shares the enterprise's kind", () => {
    const answer = ask('大庆高新区中小企业上云有补贴没？');
    expect(answer.noAnswer).toBe(true);
    expect(answer.citations.some((c) => c.clause === '（五）' && c.region === '大庆高新技术产业开发区')).toBe(false);
  });

  it('still answers where the region has it', () => {
    const answer = ask('顺义中小企业上云有补贴没？');
    expect(answer.noAnswer).toBe(false);
    expect(answer.citations[0]?.clause).toBe('第六条');
  });
});
