import type { Citation, CitationStatus } from '../../src/protocol.js';
import { fill, statusWord, type Language, type Texts } from './i18n.js';

/** Dates, clause labels and validity badges as each language writes them. */

export function formatDate(date: string | null, language: Language, t: Texts): string {
  if (!date) return t.unknownDate;
  if (language === 'en') return date;
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** 5 → 第5条 / Art. 5; 一 → 一、; others (（三）, 第四条) as the document writes them. */
export function clauseLabel(label: string, t: Texts): string {
  if (/^\d+$/.test(label)) return fill(t.clauseNumber, { n: label });
  if (/^[一二三四五六七八九十百]+$/.test(label)) return `${label}、`;
  return label;
}

export interface Validity {
  status: CitationStatus;
  validFrom: string | null;
  validTo: string | null;
  abolishedOn?: string;
}

/** 有效（至2029年1月27日）, Expired (2025-12-31), … */
export function statusLabel(v: Validity, language: Language, t: Texts): string {
  const word = statusWord(t, v.status);
  const date = (d: string) => formatDate(d, language, t);
  if (v.status === 'in-force' && v.validTo) return word + fill(t.until, { date: date(v.validTo) });
  if (v.status === 'expired' && v.validTo) return word + fill(t.on, { date: date(v.validTo) });
  if (v.status === 'abolished' && v.abolishedOn) return word + fill(t.on, { date: date(v.abolishedOn) });
  if (v.status === 'not-yet-in-force' && v.validFrom) return word + fill(t.since, { date: date(v.validFrom) });
  return word;
}

export function badge(v: Validity, language: Language, t: Texts): HTMLSpanElement {
  const span = document.createElement('span');
  span.className = `badge ${v.status}`;
  span.textContent = statusLabel(v, language, t);
  return span;
}

/** The shareable address of a policy's page, at the cited clause. */
export function policyHref(citation: Pick<Citation, 'policyId' | 'clause'>, language: Language, asOf: string | null): string {
  const params = new URLSearchParams();
  if (language === 'en') params.set('lang', 'en');
  if (asOf) params.set('asOf', asOf);
  const query = params.toString();
  return `/policy/${encodeURIComponent(citation.policyId)}${query ? `?${query}` : ''}#${encodeURIComponent(citation.clause)}`;
}
