import { isGarbledDate, parseChineseDate } from './dates.js';
import { isDateLine, isOrgDateLine, isOrgLine } from './lines.js';
import type { IsoDate } from './types.js';

export interface Signature {
  issuer: string | null;
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
      ? { issuer: orgs.join('、'), issued: null, garbledDate: s.trim() }
      : { issuer: orgs.join('、'), issued: parseChineseDate(s), garbledDate: null };
  }
  for (let i = 0; i < simplified.length; i++) {
    const s = simplified[i] ?? '';
    if (!isOrgDateLine(s)) continue;
    const line = lines[i] ?? '';
    const org = line.replace(/\s*(\d{4}|[〇○零一二三四五六七八九]{4})\s*年.*$/, '').trim();
    return { issuer: org.split(/\s+/).join('、'), issued: parseChineseDate(s), garbledDate: null };
  }
  const orgAt = simplified.findIndex((s) => isOrgLine(s));
  const firstDate = simplified.map(parseChineseDate).find((d) => d !== null) ?? null;
  return { issuer: orgAt >= 0 ? (lines[orgAt] ?? '').split(/\s+/).join('、') : null, issued: firstDate, garbledDate: null };
}
