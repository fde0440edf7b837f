import type { Concept, Part } from './analysis.js';

/**
 * The one rule, shared by retrieval and answer composition, for which concept a clause must hold to
 * answer: the question's most telling specific concept, when it carries a large share of what the
 * question says. 嘉定DCMM认证奖励 is about DCMM; a clause on 嘉定's 认证 rewards for something else does
 * not answer it, however many of the other words it shares.
 */

/** Share of the question's weight that makes its heaviest specific concept the one that must be held. */
export const KEY_SHARE = 0.4;

/** The key among some of the concepts (all by default), as an index into `concepts`, or -1. */
export function keyConceptIndex(concepts: Concept[], among: number[] = concepts.map((_, i) => i)): number {
  const total = among.reduce((sum, i) => sum + (concepts[i]?.weight ?? 0), 0);
  if (total === 0) return -1;
  let key = -1;
  for (const i of among) {
    const c = concepts[i];
    if (!c || c.generic || c.qualifies || c.weight <= 0) continue;
    if (key < 0 || c.weight > (concepts[key]?.weight ?? 0)) key = i;
  }
  if (key < 0) return -1;
  return (concepts[key]?.weight ?? 0) >= KEY_SHARE * total ? key : -1;
}

/** Whether some concept among these tells clauses apart (a part of only generic words does not). */
export function hasSpecific(concepts: Concept[], among: number[]): boolean {
  return among.some((i) => {
    const c = concepts[i];
    return c !== undefined && !c.generic && c.weight > 0;
  });
}

/**
 * The key of a part: for one of several items compared, the heaviest content word that tells it from
 * the others (中小企业 against 小巨人), however common; otherwise the usual rule.
 */
export function partKey(concepts: Concept[], part: Omit<Part, 'key'>): number {
  if (!part.distinct) return keyConceptIndex(concepts, part.concepts);
  let key = -1;
  for (const i of part.distinct) {
    const c = concepts[i];
    if (c && c.content && c.weight > 0 && (key < 0 || c.weight > (concepts[key]?.weight ?? 0))) key = i;
  }
  return key;
}
