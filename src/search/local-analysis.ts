import type { QueryAnalysis } from './analysis.js';
import { keyConceptIndex, partKey } from './key-concept.js';
import { reweigh, type Weighing } from './weigh.js';

/**
 * A question weighed again against the statistics of the clauses it is answered from (the regions
 * it asks about): its concepts' weights, which of them are generic, and the key concept of each part.
 */
export function localAnalysis(analysis: QueryAnalysis, weighing: Weighing): QueryAnalysis {
  const concepts = analysis.concepts.map((c) => reweigh(c, weighing));
  // The thing a question is about, when these clauses never say it (上云 in a region without such a
  // grant), stays what a clause must hold rather than a word most of the corpus's clauses share
  // (中小企业): weighed here it would tie with their rarest word, and a clause sharing only the
  // other words would answer for it.
  const lacked = (key: number): boolean => {
    const concept = analysis.concepts[key];
    return concept !== undefined && concept.variants.every((v) => v.kind === 'piece' || weighing.corpus.share(v.term) === 0);
  };
  const keep = (global: number, local: number): number =>
    global >= 0 && lacked(global) && analysis.concepts[local]?.generic === true ? global : local;
  return {
    ...analysis,
    concepts,
    key: keep(analysis.key, keyConceptIndex(concepts)),
    parts: analysis.parts.map((part) => ({ ...part, key: keep(part.key, partKey(concepts, part)) })),
  };
}
