import type { Concept, Variant } from './analysis.js';

/**
 * A concept whose text holds another's (上云 and 上云上平台 in 企业上云（上云上平台）) restates it: the
 * longer becomes a wording of the shorter, so one idea is not counted, or required, twice.
 */
export function mergeRestatements(concepts: Concept[]): Concept[] {
  const merged: Concept[] = [];
  for (const concept of [...concepts].sort((a, b) => a.text.length - b.text.length)) {
    const broader = merged.find((m) => m.text.length >= 2 && concept.text.includes(m.text));
    if (broader && broader.status === 'known' && !broader.generic && concept.status === 'known') {
      broader.variants.push({ term: concept.text, kind: 'word' }, ...concept.variants.filter((v) => v.kind !== 'piece'));
      broader.variants = dedupe(broader.variants);
    } else {
      merged.push(concept);
    }
  }
  return concepts.filter((c) => merged.includes(c));
}

export function dedupe(variants: Variant[]): Variant[] {
  const seen = new Set<string>();
  // A span is matched differently from a wording of the same text: both are kept.
  const key = (v: Variant): string => (v.kind === 'span' ? `span:${v.term}` : v.term);
  return variants.filter((v) => (seen.has(key(v)) ? false : (seen.add(key(v)), true)));
}
