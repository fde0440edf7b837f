import { toSimplified } from '../text/script.js';
import { isIsoDate, parseDateValue } from './dates.js';
import { readHeaderFields, type HeaderKey } from './header.js';
import { isDocNumberLine, stripDecoration } from './lines.js';
import { findSignature } from './signature.js';
import { findTitle } from './title.js';
import type { Clause, IsoDate, PolicyMetadata } from './types.js';
import { findValidity } from './validity.js';

/**
 * Reads a policy's metadata from its own words: a site's or database's header block (发文字号：…),
 * the covering notice (印发《…》的通知), the document number line, the signature (issuer, date) and the
 * closing clause (自…起施行，有效期…). A header field wins over what is inferred from the text; a
 * file's front matter wins over both. A date that is printed but cannot be read is left blank and
 * reported in `warnings`.
 */

const OVERRIDABLE = ['title', 'docNumber', 'issuer', 'region', 'issued', 'published', 'validFrom', 'validTo', 'indexNumber'] as const;
const DATE_FIELDS = new Set<string>(['issued', 'published', 'validFrom', 'validTo']);

const FIELD_NAMES: Partial<Record<HeaderKey, string>> = {
  issued: '成文日期',
  published: '发布日期',
  validFrom: '施行日期',
  validTo: '废止日期',
};

export function extractMetadata(
  id: string,
  paragraphs: string[],
  clauses: Clause[],
  overrides: Record<string, string> = {},
): PolicyMetadata {
  const lines = paragraphs.map((p) => stripDecoration(p));
  const simplified = lines.map(toSimplified);
  const header = readHeaderFields(lines);
  const warnings: string[] = [];
  const headerDate = (key: HeaderKey): IsoDate | null => {
    const field = header.get(key);
    if (!field) return null;
    const date = parseDateValue(field.value);
    if (date === null) warnings.push(`${field.label || FIELD_NAMES[key]} "${field.value}" is not a readable date; left blank`);
    return date;
  };

  const signature = findSignature(lines, simplified);
  if (signature.garbledDate !== null) warnings.push(`signature date "${signature.garbledDate}" is not a readable date; left blank`);
  const issued = headerDate('issued') ?? signature.issued;
  const published = headerDate('published');
  const issuer = header.get('issuer')?.value ?? signature.issuer;
  const found = findTitle(lines, simplified);
  const headerTitle = header.get('title')?.value ?? null;
  const title = headerTitle ?? found.title;
  const region = policyRegion(issuer, title);
  const validity = findValidity(clauses, { issued, published, headerFrom: headerDate('validFrom'), headerTo: headerDate('validTo') });

  const meta: PolicyMetadata = {
    id,
    title: title ?? deriveTitle(simplified, region) ?? id,
    docNumber: header.get('docNumber')?.value ?? lines.find((_, i) => isDocNumberLine(simplified[i] ?? '')) ?? found.docNumber,
    issuer,
    region,
    issued,
    validFrom: validity.validFrom,
    validTo: validity.validTo,
    validityClauseId: validity.clauseId,
    published,
    indexNumber: header.get('indexNumber')?.value ?? null,
    declaredValidity: header.get('validity')?.value ?? null,
    abolishedBy: null,
    abolishedOn: null,
    abolishedByClauseId: null,
    warnings,
  };
  return applyOverrides(meta, overrides);
}

function applyOverrides(meta: PolicyMetadata, overrides: Record<string, string>): PolicyMetadata {
  const result = { ...meta, warnings: [...meta.warnings] };
  for (const key of OVERRIDABLE) {
    const value = overrides[key];
    if (value === undefined) continue;
    if (DATE_FIELDS.has(key) && !isIsoDate(value)) {
      throw new Error(`${meta.id}: front matter ${key} must be a YYYY-MM-DD date, got "${value}"`);
    }
    result[key] = value;
  }
  return result;
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

/**
 * The region a policy applies to. Today: the administrative unit the issuer's name (else the
 * title) starts with. This is the one place a region is decided, so that a fuller reading of
 * Chinese administrative names can replace it without touching the rest of the parser.
 */
export function policyRegion(issuer: string | null, title: string | null): string {
  return regionOf(issuer ?? '') ?? regionOf(toSimplified(title ?? '')) ?? '';
}

/** Autonomous units carry the people's name (长阳土家族自治县): their names run longer. */
const ADMIN_UNIT = /^([\p{Script=Han}]{2,10}?(?:自治区|自治州|自治县|自治旗)|[\p{Script=Han}]{2,6}?(?:特别行政区|省|市|区|县|旗|州|盟))/u;

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
