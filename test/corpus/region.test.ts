import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../src/corpus/policy.js';
import { readRegion, regionOf } from '../../src/corpus/region.js';

const region = (issuers: string[], title: string | null, body: string[] = []) => readRegion({ issuers, title, body }).region;

describe('the region of a policy, read through the GB/T 2260 divisions', () => {
  it('reads the place an issuer of any suffix starts with, under its full name', () => {
    expect(regionOf('芜湖经济技术开发区管理委员会')).toBe('芜湖经济技术开发区');
    expect(regionOf('芜湖经开区管委会')).toBe('芜湖经济技术开发区');
    expect(regionOf('峨边县人民政府办公室')).toBe('峨边彝族自治县');
    expect(regionOf('上海市浦东新区科技和经济委员会')).toBe('浦东新区');
    expect(regionOf('中共浙江省委人才工作领导小组办公室')).toBe('浙江省');
    expect(regionOf('內蒙古自治區工業和信息化廳')).toBe('内蒙古自治区');
    expect(regionOf('国家税务总局办公厅')).toBeNull();
  });

  it('names a unit the divisions lack by the rules of Chinese names, under the place written before it', () => {
    expect(regionOf('陕西省沣河新区开发建设管理委员会')).toBe('沣河新区');
    expect(region([], '沣河新区关于支持先进制造业发展的奖补政策')).toBe('沣河新区');
    // A zone the divisions lack, named after its city: the city's name and the suffix together.
    expect(regionOf('长沙经济技术开发区管理委员会')).toBe('长沙经济技术开发区');
    expect(regionOf('成都高新技术产业开发区管理委员会')).toBe('成都高新技术产业开发区');
    // Words that merely end like a suffix are no unit: 促进新区 is not a place.
    expect(region([], '关于促进新区建设的若干措施')).toBe('');
  });

  it('prefers a zone over its city and a district over its municipality when the title names it', () => {
    expect(region(['芜湖市人民政府'], '芜湖经开区关于加快智能化改造的若干措施')).toBe('芜湖经济技术开发区');
    expect(region(['上海市经济和信息化委员会'], '关于支持闵行区建设智能制造示范区的若干措施')).toBe('闵行区');
  });

  it('keeps the issuer’s place over a place the title merely mentions outside it', () => {
    expect(region(['宁波市鄞州区经济和信息化局'], '关于学习苏州工业园区经验推进产业升级的意见')).toBe('鄞州区');
  });

  it('takes a short province name at the start of an issuer, but not a short county name that is an everyday word', () => {
    expect(region(['广西推进产业振兴三年行动指挥部(代)'], '关于巩固工业经济向好势头的政策措施')).toBe('广西壮族自治区');
    expect(region([], '关于推进城中村改造的实施意见', ['城中村改造范围内的工业企业…'])).toBe('');
  });

  it('believes a short county name in a title only when the document names it again', () => {
    const title = '关于加快推进北仑制造业高质量发展的若干政策意见';
    expect(region([], title, [title, '为推动北仑制造业高质量发展,制定本意见。'])).toBe('北仑区');
    expect(region([], title, [title, '为推动制造业高质量发展,制定本意见。'])).toBe('');
  });

  it('falls back on the one place the body names, with a warning, and on nothing when it names several', () => {
    const reading = readRegion({ issuers: [], title: '关于推动制造业提质增效的若干措施', body: ['支持绍兴国家级现代纺织产业集群建设。', '对浙江省级以上项目…'] });
    expect(reading).toEqual({ region: '绍兴市', source: 'body' });
    expect(region([], '关于推动制造业提质增效的若干措施', ['支持绍兴纺织集群。', '学习嘉兴经验。'])).toBe('');
    expect(region([], '关于推动制造业提质增效的若干措施', ['按照《湖南省人民政府关于…的意见》要求,制定本措施。'])).toBe('');
  });

  it('reads the region of a whole document: red header, signature and short names', () => {
    const text = [
      '芜湖经济技术开发区管理委员会文件',
      '芜开管〔2024〕6号',
      '关于印发《开发区先进制造业企业培育奖励办法》的通知',
      '各部门,各园区:',
      '现将《开发区先进制造业企业培育奖励办法》印发给你们,请认真执行。',
      '芜湖经开区管委会',
      '2024年5月10日',
      '开发区先进制造业企业培育奖励办法',
      '第一条 对首次认定的省级专精特新企业,一次性奖励20万元。',
      '第二条 本办法自2024年6月1日起施行。',
    ].join('\n');
    const policy = parsePolicy('wuhu-kfq', text);
    expect(policy).toMatchObject({ region: '芜湖经济技术开发区', issuer: '芜湖经开区管委会', title: '开发区先进制造业企业培育奖励办法' });
    expect(policy.warnings).toEqual([]);
  });

  it('gives every policy of the blind corpus the region its manifest names', () => {
    const manifest = readFileSync(new URL('../fixtures/blind/MANIFEST.md', import.meta.url), 'utf8');
    const rows = manifest.split('\n').filter((line) => /^\| [a-z-]+-\d{4} \|/.test(line));
    expect(rows).toHaveLength(10);
    for (const row of rows) {
      const [key = '', cell = ''] = row.split('|').slice(1, 3).map((c) => c.trim());
      const expected = cell.replace(/\s*[（(].*$/, '');
      const text = readFileSync(new URL(`../fixtures/blind/policies/${key}.txt`, import.meta.url), 'utf8');
      expect({ key, region: parsePolicy(key, text).region }).toEqual({ key, region: expected });
    }
  });
});
