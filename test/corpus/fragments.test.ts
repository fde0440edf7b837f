import { describe, expect, it } from 'vitest';
import { normalise, renderNormalised } from '../../src/corpus/normalise.js';
import { parsePolicy } from '../../src/corpus/policy.js';

/** The text of an 一图读懂 page: a panel's heading, subject and figures each on a line of their own. */
const INFOGRAPHIC = [
  '一图读懂｜《某县促进先进制造业发展若干措施》',
  '',
  '——政策速览——',
  '政策有效期',
  '2026年3月1日',
  '至',
  '2028年12月31日',
  '',
  '☁ 上云用云',
  '规下企业',
  '订阅云服务',
  '补贴比例',
  '60%',
  '每家每年最高',
  '8000元',
  '',
  '🏅 两化融合贯标',
  '首次通过评定',
  'A级',
  '4万元',
  'AA级',
  '9万元',
  '',
  '🏗 标准厂房租金',
  '新入驻开发区',
  '标准厂房的工业项目',
  '前两年',
  '每平方米每月',
  '12元',
  '第三年减半',
  '单个企业累计最高',
  '80万元',
  '',
].join('\n');

/** A PDF copy of a tier table whose borders were lost: every cell on a line of its own. */
const CELL_PER_LINE_TABLE = [
  '（一）技术改造分档补助。按设备投资额分档给予补助，标准见表1。',
  '表1　技术改造补助分档标准',
  '档次',
  '设备投资额',
  '补助比例',
  '单个项目上限',
  '第一档',
  '300万元（含）至1000万元',
  '5%',
  '40万元',
  '第二档',
  '1000万元（含）至5000万元',
  '7%',
  '300万元',
  '第三档',
  '5000万元（含）以上',
  '9%',
  '800万元',
  '（二）技改贷款贴息。按贷款市场报价利率的60%给予贴息。',
].join('\n');

describe('pages printed one fragment to a line', () => {
  it('reads each infographic panel as one clause that states its figures', () => {
    const policy = parsePolicy('panel', INFOGRAPHIC);
    const texts = policy.clauses.map((c) => c.text);
    expect(texts).toContain('☁ 上云用云规下企业订阅云服务补贴比例60%每家每年最高8000元');
    expect(texts).toContain('🏅 两化融合贯标首次通过评定A级4万元AA级9万元');
    // Lines that happen to fall into threes are a panel, not a table: one figure column only.
    expect(texts).toContain('🏗 标准厂房租金新入驻开发区标准厂房的工业项目前两年每平方米每月12元第三年减半单个企业累计最高80万元');
    expect(policy.clauses.some((c) => c.kind === 'table-row')).toBe(false);
  });

  it('reads a validity range broken over three lines under its label', () => {
    const policy = parsePolicy('panel', INFOGRAPHIC);
    expect(policy.validFrom).toBe('2026-03-01');
    expect(policy.validTo).toBe('2028-12-31');
  });

  it('keeps a panel a panel when the stored normalised text is normalised again', () => {
    const once = renderNormalised(normalise(INFOGRAPHIC));
    expect(renderNormalised(normalise(once))).toBe(once);
    expect(parsePolicy('panel', once).clauses.map((c) => c.text)).toEqual(parsePolicy('panel', INFOGRAPHIC).clauses.map((c) => c.text));
  });

  it('rebuilds a table printed one cell to a line into rows under its header', () => {
    const rows = parsePolicy('tiers', CELL_PER_LINE_TABLE).clauses.filter((c) => c.kind === 'table-row');
    expect(rows.map((r) => r.label)).toEqual(['表「第一档」', '表「第二档」', '表「第三档」']);
    expect(rows[1]?.text.replace(/\s*¦\s*/g, ' ').trim()).toBe('第二档 1000万元（含）至5000万元 7% 300万元');
    expect(rows[1]?.context).toContain('档次 | 设备投资额 | 补助比例 | 单个项目上限');
  });

  it('drops the rules of a drawn table and a markdown table, keeping their rows', () => {
    const raw = ['附件2', '+----------+----------+', '| 项目 | 金额 |', '+----------+----------+', '| 上云 | 4万元 |', '+----------+----------+', '', '表2 另一张表', '|事项|奖励|', '|---|:---:|', '|DCMM|8万元|'].join('\n');
    const clauses = parsePolicy('grid', raw).clauses;
    expect(clauses.some((c) => /-{3}/.test(c.text))).toBe(false);
    expect(clauses.filter((c) => c.kind === 'table-row').map((c) => c.label)).toEqual(['附表「上云」', '附表「DCMM」']);
  });

  it('leaves prose and signature blocks as they were', () => {
    const raw = ['第一条 对企业给予补助。', '', '某县工业和信息化局', '某县财政局', '2026年1月5日', ''].join('\n');
    expect(normalise(raw).paragraphs).toEqual(['第一条 对企业给予补助。', '某县工业和信息化局', '某县财政局', '2026年1月5日']);
  });
});

describe("an infographic's or a 解读's unnumbered questions and answers", () => {
  it('keeps each answer with its question', () => {
    const raw = ['——你问我答——', '', '问：规上企业能享受上云补贴吗？', '答：不能。上云补贴只面向规下企业。', '问：内销货值怎么认定？', '答：以海关证明所列货值为准。'].join('\n');
    expect(parsePolicy('qa', raw).clauses.map((c) => c.text)).toEqual([
      '问：规上企业能享受上云补贴吗？\n答：不能。上云补贴只面向规下企业。',
      '问：内销货值怎么认定？\n答：以海关证明所列货值为准。',
    ]);
  });
});
