import type { QueryAnalysis } from './analysis.js';
import { keyConceptIndex, partKey } from './key-concept.js';
import { reweigh, type Weighing } from './weigh.js';

/**
 * A question weighed again against the statistics of the clauses it is answered from (the regions
 * it asks about): its concepts' weights, which of them are generic, and the key concept of each part.
 */
export function localAnalysis(analysis: QueryAnalysis, weighing: Weighing): QueryAnalysis {
  const concepts = analysis.concepts.map((c) => reweigh(c, weighing));
  return {
    ...analysis,
    concepts,
    key: keyConceptIndex(concepts),
    parts: analysis.parts.map((part) => ({ ...part, key: partKey(concepts, part) })),
  };
}
