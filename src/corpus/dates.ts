import { parseChineseNumber } from '../text/numerals.js';
import { foldRecognitionNoise } from '../text/ocr.js';
import type { IsoDate, ValidityStatus } from './types.js';

const CN_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const CN_NUMERAL_DATE = /([〇○零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日/;
const NUMERIC_DATE = /^(\d{4})\s*[-/.．]\s*(\d{1,2})\s*[-/.．]\s*(\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
const YEAR_DIGIT: Record<string, string> = { '〇': '0', '○': '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** Full-width digits (２０２４) read as ASCII ones, and a scan's look-alikes (2〇23, 31曰) as meant; the text itself keeps them. */
export function foldDigits(text: string): string {
  return foldRecognitionNoise(text).replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** A date written out in a sentence: 2024年3月1日, or 二〇二四年三月一日 as signatures print it. */
export function parseChineseDate(text: string): IsoDate | null {
  const folded = foldDigits(text);
  const match = CN_DATE.exec(folded);
  if (match) return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  const numeral = CN_NUMERAL_DATE.exec(folded);
  if (!numeral) return null;
  const year = Number([...(numeral[1] ?? '')].map((c) => YEAR_DIGIT[c] ?? '').join(''));
  const month = parseChineseNumber(numeral[2] ?? '');
  const day = parseChineseNumber(numeral[3] ?? '');
  return month === null || day === null ? null : isoDate(year, month, day);
}

/** A date as a header field gives it: 2024-03-01, 2024/3/1, 2024.03.01, 2024年3月1日. */
export function parseDateValue(text: string): IsoDate | null {
  const folded = foldDigits(text.trim());
  const numeric = NUMERIC_DATE.exec(folded);
  if (numeric) return isoDate(Number(numeric[1]), Number(numeric[2]), Number(numeric[3]));
  return parseChineseDate(folded);
}

/**
 * A line that is meant to be a date but cannot be read as one (2024229, 2024年2月30日, 2024年13月):
 * reported as unreadable, never guessed.
 */
export function isGarbledDate(text: string): boolean {
  const folded = foldDigits(text.trim());
  if (parseDateValue(folded) !== null) return false;
  return /^(19|20)\d{2}\s*(年|[-/.．])?\s*\d{1,4}\s*(月|[-/.．])?\s*\d{0,2}\s*日?$/.test(folded) && folded.length >= 6;
}

export function isoDate(year: number, month: number, day: number): IsoDate | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return match !== null && isoDate(Number(match[1]), Number(match[2]), Number(match[3])) === text;
}

/** The last day of a term of `years` years that starts on `from`: 2024-01-28 + 5 → 2029-01-27. */
export function endOfTerm(from: IsoDate, years: number): IsoDate {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y + years, m - 1, d));
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

/** 2026-08-17 → 2026年8月17日 */
export function formatChineseDate(date: IsoDate): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
}

/** A policy's status on a date; abolition by a later document wins from the day it takes effect. */
export function validityStatus(
  validFrom: IsoDate | null,
  validTo: IsoDate | null,
  asOf: IsoDate,
  abolishedOn: IsoDate | null = null,
): ValidityStatus {
  if (abolishedOn !== null && asOf >= abolishedOn) return 'abolished';
  if (validFrom !== null && asOf < validFrom) return 'not-yet-in-force';
  if (validTo !== null && asOf > validTo) return 'expired';
  if (validTo !== null) return 'in-force';
  return 'unknown';
}

/** Today in China (UTC+8), which is where the policies' dates are counted. */
export function todayInChina(now: Date = new Date()): IsoDate {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export function policyStatus(
  policy: { validFrom: IsoDate | null; validTo: IsoDate | null; abolishedOn: IsoDate | null; draft?: boolean },
  asOf: IsoDate,
): ValidityStatus {
  // A draft for comment is in force on no day, whatever dates it would have if issued.
  if (policy.draft === true) return 'not-yet-in-force';
  return validityStatus(policy.validFrom, policy.validTo, asOf, policy.abolishedOn ?? null);
}
