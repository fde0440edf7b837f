import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHeaderLine, readHeaderFields } from '../../src/corpus/header.js';
import { isBreadcrumb, isPublicationMark, isSiteChrome } from '../../src/corpus/front-matter.js';
import { parsePolicy } from '../../src/corpus/policy.js';
import { FRONT_MATTER_OF } from '../support/ingest-fixtures.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/ingest/${name}.txt`, import.meta.url), 'utf8');
const parse = (name: string) => parsePolicy(name, fixture(name));
const core = (name: string) => {
  const p = parse(name);
  return { title: p.title, docNumber: p.docNumber, issuer: p.issuer, region: p.region, issued: p.issued, published: p.published, validFrom: p.validFrom, validTo: p.validTo };
};

describe('header lines with several fields', () => {
  it('reads fields a tab apart, and labels spaced out with full-width spaces', () => {
    const fields = readHeaderFields(['发布机构：肥西县人民政府\t生成日期：2023-08-21', '文\u3000\u3000号：肥西政〔2023〕27号\t有 效 性：']);
    expect(fields.get('issuer')?.value).toBe('肥西县人民政府');
    expect(fields.get('published')?.value).toBe('2023-08-21');
    expect(fields.get('docNumber')?.value).toBe('肥西政〔2023〕27号');
  });

  it('keeps a tab between fields through normalisation', () => {
    const p = parsePolicy('t', '发布机构：肥西县人民政府\t生成日期：2023-08-21\n文\u3000\u3000号：肥西政〔2023〕27号\n\n肥西县促进工业经济高质量发展若干政策\n\n一、对企业给予奖励10万元。\n');
    expect(p.issuer).toBe('肥西县人民政府');
    expect(p.docNumber).toBe('肥西政〔2023〕27号');
  });
});

describe('metadata from the layouts sites print', () => {
  it('a site header, one field a line, above the title (施行日期 read from it)', () => {
    expect(core('header-inline')).toEqual({
      title: '宁波市鄞州区人民政府办公室关于促进工业互联网平台发展的若干意见',
      docNumber: '鄞政办发〔2024〕11号',
      issuer: '宁波市鄞州区人民政府办公室',
      region: '鄞州区',
      issued: '2024-02-29',
      published: '2024-03-05',
      validFrom: '2024-04-01',
      validTo: '2027-03-31',
    });
    expect(parse('header-inline')).toMatchObject({ indexNumber: '11330212MB1234567X/2024-00031', declaredValidity: '有效', warnings: [] });
  });

  it('label and value on two lines; 自发布之日起 counts from the publication date', () => {
    expect(core('header-two-line')).toEqual({
      title: '无锡市工业和信息化局关于支持中小企业专精特新发展的若干措施',
      docNumber: '锡工信发〔2023〕45号',
      issuer: '无锡市工业和信息化局',
      region: '无锡市',
      issued: '2023-11-20',
      published: '2023-11-24',
      validFrom: '2023-11-24',
      validTo: '2025-12-31',
    });
  });

  it('a database header in 【】, two fields on one line, the start date given only there', () => {
    expect(core('header-database')).toEqual({
      title: '合肥市制造业数字化转型专项政策实施细则',
      docNumber: '合经信〔2024〕3号',
      issuer: '合肥市经济和信息化局',
      region: '合肥市',
      issued: null,
      published: '2024-06-15',
      validFrom: '2024-07-01',
      validTo: '2029-06-30',
    });
    expect(parse('header-database').declaredValidity).toBe('现行有效');
  });

  it('a title above its number, under a breadcrumb and a letterhead; a garbled signature date is reported, not guessed', () => {
    expect(core('header-title-above-number')).toEqual({
      title: '成都市新都区促进智能制造发展的十条措施',
      docNumber: '新都府发〔2024〕7号',
      issuer: '成都市新都区人民政府',
      region: '新都区',
      issued: null,
      published: null,
      validFrom: null,
      validTo: '2026-12-31',
    });
    expect(parse('header-title-above-number').warnings).toEqual(['signature date "2024229" is not a readable date; left blank']);
  });

  it('traditional script throughout: title, number, issuer, a date in Chinese numerals, 責任單位', () => {
    expect(core('header-traditional')).toEqual({
      title: '天河區促進軟件和信息服務業高質量發展若干措施',
      docNumber: '穗天工信規〔2024〕2號',
      issuer: '廣州市天河區工業和信息化局',
      region: '天河区',
      issued: '2024-01-15',
      published: null,
      validFrom: '2024-02-01',
      validTo: '2027-01-31',
    });
    expect(parse('header-traditional').clauses.map((c) => c.responsible)).toEqual([null, '區工信局', '區科技局、區財政局', '區人才辦；配合單位：區人社局', null]);
  });

  it('keeps amounts in 萬/億, full-width digits, thousands separators and 千元 as written', () => {
    const text = parse('header-traditional').clauses.map((c) => c.text).join('\n');
    for (const amount of ['１０億元', '30萬元', '5,000萬元', '500千元', '２萬元', '1.5億元']) expect(text).toContain(amount);
  });

  it('a site copy with every label and value on two lines, a title with a parenthetical, a date range, tab-separated rows', () => {
    expect(core('header-website-two-line')).toEqual({
      title: '峨边彝族自治县中小企业数字化改造奖补办法（试行）',
      docNumber: '峨府办发〔2024〕6号',
      issuer: '峨边彝族自治县人民政府办公室',
      region: '峨边彝族自治县',
      issued: '2024-05-08',
      published: null,
      validFrom: '2024-06-01',
      validTo: '2026-05-31',
    });
    const policy = parse('header-website-two-line');
    expect(policy.indexNumber).toBe('115111320089-2024-0012');
    // Each measure under a heading is a paragraph of its own, its 【】 note closing it.
    expect(policy.clauses.map((c) => c.label)).toEqual(['一（第1段）', '一（第2段）', '二', '附表第1行', '附表第2行']);
    expect(policy.clauses.map((c) => c.responsible)).toEqual(['县经信局；配合单位：县财政局', '县经信局', null, null, null]);
    // Cells a tab set apart are marked so (¦), and a citation quotes them apart by white space, as printed.
    expect(policy.clauses[3]?.text).toBe('1 ¦ 设备改造补助 ¦ 300 ¦');
  });

  it('a header date that cannot be read is reported; the signature still dates the document', () => {
    const policy = parsePolicy('x', `成文日期：2024-02-30\n发布日期：2024229\n${fixture('header-two-line').split('\n').slice(9).join('\n')}`);
    expect(policy.issued).toBe('2023-11-20');
    expect(policy.published).toBeNull();
    expect(policy.warnings).toEqual(['成文日期 "2024-02-30" is not a readable date; left blank', '发布日期 "2024229" is not a readable date; left blank']);
  });
});

describe('front matter is never a clause', () => {
  it.each(Object.entries(FRONT_MATTER_OF))('%s: none of its front matter is in a clause', (name, noise) => {
    const texts = parse(name).clauses.map((c) => c.text);
    for (const piece of noise) for (const text of texts) expect(text).not.toContain(piece);
  });

  it('keeps every rule of the documents as clauses', () => {
    expect(parse('header-inline').clauses.map((c) => c.label)).toEqual(['序言', '（一）', '（二）', '（三）', '（四）']);
    expect(parse('header-database').clauses.map((c) => c.label)).toEqual(['序言', '第一条', '第二条', '第三条']);
    expect(parse('header-title-above-number').clauses.map((c) => c.label)).toEqual(['序言', '一', '二', '三']);
  });
});

describe('header lines and site noise', () => {
  it('reads every shape of a header line', () => {
    expect(parseHeaderLine('发文字号：某政办〔2024〕11号')).toEqual([{ key: 'docNumber', label: '发文字号', value: '某政办〔2024〕11号' }]);
    expect(parseHeaderLine('索 引 号：113-2024-01  主题分类：工业')?.map((f) => [f.key, f.value])).toEqual([['indexNumber', '113-2024-01'], ['other', '工业']]);
    expect(parseHeaderLine('【施行日期】2024.03.01【时效性】现行有效')?.map((f) => [f.key, f.value])).toEqual([['validFrom', '2024.03.01'], ['validity', '现行有效']]);
    expect(parseHeaderLine('索引号 | 113-2024-01 | 发文字号 | 某政发〔2024〕1号 |')?.map((f) => [f.key, f.value])).toEqual([['indexNumber', '113-2024-01'], ['docNumber', '某政发〔2024〕1号']]);
    expect(parseHeaderLine('發布日期:2024年3月5日')).toEqual([{ key: 'published', label: '发布日期', value: '2024年3月5日' }]);
    expect(parseHeaderLine('来源于市财政的资金，按规定使用。')).toBeNull();
    expect(parseHeaderLine('（一）支持平台建设。')).toBeNull();
    expect(readHeaderFields(['发文机关：', '某某市人民政府', '成文日期：', '2024年1月2日']).get('issuer')?.value).toBe('某某市人民政府');
  });

  it('tells breadcrumbs, share links and publication marks from text', () => {
    expect(isBreadcrumb('>> 走進某市 >> 投資某市 >> 投資政策')).toBe(true);
    expect(isBreadcrumb('您当前的位置：首页 > 政策文件')).toBe(true);
    expect(isBreadcrumb('对投资额>500万元的项目，给予补助。')).toBe(false);
    expect(isSiteChrome('【打印】【关闭】')).toBe(true);
    expect(isSiteChrome('分享到：微信 微博')).toBe(true);
    expect(isSiteChrome('打印、复印费用可以列支。')).toBe(false);
    expect(isPublicationMark('（此件公开发布）')).toBe(true);
    expect(isPublicationMark('(此件主动公开)')).toBe(true);
    expect(isPublicationMark('（此件经区政府同意，由区经信局负责解释，自发布之日起施行）')).toBe(false);
  });
});
