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

  it('reads an infographic panel or a list of sums, which drops the verb, as granting its sums', () => {
    expect(grantsAmountIn('🏅 两化融合贯标首次通过评定A级4万元AA级9万元AAA级18万元晋级的补差额')).toBe(true);
    expect(grantsAmountIn('🚀 专精特新国家级“小巨人”65万元省专精特新中小企业16万元')).toBe(true);
  });

  it('does not take a threshold, a size or a budget in such a list for a grant', () => {
    expect(grantsAmountIn('规上工业企业设备投资额200万元以上')).toBe(false);
    expect(grantsAmountIn('年营业收入首次突破1亿元')).toBe(false);
    expect(grantsAmountIn('区财政每年安排专项资金5000万元')).toBe(false);
    // A sentence says what it grants with a verb: one without is a target or a size.
    expect(grantsAmountIn('项目总投资5亿元，建成后年产值10亿元。')).toBe(false);
  });

  it('reads a table row as granting when its caption or header names the grant', () => {
    expect(grantsAmountIn('表1技术改造补助分档标准\n档次 | 设备投资额 | 补助比例 | 单个项目上限\n第二档 ¦ 1000万元（含）至5000万元 ¦ 7% ¦ 300万元 ¦', true)).toBe(true);
    expect(grantsAmountIn('表2 主要目标\n指标 | 2025年 | 2027年\n规上工业营业收入 ¦ 500亿元 ¦ 650亿元 ¦', true)).toBe(false);
  });
});
