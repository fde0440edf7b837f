import { describe, expect, it } from 'vitest';
import { amountsIn, figuresIn, parseHanNumber, sameFigure, type FigureValue } from '../../src/text/figures.js';

const read = (text: string): [string, ...string[]][] =>
  figuresIn(text).map((f) => [f.text, ...f.values.map((v) => (v.kind === 'date' ? `date:${v.date}` : `${v.kind}:${v.value}${v.unit}`))]);

describe('figures in policy text', () => {
  it.each([
    ['一次性最高不超过20万元奖励', [['20万元', 'amount:200000元']]],
    ['最高30 萬元', [['30 萬元', 'amount:300000元']]],
    ['最高３０万元', [['３０万元', 'amount:300000元']]],
    ['给予二十万元奖励', [['二十万元', 'amount:200000元']]],
    ['最高二十万', [['二十万', 'amount:200000元']]],
    ['最高补贴1,000万元', [['1,000万元', 'amount:10000000元']]],
    ['补助5千元', [['5千元', 'amount:5000元']]],
    ['1.5亿元', [['1.5亿元', 'amount:150000000元']]],
    ['一亿五千万元', [['一亿五千万元', 'amount:150000000元']]],
    ['10万美元', [['10万美元', 'amount:100000美元']]],
    ['按10%～20%给予补贴', [['10%～20%', 'percent:10', 'percent:20']]],
    ['给予10～20万元', [['10～20万元', 'amount:100000元', 'amount:200000元']]],
    ['百分之十', [['百分之十', 'percent:10']]],
    ['3-5家', [['3-5家', 'count:3家', 'count:5家']]],
    ['连续支持三年', [['三年', 'count:3年']]],
    ['遴选五家企业', [['五家', 'count:5家']]],
    ['6个月内', [['6个月', 'count:6月']]],
    ['10万平方米', [['10万平方米', 'count:100000平方米']]],
    ['2024年1月28日起', [['2024年1月28日', 'date:2024-01-28']]],
    ['2024-01-28', [['2024-01-28', 'date:2024-01-28']]],
    ['二〇二一年八月十八日', [['二〇二一年八月十八日', 'date:2021-08-18']]],
    ['2023年度', [['2023年度', 'date:2023']]],
    ['up to RMB 200,000', [['RMB 200,000', 'amount:200000元']]],
    ['0.2 million yuan', [['0.2 million yuan', 'amount:200000元']]],
    ['10 percent for 3 years', [['10 percent', 'percent:10'], ['3 years', 'count:3年']]],
    ['from January 28, 2024', [['January 28, 2024', 'date:2024-01-28']]],
    ['in force in 2024', [['2024', 'date:2024']]],
  ])('reads %s', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it.each([
    ['单位：千元'],
    ['第5条'],
    ['第二十条'],
    ['十三五期间'],
    ['两化融合'],
    ['一次性奖励'],
    ['认证2.0并达到 AA 级别'],
    ['数十家'],
    ['G20'],
    ['电话021-12345678'],
    ['详见[2]'],
  ])('finds no figure in %s', (text) => {
    expect(figuresIn(text)).toEqual([]);
  });

  it('keeps the positions of the text as written; lists amounts with half-width digits', () => {
    const text = '对企业给予最高30 萬元、最高３０％的补贴';
    const figures = figuresIn(text);
    expect(figures.map((f) => text.slice(f.start, f.end))).toEqual(['30 萬元', '３０％']);
    // Amounts are listed as a reader types them: spaces out, digits half-width, the script kept.
    expect(amountsIn(text)).toEqual(['30萬元', '30%']);
  });

  it('lists only amounts and percentages as amounts, the same on every call', () => {
    const text = '自2026年起每年补贴20万元，连续三年，比例不超过10%。';
    expect(amountsIn(text)).toEqual(['20万元', '10%']);
    expect(amountsIn(text)).toEqual(['20万元', '10%']);
  });

  it('compares figures by value, whatever way they are written', () => {
    const value = (text: string): FigureValue => figuresIn(text)[0]?.values[0] as FigureValue;
    expect(sameFigure(value('20万元'), value('二十万元'))).toBe(true);
    expect(sameFigure(value('3000万元'), value('0.3亿元'))).toBe(true);
    expect(sameFigure(value('200000元'), value('20 萬元'))).toBe(true);
    expect(sameFigure(value('百分之十'), value('10%'))).toBe(true);
    expect(sameFigure(value('3年'), value('三年'))).toBe(true);
    expect(sameFigure(value('2024年'), value('2024年1月28日'))).toBe(true);
    expect(sameFigure(value('1月28日'), value('2024-01-28'))).toBe(true);
    expect(sameFigure(value('500万元'), value('20万元'))).toBe(false);
    expect(sameFigure(value('3家'), value('3年'))).toBe(false);
    expect(sameFigure(value('2024年1月28日'), value('2024年'))).toBe(false);
  });

  it('reads Chinese numerals and refuses strings that are not one', () => {
    expect(parseHanNumber('一百零三')).toBe(103);
    expect(parseHanNumber('两千')).toBe(2000);
    expect(parseHanNumber('三千万')).toBe(30_000_000);
    expect(parseHanNumber('十三五')).toBeNull();
  });

  it('reads a long text in linear time', () => {
    const text = '对企业给予最高20万元奖励，连续三年，补贴比例10%～20%。'.repeat(20_000);
    const started = performance.now();
    expect(figuresIn(text).length).toBe(60_000);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
