import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixSpacing, normalise, renderNormalised, splitFrontMatter } from '../../src/corpus/normalise.js';

const RAW = new URL('../fixtures/raw-policies/', import.meta.url);
const SHIPPED = new URL('../../index/policies/', import.meta.url);
const ids = readdirSync(RAW).map((name) => name.replace(/\.txt$/, ''));

describe('normalise', () => {
  it.each(ids)('ships %s exactly as the normaliser writes it, and normalising again changes nothing', (id) => {
    const raw = readFileSync(new URL(`${id}.txt`, RAW), 'utf8');
    const shipped = readFileSync(new URL(`${id}.md`, SHIPPED), 'utf8');
    expect(renderNormalised(normalise(raw))).toBe(shipped);
    expect(renderNormalised(normalise(shipped))).toBe(shipped);
  });

  it('joins a hard-wrapped sentence across blank lines', () => {
    const raw = '第二条 对落户的人工智能、智能制造和工业互联网领域的\n\n 重点培育企业，实缴资本规模 500 万元及以上、企业规模 30 人\n\n及以上，给予补贴。\n';
    expect(normalise(raw).paragraphs).toEqual(['第二条 对落户的人工智能、智能制造和工业互联网领域的重点培育企业，实缴资本规模500万元及以上、企业规模30人及以上，给予补贴。']);
  });

  it('keeps a short numbered heading apart from the text under it', () => {
    const raw = '一、鼓励优质企业落户集聚\n鼓励符合产业发展规划的优质企业落户重点产业园区和基地。\n';
    expect(normalise(raw).paragraphs).toEqual(['一、鼓励优质企业落户集聚', '鼓励符合产业发展规划的优质企业落户重点产业园区和基地。']);
  });

  it('drops bookmarks, bold marks, separators and a website footer', () => {
    const raw = [
      '关于推进制造业智能化改造和数字化',
      '[bookmark: _GoBack]转型的若干措施',
      '---',
      '**3、支持工业互联网企业上市。**对实现股改上市挂牌的企业，给予200万元的一次性补贴。',
      '本办法自发布之日起实施。',
      '原文鏈接:',
      '免責聲明:',
      'TOP',
      '微信',
    ].join('\n');
    const { paragraphs } = normalise(raw);
    expect(paragraphs).toEqual([
      '关于推进制造业智能化改造和数字化转型的若干措施',
      '3、支持工业互联网企业上市。对实现股改上市挂牌的企业，给予200万元的一次性补贴。',
      '本办法自发布之日起实施。',
    ]);
  });

  it('removes stray spaces around Chinese text but keeps them between Latin words', () => {
    expect(fixSpacing('分别给予最高 200 万元、100 万元')).toBe('分别给予最高200万元、100万元');
    expect(fixSpacing('( 责任部门：区科委 )')).toBe('(责任部门：区科委)');
    expect(fixSpacing('启动5G AGV 试验网')).toBe('启动5G AGV 试验网');
    expect(fixSpacing('上海市嘉定区经济委员会    上海市嘉定区科学技术委员会')).toBe('上海市嘉定区经济委员会  上海市嘉定区科学技术委员会');
  });

  it('reads front matter as overrides and leaves the text alone', () => {
    const { overrides, body } = splitFrontMatter('---\ntitle: 某某政策\nvalidTo: 2030-12-31\n---\n正文。\n');
    expect(overrides).toEqual({ title: '某某政策', validTo: '2030-12-31' });
    expect(body).toBe('正文。\n');
  });
});

describe('a title that names a list or a guide', () => {
  it('ends its paragraph in the front part (…兑现事项清单（2026年版）), not in the body where a wrapped sentence may end so', () => {
    const text = ['某市工业领域惠企政策兑现事项清单（2026年版）', '', '编制单位：某市工业和信息化局', '', '1.对列入国家首台（套）重大技术装备推广应用指导目录', '的产品给予奖励。'].join('\n');
    const { paragraphs } = normalise(text);
    expect(paragraphs[0]).toBe('某市工业领域惠企政策兑现事项清单（2026年版）');
    expect(paragraphs).toContain('1.对列入国家首台（套）重大技术装备推广应用指导目录的产品给予奖励。');
  });
});
