import type { Passage } from '../search/retrieve.js';
import type { Citation } from './types.js';

export function toCitation(passage: Passage, n: number): Citation {
  const { policy, clause } = passage;
  const citation: Citation = {
    n,
    policyId: policy.id,
    title: policy.title,
    docNumber: policy.docNumber,
    issuer: policy.issuer,
    region: policy.region,
    clause: clause.label,
    // A row whose source set its cells apart by white space is quoted so, as printed.
    text: clause.kind === 'table-row' ? clause.text.replace(/\s*\u00a6\s*/g, ' ').trim() : clause.text,
    validFrom: policy.validFrom,
    validTo: policy.validTo,
    status: passage.status,
  };
  if (passage.status === 'abolished' && policy.abolishedBy !== null && policy.abolishedOn !== null) {
    citation.abolishedBy = policy.abolishedBy;
    citation.abolishedOn = policy.abolishedOn;
  }
  return citation;
}

const MARKER = /\[(\d{1,3})\]/g;

/** The [n] markers an answer text uses, in order of first use. */
export function markersIn(text: string): number[] {
  const seen: number[] = [];
  for (const match of text.matchAll(MARKER)) {
    const n = Number(match[1]);
    if (!seen.includes(n)) seen.push(n);
  }
  return seen;
}

/**
 * Makes an answer's markers and its citation list agree: markers that name no citation are removed,
 * citations the text never uses are dropped, and the rest are numbered 1..k in order of first use.
 */
export function reconcileCitations(text: string, citations: Citation[]): { text: string; citations: Citation[] } {
  const known = new Map(citations.map((c) => [c.n, c]));
  const used = markersIn(text).filter((n) => known.has(n));
  const renumber = new Map(used.map((n, i) => [n, i + 1]));
  const cleaned = text.replace(MARKER, (_, digits: string) => {
    const next = renumber.get(Number(digits));
    return next === undefined ? '' : `[${next}]`;
  });
  const kept = used.map((n, i) => ({ ...(known.get(n) as Citation), n: i + 1 }));
  return { text: cleaned, citations: kept };
}

/** Display form of a clause label: 5 → 第5条, 一 → 一、, others as they are. */
export function displayLabel(label: string): string {
  if (/^\d+$/.test(label)) return `第${label}条`;
  if (/^[一二三四五六七八九十百]+$/.test(label)) return `${label}、`;
  return label;
}
