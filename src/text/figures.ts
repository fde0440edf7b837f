/**
 * The figures a text states — amounts, percentages, counts and dates — read the many ways Chinese
 * policy texts write them (30万元, 30 萬元, ３０万元, 1,000万元, 千元, 二十万元, 10%～20%, 百分之十,
 * 三年, 五家, 2024年1月28日, 二〇二一年八月十八日), each with a value normalised for comparison and
 * the text as written for display. One module serves the grounding check of generated answers, the
 * extractive composer's amount lines and the corpus's vocabulary, so that all of them read a figure
 * the same way.
 */

export type FigureKind = 'amount' | 'percent' | 'count' | 'date';

export interface FigureValue {
  kind: FigureKind;
  /** amount: yuan (or the currency in `unit`); percent: percentage points; count: the number; date: 0. */
  value: number;
  /** amount: 元 or another currency (美元); count: its measure word, simplified (家, 年, 月, 平方米); date: ''. */
  unit: string;
  /** date: YYYY, YYYY-MM, YYYY-MM-DD or --MM-DD (a month and day with no year). */
  date?: string;
}

export interface Figure {
  /** As the text writes it, spaces included: "30 萬元", "10%～20%". */
  text: string;
  start: number;
  end: number;
  kind: FigureKind;
  /** One value, or the two ends of a range. */
  values: FigureValue[];
}

/**
 * Characters folded to one form before reading, one for one so that positions stay those of the
 * original: full-width digits and signs, and the traditional forms of the characters figures use.
 */
const FOLD: Record<string, string> = {
  '％': '%', '﹪': '%', '．': '.', '～': '~', '〜': '~', '－': '-', '—': '-', '–': '-',
  萬: '万', 億: '亿', 圓: '元', 兩: '两', 個: '个', 項: '项', 戶: '户', 臺: '台', 張: '张', 類: '类', 種: '种',
  條: '条', 屆: '届', 輪: '轮', 輛: '辆', 間: '间', 棟: '栋', 層: '层', 級: '级', 週: '周', 畝: '亩', 噸: '吨',
  號: '号', 歲: '岁',
};

export function foldFigureText(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) out += String.fromCharCode(code - 0xff10 + 48);
    else out += FOLD[char] ?? char;
  }
  return out;
}

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

interface Pattern {
  re: RegExp;
  read: (m: RegExpExecArray) => FigureValue[] | null;
}

const HAN_DAY = '[一二三四五六七八九十]{1,3}';
const y = String.raw`(\d{4})`;
const PATTERNS: Pattern[] = [
  // Dates come first, so that their numbers are not read again as counts.
  {
    re: new RegExp(`${NOT_AFTER}${y}${GAP}年${GAP}(\\d{1,2})${GAP}月${GAP}(\\d{1,2})${GAP}[日号]`, 'gu'),
    read: (m) => one(dateValue(Number(m[1]), Number(m[2]), Number(m[3]))),
  },
  {
    re: new RegExp(`${NOT_AFTER}${y}[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d)`, 'gu'),
    read: (m) => one(dateValue(Number(m[1]), Number(m[2]), Number(m[3]))),
  },
  {
    re: new RegExp(`([〇零一二三四五六七八九]{4})年(?:(${HAN_DAY})月(?:(${HAN_DAY})日)?)?`, 'gu'),
    read: (m) => one(dateValue(hanYear(m[1] ?? ''), m[2] ? parseHanNumber(m[2]) : null, m[3] ? parseHanNumber(m[3]) : null)),
  },
  {
    re: new RegExp(`${NOT_AFTER}${y}${GAP}年${GAP}(\\d{1,2})${GAP}月(?!${GAP}\\d)`, 'gu'),
    read: (m) => one(dateValue(Number(m[1]), Number(m[2]), null)),
  },
  {
    re: new RegExp(`${NOT_AFTER}${y}${GAP}(?:[-~至到]${GAP}${y}${GAP})?年(?:度)?`, 'gu'),
    read: (m) => {
      const first = dateValue(Number(m[1]), null, null);
      const second = m[2] ? dateValue(Number(m[2]), null, null) : null;
      return first ? (second ? [first, second] : [first]) : null;
    },
  },
  {
    re: new RegExp(`${NOT_AFTER}(\\d{1,2})${GAP}月${GAP}(\\d{1,2})${GAP}[日号]`, 'gu'),
    read: (m) => one(dateValue(null, Number(m[1]), Number(m[2]))),
  },
  // 百分之十, 三分之一.
  {
    re: new RegExp(`百分之(${NUMBER})`, 'gu'),
    read: (m) => one(quantity({ number: m[1] ?? '', magnitude: undefined, unit: '%' })),
  },
  {
    re: new RegExp(`${NOT_AFTER}(${NUMBER})分之(${NUMBER})`, 'gu'),
    read: (m) => {
      const whole = numberOf(m[1] ?? '');
      const part = numberOf(m[2] ?? '');
      return whole && part !== null ? [{ kind: 'percent', value: (100 * part) / whole, unit: '' }] : null;
    },
  },
  // Ranges and single quantities: 10～20万元, 10%～20%, 3-5家, 30 萬元, 五家, 20万.
  { re: new RegExp(`${NOT_AFTER}${END}(?:${RANGE_SEPARATOR}${END})?`, 'gu'), read: readRangeOrQuantity },
];

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

/**
 * Every figure in a text, in order of appearance. A range is one figure with two values; a number
 * with nothing that says what it counts (2.0, AA级 aside) is not a figure.
 */
export function figuresIn(text: string): Figure[] {
  const folded = foldFigureText(text);
  const taken: boolean[] = new Array<boolean>(folded.length).fill(false);
  const found: Figure[] = [];
  for (const pattern of PATTERNS) {
    pattern.re.lastIndex = 0;
    for (let m = pattern.re.exec(folded); m !== null; m = pattern.re.exec(folded)) {
      if (m[0] === '') {
        pattern.re.lastIndex++;
        continue;
      }
      const start = m.index;
      const end = start + m[0].replace(/[ \t\u00a0\u3000]+$/, '').length;
      let free = true;
      for (let i = start; i < end && free; i++) if (taken[i]) free = false;
      if (!free) continue;
      const values = pattern.read(m);
      if (!values || values.length === 0) continue;
      for (let i = start; i < end; i++) taken[i] = true;
      found.push({ text: text.slice(start, end), start, end, kind: values[0]?.kind ?? 'count', values });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * Whether a figure an answer states is the figure a source states: the same kind, value and unit;
 * a date written with less (2024年, 1月28日) matches a full date that agrees on what it writes.
 */
export function sameFigure(stated: FigureValue, source: FigureValue): boolean {
  if (stated.kind !== source.kind) return false;
  if (stated.kind === 'date') return dateAgrees(stated.date ?? '', source.date ?? '');
  return stated.unit === source.unit && close(stated.value, source.value);
}

function dateAgrees(stated: string, source: string): boolean {
  if (stated === source) return true;
  if (stated.startsWith('--')) return source.length === 10 && source.slice(4) === stated.slice(1);
  return source.startsWith(`${stated}-`);
}

/** The amounts and percentages a text states, as it writes them (spaces dropped): 10%、3000万元. */
export function amountsIn(text: string): string[] {
  const found = figuresIn(text)
    .filter((f) => f.kind === 'amount' || f.kind === 'percent')
    .map((f) => f.text.replace(/\s+/g, ''));
  return [...new Set(found)];
}
