import { describe, expect, it } from 'vitest';
import { readTableRow } from '../../src/answer/sentences.js';
import type { Clause } from '../../src/corpus/types.js';

const row = (text: string, header: string): Clause => ({
  id: 'p#1',
  policyId: 'p',
  label: '附表第5行',
  kind: 'table-row',
  sectionPath: [],
  text,
  context: `附件 年度指标\n${header}`,
  responsible: null,
});

describe('a table row read with its headings', () => {
  it('gives each cell its own heading, and the unit column’s unit to the figures', () => {
    const read = readTableRow(row('5 | 上云企业（累计） | 家 | 150 | 220 | 300 | 旗工信局 |', '序号 | 指标名称 | 单位 | 2027年 | 2028年 | 2029年 | 牵头单位 |'));
    expect(read).toBe('上云企业（累计）：2027年 150家；2028年 220家；2029年 300家；牵头单位 旗工信局');
  });

  it('pairs the figures with the last headings when the row has fewer cells than headings', () => {
    const read = readTableRow(row('DCMM三级 | 30 |', '项目 | 标准 | 奖励（万元） |'));
    expect(read).toBe('DCMM三级：奖励（万元） 30');
  });
});
