import { isGarbledDate, parseChineseDate } from './dates.js';
import { isDateLine, isOrgDateLine, isOrgLine } from './lines.js';
import type { IsoDate } from './types.js';
import { toSimplified } from '../text/script.js';

export interface Signature {
  /** The organisations signed above the date. */
  issuer: string | null;
  /** With no signature: the first organisation's line anywhere, a weaker reading than a title's issuer. */
  guessedIssuer: string | null;
  issued: IsoDate | null;
  /** A signature date that is printed but cannot be read (2024229). */
  garbledDate: string | null;
}

function orgsAbove(lines: string[], simplified: string[], at: number): string[] {
  const orgs: string[] = [];
  for (let j = at - 1; j >= 0 && isOrgLine(simplified[j] ?? ''); j--) orgs.unshift(...(lines[j] ?? '').split(/\s+/));
  return orgs;
}

/** The issuer lines right above the first date line, or an "issuer date 印发" line. */
export function findSignature(lines: string[], simplified: string[]): Signature {
  for (let i = 0; i < simplified.length; i++) {
    const s = simplified[i] ?? '';
    const garbled = isGarbledDate(s);
    if (!isDateLine(s) && !garbled) continue;
    const orgs = orgsAbove(lines, simplified, i);
    if (orgs.length === 0) continue;
    return garbled
      ? { issuer: orgs.join('、'), guessedIssuer: null, issued: null, garbledDate: s.trim() }
      : { issuer: orgs.join('、'), guessedIssuer: null, issued: parseChineseDate(s), garbledDate: null };
  }
  for (let i = 0; i < simplified.length; i++) {
    const s = simplified[i] ?? '';
    if (!isOrgDateLine(s)) continue;
    const line = lines[i] ?? '';
    const org = line.replace(/\s*(\d{4}|[〇○零一二三四五六七八九]{4})\s*年.*$/, '').trim();
    return { issuer: org.split(/\s+/).join('、'), guessedIssuer: null, issued: parseChineseDate(s), garbledDate: null };
  }
  const orgAt = simplified.findIndex((s) => isOrgLine(s));
  // A date line of its own is the document's date; a date inside a sentence (…1月1日至6月30日…) is not.
  const dateLine = simplified.find((s) => isDateLine(s));
  return {
    issuer: null,
    guessedIssuer: orgAt >= 0 ? (lines[orgAt] ?? '').split(/\s+/).join('、') : null,
    issued: dateLine === undefined ? null : parseChineseDate(dateLine),
    garbledDate: null,
  };
}

/** 西安市人民政府办公厅关于…的意见 → 西安市人民政府办公厅: an official title starts with its issuer. */
export function issuerOfTitle(title: string | null): string | null {
  const at = title?.search(/关于|關於|關于/) ?? -1;
  if (!title || at < 2) return null;
  const head = title.slice(0, at);
  return isOrgLine(toSimplified(head)) ? head : null;
}
