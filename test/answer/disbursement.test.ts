import { describe, expect, it } from 'vitest';
import { answerExtractive } from '../../src/answer/answer.js';
import { EVAL_DATE } from '../helpers.js';
import { engineWithFixtures } from '../support/corpora.js';

const engine = engineWithFixtures(['blind6']);

describe('asked how the money is paid out', () => {
  it('quotes the sentence on instalments beside the amount', () => {
    const text = answerExtractive({ question: '南康建共享喷涂、共享备料这种公共中心，补助怎么算？钱是一次给完吗？', region: null, asOf: EVAL_DATE }, engine).answer;
    expect(text).toContain('按设备投资额的20%给予补助');
    expect(text).toContain('项目竣工验收后拨付70%');
  });

  it('does not quote it when only the amount is asked', () => {
    const text = answerExtractive({ question: '南康建共享喷涂中心补助多少？', region: null, asOf: EVAL_DATE }, engine).answer;
    expect(text).toContain('按设备投资额的20%给予补助');
    expect(text).not.toContain('拨付70%');
  });
});
