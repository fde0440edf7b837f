import type { IsoDate, ValidityStatus } from './types.js';

const CN_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;

export function parseChineseDate(text: string): IsoDate | null {
  const match = CN_DATE.exec(text);
  if (!match) return null;
  return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
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

export function validityStatus(validFrom: IsoDate | null, validTo: IsoDate | null, asOf: IsoDate): ValidityStatus {
  if (validFrom !== null && asOf < validFrom) return 'not-yet-in-force';
  if (validTo !== null && asOf > validTo) return 'expired';
  if (validTo !== null) return 'in-force';
  return 'unknown';
}

/** Today in China (UTC+8), which is where the policies' dates are counted. */
export function todayInChina(now: Date = new Date()): IsoDate {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
