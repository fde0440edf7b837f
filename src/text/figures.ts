/**
 * The figures a text states — amounts, percentages, counts and dates — read the many ways Chinese
 * policy texts write them (30万元, 30 萬元, ３０万元, 1,000万元, 千元, 二十万元, 10%～20%, 百分之十,
 * 三年, 五家, 2024年1月28日, 二〇二一年八月十八日), each with a value normalised for comparison and
 * the text as written for display. One module serves the grounding check of generated answers, the
 * extractive composer's amount lines and the corpus's vocabulary, so that all of them read a figure
 * the same way.
 */

import { PATTERNS, type Pattern } from './figure-patterns.js';
import { foldRecognitionNoise } from './ocr.js';

export { parseHanNumber } from './figure-patterns.js';

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
  '％': '%', '﹪': '%', '￥': '¥', '．': '.', '～': '~', '〜': '~', '－': '-', '—': '-', '–': '-',
  萬: '万', 億: '亿', 圓: '元', 兩: '两', 個: '个', 項: '项', 戶: '户', 臺: '台', 張: '张', 類: '类', 種: '种',
  條: '条', 屆: '届', 輪: '轮', 輛: '辆', 間: '间', 棟: '栋', 層: '层', 級: '级', 週: '周', 畝: '亩', 噸: '吨',
  號: '号', 歲: '岁',
};

const FOLD_CLASS = `[\uff10-\uff19${Object.keys(FOLD).join('')}]`;
const NEEDS_FOLDING = new RegExp(FOLD_CLASS);
const FOLDED = new RegExp(FOLD_CLASS, 'g');

export function foldFigureText(printed: string): string {
  const text = foldRecognitionNoise(printed);
  if (!NEEDS_FOLDING.test(text)) return text;
  return text.replace(FOLDED, (char) => {
    const code = char.charCodeAt(0);
    return code >= 0xff10 && code <= 0xff19 ? String.fromCharCode(code - 0xff10 + 48) : (FOLD[char] ?? char);
  });
}

/** Any figure needs a digit, Arabic or Chinese: text without one is passed over at once. */
const ANY_NUMBER = /[0-9零〇一二两三四五六七八九十]/;

/** The patterns that can read some of `kinds`, chosen once per combination. */
const patternsFor = new Map<string, Pattern[]>();
function patternsOf(kinds: FigureKind[] | undefined): Pattern[] {
  if (!kinds) return PATTERNS;
  const key = kinds.join();
  let chosen = patternsFor.get(key);
  if (!chosen) {
    chosen = PATTERNS.filter((p) => p.kinds.some((k) => kinds.includes(k)));
    patternsFor.set(key, chosen);
  }
  return chosen;
}

const isGap = (code: number): boolean => code === 32 || code === 9 || code === 0xa0 || code === 0x3000;

/**
 * Every figure in a text (of the kinds asked for), in order of appearance. A range is one figure
 * with two values; a number with nothing that says what it counts (2.0, AA级 aside) is not a figure.
 */
export function figuresIn(text: string, kinds?: FigureKind[]): Figure[] {
  const folded = foldFigureText(text);
  if (!ANY_NUMBER.test(folded)) return [];
  let taken: Uint8Array | null = null;
  const found: Figure[] = [];
  for (const pattern of patternsOf(kinds)) {
    if (pattern.needs && !pattern.needs.test(folded)) continue;
    const re = pattern.re;
    re.lastIndex = 0;
    for (let m = re.exec(folded); m !== null; m = re.exec(folded)) {
      if (m[0] === '') {
        re.lastIndex++;
        continue;
      }
      const start = m.index;
      let end = start + m[0].length;
      while (end > start && isGap(folded.charCodeAt(end - 1))) end--;
      if (taken !== null && taken.subarray(start, end).includes(1)) continue;
      const values = pattern.read(m);
      if (!values || values.length === 0) continue;
      taken ??= new Uint8Array(folded.length);
      taken.fill(1, start, end);
      found.push({ text: text.slice(start, end), start, end, kind: values[0]?.kind ?? 'count', values });
    }
  }
  return found.length > 1 ? found.sort((a, b) => a.start - b.start) : found;
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

/** What every amount or percentage is written with: a text without any states none. */
const AMOUNT_SIGN = /[元圓%％‰﹪万萬亿億¥￥]|分之|yuan|RMB|CNY|percent|per cent/i;

/**
 * Answers quote the same clause sentences question after question: their amounts are read once
 * (a pure function of the text) and kept for this many sentences.
 */
const AMOUNTS_CACHE_SIZE = 5000;
const amountsCache = new Map<string, string[]>();

/** Full-width digits, point and percent sign as a reader types them (６０万元 → 60万元). */
const FULL_WIDTH_FIGURE = /[\uff10-\uff19．％]/g;
export const halfWidth = (text: string): string =>
  text.replace(FULL_WIDTH_FIGURE, (c) => (c === '．' ? '.' : c === '％' ? '%' : String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48)));

/**
 * The amounts and percentages a text states, as it writes them but with spaces dropped and digits
 * half-width: 10%、3000万元.
 */
export function amountsIn(text: string): string[] {
  if (!AMOUNT_SIGN.test(text)) return [];
  const cached = amountsCache.get(text);
  if (cached) return [...cached];
  // Dates cannot be read as amounts: only the patterns that read amounts and percentages are tried.
  const figures = figuresIn(text, ['amount', 'percent']).filter((f) => f.kind === 'amount' || f.kind === 'percent');
  // A scan's 3OO万元 is listed as the 300万元 it means.
  const found = [...new Set(figures.map((f) => halfWidth(foldRecognitionNoise(f.text).replace(/\s+/g, ''))))];
  if (amountsCache.size >= AMOUNTS_CACHE_SIZE) amountsCache.clear();
  amountsCache.set(text, found);
  return [...found];
}
