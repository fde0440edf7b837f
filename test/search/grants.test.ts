import { describe, expect, it } from 'vitest';
import { grantsAmountIn } from '../../src/search/grants.js';

describe('whether a clause grants an amount', () => {
  it('reads amounts in Arabic and in Chinese numerals, as formal documents write them', () => {
    expect(grantsAmountIn('对获评的企业给予30万元奖励。')).toBe(true);
    expect(grantsAmountIn('分别给予一次性奖励三百万元、一百万元、五十万元、二十万元。')).toBe(true);
    expect(grantsAmountIn('按设备投资额的百分之十给予补助，单个项目最高不超过一千万元。')).toBe(true);
  });

  it('does not take a target or a count for a grant', () => {
    expect(grantsAmountIn('数字化水平二级及以上比例达到90%以上。')).toBe(false);
    expect(grantsAmountIn('培育专精特新企业三十家。')).toBe(false);
  });
});
