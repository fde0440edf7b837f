/**
 * The figures a text states — amounts, percentages, counts and dates — read the many ways Chinese
 * policy texts write them (30万元, 30 萬元, ３０万元, 1,000万元, 千元, 二十万元, 10%～20%, 百分之十,
 * 三年, 五家, 2024年1月28日, 二〇二一年八月十八日), each with a value normalised for comparison and
 * the text as written for display. One module serves the grounding check of generated answers, the
 * extractive composer's amount lines and the corpus's vocabulary, so that all of them read a figure
 * the same way.
 */

import { PATTERNS } from './figure-patterns.js';

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

export function foldFigureText(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) out += String.fromCharCode(code - 0xff10 + 48);
    else out += FOLD[char] ?? char;
  }
  return out;
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
