import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalise, renderNormalised } from '../../src/corpus/normalise.js';
import { parsePolicy } from '../../src/corpus/policy.js';
import type { Policy } from '../../src/corpus/types.js';
import { toSimplified } from '../../src/text/script.js';

/**
 * Pages as providers copy them from the web, each fixture reproducing one layout or kind of damage:
 * the metadata a careful reader takes from it, and no site furniture among the clauses.
 */

const page = (name: string): Policy =>
  parsePolicy(name, renderNormalised(normalise(readFileSync(new URL(`../fixtures/ingest/pages/${name}.txt`, import.meta.url), 'utf8'))));
const meta = (p: Policy) => ({ title: p.title, docNumber: p.docNumber, issuer: p.issuer, region: p.region, issued: p.issued });
const clauseText = (p: Policy): string => p.clauses.map((c) => c.text).join('\n');

describe('metadata and clauses of pages copied from the web', () => {
  it('drops pinyin glosses a converter wrote into words, keeping Latin abbreviations in brackets', () => {
    const p = page('pinyin-glosses');
    expect(meta(p)).toEqual({ title: '支持智能製造發展若干措施', docNumber: '鄂政辦發〔2023〕12號', issuer: '湖北省人民政府辦公廳', region: '湖北省', issued: '2023-06-08' });
    expect(clauseText(p)).not.toMatch(/[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔù]+[)）]/);
    expect(clauseText(p)).toContain('成熟度評估(DCMM)三級');
    expect(p.validTo).toBe('2025-12-31');
  });

  it('cuts a page whose line breaks were flattened into spaces back into its parts', () => {
    const p = page('flattened');
    expect(meta(p)).toEqual({ title: '大连市支持先进制造业提质增效若干措施', docNumber: '大政发〔2025〕2号', issuer: '大连市人民政府', region: '大连市', issued: '2025-03-03' });
    expect(p.clauses.filter((c) => c.kind === 'numbered').map((c) => c.label)).toEqual(['（一）', '（二）', '（三）', '（四）', '（五）']);
    expect(p.clauses.find((c) => c.label === '（二）')?.responsible).toBe('市工业和信息化局、市统计局');
    expect({ validFrom: p.validFrom, validTo: p.validTo }).toEqual({ validFrom: '2025-04-01', validTo: '2027-03-31' });
    expect(clauseText(p)).not.toContain('大政发');
  });

  it('takes an article’s title, number and issuer from its report of the issue, not from the account’s furniture', () => {
    const p = page('account-article');
    expect(meta(p)).toMatchObject({ title: '东西湖区支持工业企业扩产增效若干措施', docNumber: '东政办〔2025〕7号', issuer: '武汉市东西湖区人民政府办公室', region: '东西湖区' });
  });

  it('drops a PDF’s running head beside its page numbers, joining the sentence a page break cut', () => {
    const p = page('pdf-running-heads');
    expect(clauseText(p)).not.toContain('规范性文件');
    const first = p.clauses.find((c) => c.text.startsWith('一、'));
    expect(first?.text).toContain('单个项目最高不超过200万元');
    expect(clauseText(p)).not.toMatch(/^监委机关/m);
  });

  it('keeps an interpretation’s own title instead of the policy it interprets', () => {
    const p = page('interpretation');
    expect(p.title).toBe('《襄州区促进制造业数字化转型若干政策》政策解读');
    expect(p.docNumber).toBeNull();
  });

  it('keeps joint issuers printed side by side with one space apart', () => {
    const p = page('joint-issuers-one-line');
    expect(p.issuer).toBe('浙江省经济和信息化厅、浙江省财政厅、浙江省科学技术厅、中共浙江省委人才办');
    expect(meta(p)).toMatchObject({ title: '关于支持中小企业数字化改造的若干措施', region: '浙江省', issued: '2024-05-20' });
  });

  it('reads a flipbook page without its page label and page number', () => {
    const p = page('flipbook');
    expect(p.title).toBe('关于支持民营经济高质量发展的若干政策意见');
    expect(clauseText(p)).not.toMatch(/Page|P\. 5/);
    expect(p.clauses.find((c) => c.label === '7')?.text).toContain('按设备投资额的10%给予不超过200万元的奖励');
    // The page says nothing of where it applies: nothing is guessed.
    expect(p.region).toBe('');
  });

  it('takes a compilation’s first document, not the compilation, and no forum furniture as clauses', () => {
    const p = page('compilation-toc');
    expect(meta(p)).toEqual({
      title: '河南省人民政府关于促进2019年全省工业稳增长若干措施的通知',
      docNumber: '豫政〔2019〕8号',
      issuer: '河南省人民政府',
      region: '河南省',
      // A date inside a clause (2019年1月1日至6月30日) is not the document's date.
      issued: null,
    });
    expect(clauseText(p)).not.toMatch(/服务热线|快捷导航|发表于|阅读模式|目录|惠企政策汇编|某县人民政府关于印发/);
    expect(p.clauses.map((c) => c.label)).toEqual(['（一）', '（二）']);
  });

  it('reads a title under a site’s label and the short county name it names', () => {
    const p = page('labelled-title');
    expect(meta(p)).toEqual({ title: '关于加快推进北仑制造业高质量发展的若干政策意见', docNumber: null, issuer: null, region: '北仑区', issued: null });
    expect(clauseText(p)).not.toContain('工业企业奖励政策:');
  });

  it('never takes a navigation bullet for the title, nor the next field for an empty one', () => {
    const p = page('nav-bullets');
    expect(meta(p)).toEqual({ title: '湖州市支持中小企业稳定发展的二十条措施之八', docNumber: null, issuer: null, region: '湖州市', issued: null });
    expect(p.published).toBe('2021-04-02');
    expect(p.clauses.map((c) => c.label)).toEqual(['（八）']);
  });

  it('reads a repost that starts at the addressees, signed by a body with a note after its name', () => {
    const p = page('addressee-start');
    expect(meta(p)).toEqual({ title: '关于加快推进制造业数字化转型的政策措施', docNumber: null, issuer: '江西省数字经济发展指挥部(代)', region: '江西省', issued: '2023-02-14' });
  });

  it('takes the first of several policies a notice issues, and a new area the divisions lack', () => {
    const p = page('several-policies');
    expect(meta(p)).toMatchObject({ title: '雄安新区关于支持先进制造业发展的奖补政策', issuer: '河北省雄安新区管理委员会办公室', region: '雄安新区', issued: '2020-08-12' });
  });

  it('falls back on the one place the body names, and says so', () => {
    const p = page('body-place-only');
    expect(p.region).toBe('绍兴市');
    expect(p.warnings.join('\n')).toMatch(/region 绍兴市 read from the one place the text names/);
  });

  it('stays readable as simplified text: titles of traditional pages convert cleanly', () => {
    expect(toSimplified(page('pinyin-glosses').title)).toBe('支持智能制造发展若干措施');
  });
});
