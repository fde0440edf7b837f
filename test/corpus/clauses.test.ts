import { describe, expect, it } from 'vitest';
import { parseClauses } from '../../src/corpus/clauses.js';
import { loadPolicies } from '../../src/corpus/load.js';
import { normalise } from '../../src/corpus/normalise.js';

const policies = new Map(loadPolicies(new URL('../../index/policies/', import.meta.url).pathname).map((p) => [p.id, p]));
const labels = (id: string): string[] => policies.get(id)?.clauses.map((c) => c.label) ?? [];
const clause = (id: string, label: string) => policies.get(id)?.clauses.find((c) => c.label === label);

describe('clauses of the shipped policies', () => {
  it('songjiang-2023: numbered 1.–18. under 一、–五、, a preamble and a closing paragraph', () => {
    expect(labels('songjiang-2023')).toEqual([
      '序言（第1段）', '序言（第2段）',
      ...Array.from({ length: 18 }, (_, i) => String(i + 1)),
      '末段',
    ]);
    expect(clause('songjiang-2023', '5')?.sectionPath).toEqual(['一、支持制造业企业数字化转型深入推进']);
    // The responsible-department note on its own line stays with its clause.
    expect(clause('songjiang-2023', '11')?.text).toMatch(/推广本地化优秀解决方案和应用场景。\n\(责任部门：区科委\)$/);
    expect(clause('songjiang-2023', '末段')?.text).toBe('本政策自2024年1月28日起实施，有效期为五年，由松江区科学技术委员会负责解释。');
  });

  it('taicang-2021: （一）–（二十五） under sections, the first mistyped 1、', () => {
    const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十', '二十一', '二十二', '二十三', '二十四', '二十五'];
    expect(labels('taicang-2021')).toEqual(['序言（第1段）', '序言（第2段）', ...numerals.map((n) => `（${n}）`), '末段']);
    expect(clause('taicang-2021', '（一）')?.sectionPath).toEqual(['1、支持工业企业智能化改造和数字化转型深入推进']);
    expect(clause('taicang-2021', '（六）')?.sectionPath).toEqual(['二、完善智能化改造和数字化转型服务方式']);
  });

  it('minhang-2021: 第一条–第八条, section intros and the 附则 paragraphs', () => {
    expect(labels('minhang-2021')).toEqual([
      '序言', '一', '第一条', '第二条', '第三条', '第四条', '第五条', '第六条', '第七条', '第八条',
      '四（第1段）', '四（第2段）', '四（第3段）', '四（第4段）',
    ]);
    // A clause wrapped over blank lines is one clause; its continuation paragraph stays with it.
    expect(clause('minhang-2021', '第七条')?.text).toContain('平台建设。对智能制造');
    expect(clause('minhang-2021', '第一条')?.text).toContain('\n支持企业按照法律法规及相关政策申请产业用地');
  });

  it('jiading-2021: 1、–16、 with bold headings, nested under 二、 and （一）–（三）', () => {
    expect(labels('jiading-2021')).toEqual([
      '序言（第1段）', '序言（第2段）', '一',
      ...Array.from({ length: 16 }, (_, i) => String(i + 1)),
    ]);
    expect(clause('jiading-2021', '3')?.text).toBe('3、支持工业互联网企业上市。对实现股改上市挂牌的工业互联网企业，在按区上市挂牌补贴政策的基础上，另行给予200万元的一次性补贴。');
    expect(clause('jiading-2021', '5')?.sectionPath).toEqual(['二、支持范围及标准', '（二）支持工业互联网服务能力建设']);
    expect(clause('jiading-2021', '5')?.text).toContain('\n每年认定15-20个区级工业互联网标杆示范项目');
  });

  it('songjiang-pilot-2025: stages, tasks, headed paragraphs and the annex table as rows', () => {
    const all = labels('songjiang-pilot-2025');
    expect(all.slice(0, 9)).toEqual(['序言', '一（第1段）', '一（第2段）', '一（第3段）', '一（第4段）', '二', '第一階段', '第二階段', '第三階段']);
    expect(all.filter((l) => l.startsWith('附表'))).toEqual([
      '附表第1行', '附表第2行', '附表「擬改造企業合計(家)」',
      ...Array.from({ length: 11 }, (_, i) => `附表第${i + 3}行`),
    ]);
    const row = clause('songjiang-pilot-2025', '附表第4行');
    expect(row?.kind).toBe('table-row');
    expect(row?.text).toBe('4 | 擬改造企業中專精特新中小企業數量 | 150 | 92 | 242 |');
    expect(row?.context).toContain('重點目標 | 2025年 | 2026年 | 總數');
    expect(row?.sectionPath).toEqual(['松江區中小企業數字化轉型試點總體目標表']);
    const funds = policies.get('songjiang-pilot-2025')?.clauses.find((c) => c.text.includes('1.02億元'));
    expect(funds?.sectionPath).toEqual(['四、保障措施', '(六)加強資金保障']);
    // The site footer is gone.
    expect(policies.get('songjiang-pilot-2025')?.clauses.some((c) => /免責聲明|華夏泰科|原文鏈接/.test(c.text))).toBe(false);
  });
});

describe('clauses of a document in another style', () => {
  it('reads chapters and articles, and keeps a numbered item list inside its article', () => {
    const text = [
      '第一章 总则',
      '第一条 为支持中小企业走专精特新发展道路，制定本办法。',
      '第二章 支持内容',
      '第二条 对企业给予以下奖励：',
      '（一）首次认定的国家级专精特新“小巨人”企业，奖励50万元；',
      '（二）首次认定的省级专精特新中小企业，奖励10万元。',
      '第三条 对首次通过DCMM二级认证的企业，给予最高10万元奖励。',
      '第三章 附则',
      '第四条 本办法自2024年4月1日起施行，有效期3年。',
    ].join('\n');
    const clauses = parseClauses('x', normalise(text).paragraphs);
    expect(clauses.map((c) => c.label)).toEqual(['第一条', '第二条', '第三条', '第四条']);
    expect(clauses[1]?.sectionPath).toEqual(['第二章 支持内容']);
    expect(clauses[1]?.text).toContain('（二）首次认定的省级专精特新中小企业，奖励10万元。');
    expect(clauses[3]?.sectionPath).toEqual(['第三章 附则']);
  });

  it('keeps a heading that has no clause under it as a clause of its own', () => {
    const clauses = parseClauses('x', ['一、工业机器人', '二、智能工厂', '三、附则', '本办法自2024年1月1日起施行。']);
    expect(clauses.map((c) => [c.label, c.text])).toEqual([
      ['一', '一、工业机器人'],
      ['二', '二、智能工厂'],
      ['三', '本办法自2024年1月1日起施行。'],
    ]);
  });
});

describe('a 政策解读 in 一问一答 form', () => {
  it('reads each 问N with the 答 after it as one clause labelled 问N', () => {
    const paragraphs = normalise(
      ['一问一答', '', '问1：《若干措施》从什么时候开始执行？', '答：自2026年12月15日起施行，有效期至2029年12月14日。', '', '问2：上云有补贴吗？', '答：有。按实际支付费用的50%给予补贴，每家每年最高3万元。'].join('\n'),
    );
    const clauses = parseClauses('qa', paragraphs.paragraphs);
    const asked = clauses.filter((c) => c.label.startsWith('问'));
    expect(asked.map((c) => c.label)).toEqual(['问1', '问2']);
    expect(asked[1]?.text).toBe('问2：上云有补贴吗？\n答：有。按实际支付费用的50%给予补贴，每家每年最高3万元。');
  });
});

describe('decimal numbering (1 总则 / 2.1 技术改造 / 2.1.1 …)', () => {
  const text = [
    '1　总则',
    '1.1　为推动企业数字化转型，制定本细则。',
    '2　支持内容和标准',
    '2.1　技术改造',
    '2.1.1　对设备投资额300万元以上的技术改造项目，按设备投资额的7%给予补助。',
    '2.1.2　设备投资额2000万元以上的，按设备投资额的9%给予补助。',
    '2.1.3项目列入省重点技术改造项目的，在2.1.1或2.1.2规定比例基础上提高1个百分点。',
    '2.2　资金安排',
    '2.5亿元以上的项目另行研究。',
  ].join('\n');

  it('labels each clause by its number and files it under its headings', () => {
    const clauses = parseClauses('dec', normalise(text).paragraphs);
    expect(clauses.map((c) => c.label)).toEqual(['1.1', '2.1.1', '2.1.2', '2.1.3', '2.2']);
    expect(clauses.find((c) => c.label === '2.1.2')?.sectionPath).toEqual(['2支持内容和标准', '2.1技术改造']);
  });

  it('does not read a quantity at the start of a line (2.5亿元) as a number', () => {
    const clauses = parseClauses('dec', normalise(text).paragraphs);
    expect(clauses.find((c) => c.label === '2.2')?.text).toContain('2.5亿元以上的项目另行研究');
  });
});
