import { toSimplified } from '../text/script.js';
import { parseChineseNumber } from '../text/numerals.js';
import { endOfTerm, isIsoDate, parseChineseDate } from './dates.js';
import {
  detectMarker,
  isDateLine,
  isDocNumberLine,
  isOrgDateLine,
  isOrgLine,
  isTitleLike,
  stripDecoration,
} from './lines.js';
import type { Clause, IsoDate, PolicyMetadata } from './types.js';

/**
 * Reads a policy's metadata from its own words: the covering notice (印发《…》的通知), the document
 * number line, the signature (issuer, date) and the closing clause (自…起施行，有效期…). A file's
 * front matter may override any field.
 */

const OVERRIDABLE = ['title', 'docNumber', 'issuer', 'region', 'issued', 'validFrom', 'validTo'] as const;

export function extractMetadata(
  id: string,
  paragraphs: string[],
  clauses: Clause[],
  overrides: Record<string, string> = {},
): PolicyMetadata {
  const lines = paragraphs.map((p) => stripDecoration(p));
  const simplified = lines.map(toSimplified);
  const signature = findSignature(lines, simplified);
  const issuer = signature.issuer;
  const region = regionOf(issuer ?? '') ?? regionOf(toSimplified(findTitle(lines, simplified) ?? '')) ?? '';
  const title = findTitle(lines, simplified) ?? deriveTitle(simplified, region) ?? id;
  const validity = findValidity(clauses, signature.issued);

  const meta: PolicyMetadata = {
    id,
    title,
    docNumber: lines.find((_, i) => isDocNumberLine(simplified[i] ?? '')) ?? null,
    issuer,
    region,
    issued: signature.issued,
    validFrom: validity.validFrom,
    validTo: validity.validTo,
    validityClauseId: validity.clauseId,
  };
  return applyOverrides(meta, overrides);
}

function applyOverrides(meta: PolicyMetadata, overrides: Record<string, string>): PolicyMetadata {
  const result = { ...meta };
  for (const key of OVERRIDABLE) {
    const value = overrides[key];
    if (value === undefined) continue;
    if ((key === 'issued' || key === 'validFrom' || key === 'validTo') && !isIsoDate(value)) {
      throw new Error(`${meta.id}: front matter ${key} must be a YYYY-MM-DD date, got "${value}"`);
    }
    result[key] = value;
  }
  return result;
}

const TITLE_IN_NOTICE = [/印[发發]《([^》]+)》的通知/, /[现現]将《([^》]+)》印[发發]/, /将《([^》]+)》[予]?以?印[发發]/];

function findTitle(lines: string[], simplified: string[]): string | null {
  for (const re of TITLE_IN_NOTICE) {
    for (const line of lines) {
      const match = re.exec(line);
      if (match?.[1]) return match[1];
    }
  }
  // Otherwise the first title-like line before the first numbered clause that is not an issuer,
  // a date or a document number.
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const s = simplified[i] ?? '';
    if (detectMarker(line)) break;
    if (!isTitleLike(line) || isOrgLine(s) || isDateLine(s) || isDocNumberLine(s) || isOrgDateLine(s)) continue;
    if (/^附件/.test(s) || s.length < 6) continue;
    return line;
  }
  return null;
}

const DOC_KINDS = '政策意见|实施意见|实施细则|实施办法|管理办法|若干措施|若干政策|工作方案|行动计划|政策|办法|措施|方案|细则|意见|规定';
const PURPOSE_THEN_ENACT = new RegExp(`[，,]([^，,。；;]{4,40})[，,](?:特)?(?:制定|制订|出台)本(${DOC_KINDS})`);

/** A text with no title of its own names its purpose: "…，推进X，特制定本政策意见" → "<region>推进X的政策意见". */
function deriveTitle(simplified: string[], region: string): string | null {
  for (const line of simplified) {
    const match = PURPOSE_THEN_ENACT.exec(line);
    if (match?.[1] && match[2]) return `${region}${match[1]}的${match[2]}`;
  }
  return null;
}

interface Signature {
  issuer: string | null;
  issued: IsoDate | null;
}

/** The issuer lines right above the first date line, or an "issuer date 印发" line. */
function findSignature(lines: string[], simplified: string[]): Signature {
  for (let i = 0; i < simplified.length; i++) {
    if (!isDateLine(simplified[i] ?? '')) continue;
    const orgs: string[] = [];
    for (let j = i - 1; j >= 0 && isOrgLine(simplified[j] ?? ''); j--) orgs.unshift(...(lines[j] ?? '').split(/\s+/));
    if (orgs.length > 0) return { issuer: orgs.join('、'), issued: parseChineseDate(simplified[i] ?? '') };
  }
  for (let i = 0; i < simplified.length; i++) {
    const s = simplified[i] ?? '';
    if (!isOrgDateLine(s)) continue;
    const line = lines[i] ?? '';
    const org = line.replace(/\s*\d{4}\s*年.*$/, '').trim();
    return { issuer: org.split(/\s+/).join('、'), issued: parseChineseDate(s) };
  }
  const orgAt = simplified.findIndex((s) => isOrgLine(s));
  const firstDate = simplified.map(parseChineseDate).find((d) => d !== null) ?? null;
  return { issuer: orgAt >= 0 ? (lines[orgAt] ?? '').split(/\s+/).join('、') : null, issued: firstDate };
}

const ADMIN_UNIT = /^([\p{Script=Han}]{2,6}?(?:自治区|自治州|特别行政区|省|市|区|县|旗|州|盟))/u;

/** The most specific administrative unit an organisation's name starts with: 上海市松江区科委 → 松江区. */
export function regionOf(name: string): string | null {
  let rest = toSimplified(name.split(/[、\s]/)[0] ?? '').replace(/^(中共|中国共产党)/, '');
  let unit: string | null = null;
  for (;;) {
    const match = ADMIN_UNIT.exec(rest);
    if (!match?.[1]) break;
    // "市政府" and "区经委" name an office, not a place.
    if (/^(市|区|县)/.test(match[1])) break;
    unit = match[1];
    rest = rest.slice(match[1].length);
  }
  return unit;
}

const FROM_DATE = /自\s*(\d{4}年\d{1,2}月\d{1,2}日)\s*起\s*(?:施行|实施|执行|生效|试行)/;
const FROM_ISSUE = /自\s*(?:发布|印发|公布|发文)之日起\s*(?:施行|实施|执行|生效|试行)?/;
const UNTIL_DATE = /(?:有效期|试行期)\s*(?:至|到|截至)\s*(\d{4}年\d{1,2}月\d{1,2}日)|至\s*(\d{4}年\d{1,2}月\d{1,2}日)\s*(?:止|废止|失效)/;
const TERM_YEARS = /(?:有效期|试行期)\s*(?:为|暂定)?\s*([一二三四五六七八九十两\d]+)\s*年/;

interface Validity {
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
  clauseId: string | null;
}

/** The closing clause states the window; documents quote other documents' dates earlier on. */
function findValidity(clauses: Clause[], issued: IsoDate | null): Validity {
  for (let i = clauses.length - 1; i >= 0; i--) {
    const clause = clauses[i];
    if (!clause) continue;
    const text = toSimplified(clause.text);
    const from = FROM_DATE.exec(text);
    const fromIssue = FROM_ISSUE.test(text);
    const until = UNTIL_DATE.exec(text);
    const term = TERM_YEARS.exec(text);
    if (!from && !fromIssue && !until) continue;

    const validFrom = from?.[1] ? parseChineseDate(from[1]) : fromIssue ? issued : null;
    let validTo = until ? parseChineseDate(until[1] ?? until[2] ?? '') : null;
    if (validTo === null && term?.[1] && validFrom !== null) {
      const years = parseChineseNumber(term[1]);
      if (years !== null && years > 0) validTo = endOfTerm(validFrom, years);
    }
    return { validFrom, validTo, clauseId: clause.id };
  }
  return { validFrom: null, validTo: null, clauseId: null };
}
