import { toSimplified } from '../text/script.js';
import { isIsoDate, parseDateValue } from './dates.js';
import { readHeaderFields, type HeaderKey } from './header.js';
import { detectMarker, isDocNumberLine, isOrgLine, stripDecoration } from './lines.js';
import { readRegion } from './region.js';
import { findSignature, issuerOfTitle } from './signature.js';
import { findTitle } from './title.js';
import type { Clause, IsoDate, PolicyMetadata } from './types.js';
import { findValidity } from './validity.js';
import { readDraft } from './draft.js';

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
  const found = findTitle(lines, simplified);
  const headerTitle = header.get('title')?.value ?? null;
  const title = headerTitle ?? found.title;
  // A title that starts with its issuer (某某市人民政府办公厅关于…) names it when no signature does.
  const issuer = header.get('issuer')?.value ?? signature.issuer ?? found.issuer ?? issuerOfTitle(title) ?? signature.guessedIssuer;
  const regionRead = readRegion({ issuers: [issuer, ...redHeaders(simplified)].filter((i): i is string => i !== null), title, body: simplified });
  const region = regionRead.region;
  if (regionRead.source === 'body') warnings.push(`region ${region} read from the one place the text names (neither issuer nor title names one): check it`);
  const validity = findValidity(clauses, { issued, published, headerFrom: headerDate('validFrom'), headerTo: headerDate('validTo') });

  const fullTitle = title ?? deriveTitle(simplified, region) ?? id;
  const meta: PolicyMetadata = {
    id,
    title: fullTitle,
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
    ...readDraft(fullTitle, clauses),
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

/** A red header names the issuing body: 扬州经济技术开发区管理委员会文件. */
function redHeaders(simplified: string[]): string[] {
  const out: string[] = [];
  for (const line of simplified) {
    if (detectMarker(line) !== null) break;
    const match = /^(.{4,40}?)文件$/.exec(line.trim());
    if (match?.[1] && isOrgLine(match[1])) out.push(match[1]);
  }
  return out;
}

export { regionOf } from './region.js';
