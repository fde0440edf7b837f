import type { Concept } from './analysis.js';
import { holdsConcept } from './holds.js';

/**
 * A policy's title says what all its clauses are about: a concept the title holds (智改数转 in
 * …智能化改造数字化转型奖补办法) counts as this much covered in each of its clauses — as a piece of a
 * word does, since a clause may be about one part of it. Only towards whether a clause answers, never
 * its score, its key concept or what it adds beside another clause.
 */
export const TITLE_CREDIT = 0.5;

/**
 * What each policy's title covers of one question's content concepts. A title is read only when a
 * clause of its policy falls short on its own, and once per question: the candidates of a large corpus
 * come from hundreds of policies, and most of them lack the key concept anyway.
 */
export class TitleCoverage {
  private readonly byPolicy = new Map<string, Float64Array>();

  constructor(private readonly concepts: readonly Concept[]) {}

  of(policy: { id: string; title: string }): Float64Array {
    let held = this.byPolicy.get(policy.id);
    if (!held) {
      held = new Float64Array(this.concepts.length);
      for (let i = 0; i < this.concepts.length; i++) {
        const concept = this.concepts[i] as Concept;
        if (concept.content && holdsConcept(policy.title, concept)) held[i] = TITLE_CREDIT * concept.weight;
      }
      this.byPolicy.set(policy.id, held);
    }
    return held;
  }
}
