import type { FigureKind, FigureValue } from './figures.js';

/**
 * The shapes figures take in policy texts and answers, as regular expressions over folded text
 * (figures.ts folds full-width and traditional forms first), each with the reader of its values.
 * Patterns are tried in order and a later one never reads characters an earlier one took: dates
 * before quantities, so that 2024年 is a year and not a count of years.
 */

const HAN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const HAN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * A Chinese numeral up to the hundreds of millions (二十, 一百零三, 三千万, 一亿五千万), or null when
 * the characters do not make one (十三五, 三五): two digits in a row only follow a 零.
 */
export function parseHanNumber(text: string): number | null {
  let total = 0;
  let section = 0;
  let current: number | null = null;
  let previousDigit = false;
  for (const char of text) {
    const digit = HAN_DIGITS[char];
    const unit = HAN_UNITS[char];
    if (digit !== undefined) {
      if (previousDigit && current !== 0 && digit !== 0) return null;
      current = digit;
      previousDigit = true;
      continue;
    }
    previousDigit = false;
    if (unit !== undefined) {
      section += (current ?? 1) * unit;
      current = null;
    } else if (char === '万') {
      total += (section + (current ?? 0)) * 1e4;
      section = 0;
      current = null;
    } else if (char === '亿') {
      total = (total + section + (current ?? 0)) * 1e8;
      section = 0;
      current = null;
    } else {
      return null;
    }
  }
  return total + section + (current ?? 0);
}

const ARABIC = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
/** A Chinese numeral needs a digit, or starts with 十 (十年); 千 alone is a unit (单位：千元). */
const HAN = '(?:[零〇一二两三四五六七八九][零〇一二两三四五六七八九十百千万亿]*|十[零〇一二两三四五六七八九十百千万亿]*)';
const NUMBER = `(?:${ARABIC}|${HAN})`;
const GAP = '[ \\t\\u00a0\\u3000]*';
const MAGNITUDE: Record<string, number> = { 千亿: 1e11, 亿: 1e8, 千万: 1e7, 百万: 1e6, 十万: 1e5, 万: 1e4, 千: 1e3 };
const MAGNITUDES = '千亿|亿|千万|百万|十万|万|千';
/** A magnitude with no unit after it is an amount, as policies write 最高20万; 5千 alone is not. */
const BARE_MAGNITUDES = '千亿|亿|千万|百万|万';
const CURRENCY = '(?:美元|港元|欧元|日元|元)';
/** Measure words after which a number is a count, longest first; their variants read as one. */
const MEASURES = [
  '个工作日', '工作日', '千瓦时', '平方公里', '平方米', '个百分点', '人次', '台套', '个月', '年度', '周岁', '千瓦', '兆瓦',
  '公里', '小时', '分钟', '家', '个', '项', '户', '人', '名', '次', '台', '套', '件', '年', '天', '日', '月', '周', '倍',
  '所', '座', '批', '类', '种', '张', '篇', '份', '条', '款', '届', '轮', '位', '辆', '间', '栋', '层', '级', '亩', '吨', '米', '岁',
];
const MEASURE_ALIASES: Record<string, string> = { 个月: '月', 日: '天', 个工作日: '工作日', 年度: '年', 周岁: '岁' };
const UNIT = `${CURRENCY}|%|‰|${MEASURES.join('|')}`;
const RANGE_SEPARATOR = `${GAP}(?:~|-|至|到)${GAP}`;
/**
 * A number inside a word, an ordinal or an approximate count (G20, 第5条, 第二十条, 数十家) is not a
 * figure: nothing numeric, 第, 之, 数 or 几 may stand right before it.
 */
const NOT_AFTER = '(?<![A-Za-z0-9.第之数几零〇一二两三四五六七八九十百千万亿])';
/** One end of a quantity: a number, then a magnitude and a unit, a unit, a bare magnitude, or nothing. */
const END = `(${NUMBER})${GAP}(?:(${MAGNITUDES})${GAP}(${UNIT})|(${UNIT})|(${BARE_MAGNITUDES})(?!${GAP}(?:${UNIT})))?`;

interface End {
  number: string;
  magnitude: string | undefined;
  unit: string;
}

function endAt(m: RegExpExecArray, at: number): End | null {
  const number = m[at];
  if (number === undefined) return null;
  return { number, magnitude: m[at + 1] ?? m[at + 4], unit: m[at + 2] ?? m[at + 3] ?? '' };
}

function numberOf(text: string): number | null {
  const plain = text.replace(/,/g, '');
  if (/^\d/.test(plain)) return Number(plain);
  return parseHanNumber(plain);
}

/** The value of one end, or null when it says nothing about what it counts. */
function quantity(end: End): FigureValue | null {
  const base = numberOf(end.number);
  if (base === null || !Number.isFinite(base)) return null;
  const { magnitude, unit } = end;
  const value = base * (magnitude ? (MAGNITUDE[magnitude] ?? 1) : 1);
  if (unit === '%') return { kind: 'percent', value, unit: '' };
  if (unit === '‰') return { kind: 'percent', value: value / 10, unit: '' };
  if (unit === '个百分点') return { kind: 'percent', value, unit: 'points' };
  if (/元$/.test(unit)) return { kind: 'amount', value, unit };
  if (unit === '') {
    // 20万, 二十万: an amount, as policies write 最高20万.
    return magnitude || /[万亿]$/.test(end.number) ? { kind: 'amount', value, unit: '元' } : null;
  }
  // A lone 一 is too often part of a word (一次性, 一批, 统一) to be read as a count.
  if (end.number === '一' && !magnitude) return null;
  return { kind: 'count', value, unit: MEASURE_ALIASES[unit] ?? unit };
}

const pad = (n: number): string => String(n).padStart(2, '0');

function dateValue(year: number | null, month: number | null, day: number | null): FigureValue | null {
  if (month !== null && (month < 1 || month > 12)) return null;
  if (day !== null && (day < 1 || day > 31)) return null;
  if (year !== null && (year < 1900 || year > 2199)) return null;
  const date =
    year === null ? `--${pad(month ?? 0)}-${pad(day ?? 0)}` : month === null ? String(year) : day === null ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`;
  return { kind: 'date', value: 0, unit: '', date };
}

function hanYear(text: string): number | null {
  let year = 0;
  for (const char of text) {
    const digit = HAN_DIGITS[char];
    if (digit === undefined) return null;
    year = year * 10 + digit;
  }
  return year;
}

const SCALE: Record<string, number> = { thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, mn: 1e6, billion: 1e9, bn: 1e9 };
const SCALES = Object.keys(SCALE).join('|');
const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec';
const ENGLISH_MEASURES: Record<string, string> = { year: '年', years: '年', month: '月', months: '月', day: '天', days: '天', 'working day': '工作日', 'working days': '工作日' };

export interface Pattern {
  /** What the pattern reads, so that a caller after amounts only can skip the rest. */
  kinds: FigureKind[];
  re: RegExp;
  /** A cheap test a text must pass for the pattern to be tried on it at all. */
  needs?: RegExp;
  read: (m: RegExpExecArray) => FigureValue[] | null;
}

const HAN_DAY = '[一二三四五六七八九十]{1,3}';
const y = String.raw`(\d{4})`;
export const PATTERNS: Pattern[] = [
  // Dates come first, so that their numbers are not read again as counts.
  {
    needs: /年/,
    kinds: ['date'],
    re: new RegExp(`${NOT_AFTER}${y}${GAP}年${GAP}(\\d{1,2})${GAP}月${GAP}(\\d{1,2})${GAP}[日号]`, 'gu'),
    read: (m) => one(dateValue(Number(m[1]), Number(m[2]), Number(m[3]))),
  },
  {
    needs: /\d[-/.]\d/,
    kinds: ['date'],
    re: new RegExp(`${NOT_AFTER}${y}[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d)`, 'gu'),
    read: (m) => one(dateValue(Number(m[1]), Number(m[2]), Number(m[3]))),
  },
  {
    needs: /[〇零]/,
    kinds: ['date'],
    re: new RegExp(`([〇零一二三四五六七八九]{4})年(?:(${HAN_DAY})月(?:(${HAN_DAY})日)?)?`, 'gu'),
    read: (m) => one(dateValue(hanYear(m[1] ?? ''), m[2] ? parseHanNumber(m[2]) : null, m[3] ? parseHanNumber(m[3]) : null)),
  },
  {
    needs: /年/,
    kinds: ['date'],
    re: new RegExp(`${NOT_AFTER}${y}${GAP}年${GAP}(\\d{1,2})${GAP}月(?!${GAP}\\d)`, 'gu'),
    read: (m) => one(dateValue(Number(m[1]), Number(m[2]), null)),
  },
  {
    needs: /年/,
    kinds: ['date'],
    re: new RegExp(`${NOT_AFTER}${y}${GAP}(?:[-~至到]${GAP}${y}${GAP})?年(?:度)?`, 'gu'),
    read: (m) => {
      const first = dateValue(Number(m[1]), null, null);
      const second = m[2] ? dateValue(Number(m[2]), null, null) : null;
      return first ? (second ? [first, second] : [first]) : null;
    },
  },
  {
    needs: /月/,
    kinds: ['date'],
    re: new RegExp(`${NOT_AFTER}(\\d{1,2})${GAP}月${GAP}(\\d{1,2})${GAP}[日号]`, 'gu'),
    read: (m) => one(dateValue(null, Number(m[1]), Number(m[2]))),
  },
  // English answers to English questions: RMB 200,000; 0.2 million yuan; 10 percent; 3 years; January 28, 2024.
  {
    needs: /RMB|CNY|¥/i,
    kinds: ['amount'],
    re: new RegExp(`(?:RMB|CNY|¥)${GAP}(${ARABIC})(?:${GAP}(${SCALES})\\b)?`, 'giu'),
    read: (m) => one(english(m[1] ?? '', m[2], 'amount')),
  },
  {
    needs: /yuan|RMB|CNY/i,
    kinds: ['amount'],
    re: new RegExp(`${NOT_AFTER}(${ARABIC})(?:${GAP}(${SCALES})\\b)?${GAP}(?:yuan|RMB|CNY)\\b`, 'giu'),
    read: (m) => one(english(m[1] ?? '', m[2], 'amount')),
  },
  {
    needs: /percent|per cent/i,
    kinds: ['percent'],
    re: new RegExp(`${NOT_AFTER}(${ARABIC})${GAP}(?:percent|per cent)\\b`, 'giu'),
    read: (m) => one(english(m[1] ?? '', undefined, 'percent')),
  },
  {
    needs: /\d\s*(?:working|years?|months?|days?)\b/i,
    kinds: ['count'],
    re: new RegExp(`${NOT_AFTER}(${ARABIC})${GAP}(working days?|years?|months?|days?)\\b`, 'giu'),
    read: (m) => one(english(m[1] ?? '', undefined, (m[2] ?? '').toLowerCase())),
  },
  {
    needs: /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/i,
    kinds: ['date'],
    re: new RegExp(`\\b(${MONTHS})\\.?${GAP}(?:(\\d{1,2})(?:st|nd|rd|th)?,?${GAP})?(\\d{4})\\b`, 'giu'),
    read: (m) => one(dateValue(Number(m[3]), monthNumber(m[1] ?? ''), m[2] ? Number(m[2]) : null)),
  },
  {
    needs: /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/i,
    kinds: ['date'],
    re: new RegExp(`\\b(\\d{1,2})${GAP}(${MONTHS})\\.?,?${GAP}(\\d{4})\\b`, 'giu'),
    read: (m) => one(dateValue(Number(m[3]), monthNumber(m[2] ?? ''), Number(m[1]))),
  },
  // 百分之十, 三分之一.
  {
    needs: /百分之/,
    kinds: ['percent'],
    re: new RegExp(`百分之(${NUMBER})`, 'gu'),
    read: (m) => one(quantity({ number: m[1] ?? '', magnitude: undefined, unit: '%' })),
  },
  {
    needs: /分之/,
    kinds: ['percent'],
    re: new RegExp(`${NOT_AFTER}(${NUMBER})分之(${NUMBER})`, 'gu'),
    read: (m) => {
      const whole = numberOf(m[1] ?? '');
      const part = numberOf(m[2] ?? '');
      return whole && part !== null ? [{ kind: 'percent', value: (100 * part) / whole, unit: '' }] : null;
    },
  },
  // Ranges and single quantities: 10～20万元, 10%～20%, 3-5家, 30 萬元, 五家, 20万.
  { kinds: ['amount', 'percent', 'count'], re: new RegExp(`${NOT_AFTER}${END}(?:${RANGE_SEPARATOR}${END})?`, 'gu'), read: readRangeOrQuantity },
  // A year standing alone (in 2024; 〔2023〕6号), once nothing else has claimed its digits.
  {
    needs: /(?:19|20|21)\d\d/,
    kinds: ['date'],
    re: /(?<![\w.,])((?:19|20|21)\d{2})(?![\w.,%])/gu,
    read: (m) => one(dateValue(Number(m[1]), null, null)),
  },
];

function monthNumber(name: string): number | null {
  const at = MONTH_NAMES.indexOf(name.slice(0, 3).toLowerCase());
  return at < 0 ? null : at + 1;
}

function english(numberText: string, scale: string | undefined, what: string): FigureValue | null {
  const base = Number(numberText.replace(/,/g, ''));
  if (!Number.isFinite(base)) return null;
  const value = base * (scale ? (SCALE[scale.toLowerCase()] ?? 1) : 1);
  if (what === 'amount') return { kind: 'amount', value, unit: '元' };
  if (what === 'percent') return { kind: 'percent', value, unit: '' };
  const unit = ENGLISH_MEASURES[what];
  return unit ? { kind: 'count', value, unit } : null;
}

function one(value: FigureValue | null): FigureValue[] | null {
  return value ? [value] : null;
}

function readRangeOrQuantity(m: RegExpExecArray): FigureValue[] | null {
  const first = endAt(m, 1);
  const second = endAt(m, 6);
  if (!first) return null;
  if (!second) return one(quantity(first));
  const last = quantity(second);
  // The first end of a range takes the second's magnitude and unit when it writes neither (10～20万元).
  const bare = first.unit === '' && first.magnitude === undefined;
  const start = quantity(bare ? { ...first, magnitude: second.magnitude, unit: second.unit } : first);
  if (start && last && start.kind === last.kind) return [start, last];
  return bare ? null : one(start);
}
