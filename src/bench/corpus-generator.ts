import * as OpenCC from 'opencc-js';
import type { Policy } from '../corpus/types.js';

/**
 * A large, realistic corpus made from the real policies, for measuring growth: each generated policy
 * has its own region, issuer, document number, dates and validity, a numbering style of its own, and
 * clauses taken from the real documents with their place names and amounts changed. About one in ten
 * is written in traditional characters. Deterministic for a seed.
 */

const REGIONS = [
  '浦东新区', '徐汇区', '长宁区', '静安区', '普陀区', '虹口区', '杨浦区', '宝山区', '金山区', '奉贤区', '青浦区', '崇明区',
  '昆山市', '常熟市', '张家港市', '吴江区', '吴中区', '相城区', '姑苏区', '江阴市', '宜兴市', '溧阳市', '海安市', '如皋市',
  '启东市', '余杭区', '萧山区', '临平区', '富阳区', '桐乡市', '海宁市', '平湖市', '嘉善县', '德清县', '长兴县', '安吉县',
  '义乌市', '慈溪市', '余姚市', '乐清市', '瑞安市', '诸暨市', '滨湖区', '梁溪区', '新吴区', '锡山区', '惠山区', '武进区',
  '新北区', '天宁区', '钟楼区', '鼓楼区', '玄武区', '秦淮区', '建邺区', '江宁区', '浦口区', '六合区', '溧水区', '高淳区',
];
const OFFICES = ['经济委员会', '科学技术委员会', '工业和信息化局', '人民政府', '发展和改革委员会'];
const ABBREVIATIONS = ['经', '科', '工信', '府', '发改'];
const KINDS = ['若干政策', '实施意见', '若干措施', '专项支持办法', '实施细则'];
const TOPICS = ['制造业数字化转型', '智能制造发展', '工业互联网创新发展', '中小企业数字化转型', '产业高质量发展', '企业技术改造'];
const CN_NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];
const STYLES = ['article', 'arabic-dot', 'arabic-dun', 'paren-cn'] as const;
const SOURCE_REGIONS = /松江区|太仓市|闵行区|嘉定区|松江區|松江|太仓|闵行|嘉定|本区|我市/g;

/** A small deterministic generator (mulberry32), so that every run measures the same corpus. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

/** The clause bodies of the real policies, without their numbering: the material clauses are made of. */
export function clauseBodies(policies: Policy[]): string[] {
  return policies
    .flatMap((p) => p.clauses)
    .filter((c) => c.kind === 'numbered' && c.text.length > 40 && !/有效期|起施行|起实施|負責解釋|负责解释/.test(c.text))
    .map((c) => c.text.replace(/^(第[一二三四五六七八九十百]+条|[（(][一二三四五六七八九十]+[）)]|\d+[.．、]|[一二三四五六七八九十]+、)\s*/, '').replace(/\n/g, ''));
}

function scaleAmounts(text: string, factor: number): string {
  return text.replace(/(\d+(?:\.\d+)?)\s*(万元|万|亿元)/g, (_, n: string, unit: string) => {
    const value = Math.max(1, Math.round(Number(n) * factor));
    return `${value}${unit}`;
  });
}

function marker(style: (typeof STYLES)[number], n: number): string {
  switch (style) {
    case 'article':
      return `第${CN_NUMERALS[n] ?? n}条 `;
    case 'arabic-dot':
      return `${n}. `;
    case 'arabic-dun':
      return `${n}、`;
    case 'paren-cn':
      return `（${CN_NUMERALS[n] ?? n}）`;
  }
}

export interface GeneratedPolicy {
  id: string;
  text: string;
}

export function generatePolicy(index: number, bodies: string[], random: () => number): GeneratedPolicy {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const region = pick(REGIONS);
  const office = Math.floor(random() * OFFICES.length);
  const issuer = `${region}${OFFICES[office]}`;
  const year = 2018 + Math.floor(random() * 9);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const startMonth = Math.min(12, month + 1);
  const years = 1 + Math.floor(random() * 5);
  const title = `${region}${pick(TOPICS)}${pick(KINDS)}`;
  const style = pick(STYLES);
  const factor = pick([0.5, 1, 1, 1.5, 2, 3]);
  const count = 6 + Math.floor(random() * 5);

  const lines = [
    issuer,
    `${region.slice(0, 2)}${ABBREVIATIONS[office]}〔${year}〕${1 + Math.floor(random() * 40)}号`,
    `关于印发《${title}》的通知`,
    '各有关单位：',
    `现将《${title}》印发给你们，请认真贯彻执行。`,
    issuer,
    `${year}年${month}月${day}日`,
    title,
    `为推动${region}产业高质量发展，结合本区实际，制定本政策。`,
  ];
  let n = 0;
  const sections = Math.max(1, Math.floor(count / 4));
  for (let s = 1; s <= sections; s++) {
    lines.push(`${CN_NUMERALS[s]}、${pick(['支持企业数字化转型', '推动智能制造发展', '培育服务供给能力', '优化产业发展生态'])}`);
    for (let k = 0; k < Math.ceil(count / sections) && n < count; k++) {
      n++;
      const body = scaleAmounts(pick(bodies), factor).replace(SOURCE_REGIONS, region);
      lines.push(`${marker(style, n)}${body}`);
    }
  }
  lines.push(`本政策自${year}年${startMonth}月1日起施行，有效期${['一', '二', '三', '四', '五'][years - 1]}年，由${issuer}负责解释。`);
  const text = lines.join('\n\n');
  return { id: `gen-${String(index).padStart(5, '0')}`, text: random() < 0.1 ? toTraditional(text) : text };
}

export function generateCorpus(policies: Policy[], count: number, seed = 42): GeneratedPolicy[] {
  const random = seededRandom(seed);
  const bodies = clauseBodies(policies);
  return Array.from({ length: count }, (_, i) => generatePolicy(i, bodies, random));
}
