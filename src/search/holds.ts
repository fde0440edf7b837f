import { spansIn } from './abbreviations.js';
import type { Concept } from './analysis.js';

/** Whether a text (prepared for matching) says a concept: its word, an equivalence, a long form or a span. */
export function holdsConcept(text: string, concept: Concept): boolean {
  return text.includes(concept.text) || concept.variants.some((v) => (v.kind === 'span' ? spansIn(text, v.term) : v.kind !== 'piece' && text.includes(v.term)));
}
