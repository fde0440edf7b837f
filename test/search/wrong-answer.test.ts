import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine, DEFAULT_INDEX_DIR } from '../../src/engine.js';
import { assembleIndexDir } from '../../src/eval/corpus.js';
import { holdsConcept } from '../../src/search/holds.js';
import { toSimplified } from '../../src/text/script.js';
import { BLIND_POLICIES } from '../support/corpora.js';

/**
 * Asked about a reward a region does not offer, the answer says so: never another item's amount
 * presented as that region's. For every region on file and every named policy term the corpus
 * uses (the nouns of the policy-term dictionary), "R对X奖励多少？" where no clause of R's policies (or
 * of the regions above it) says X is answered noAnswer, citing nothing of R's.
 */

const AS_OF = '2026-11-21';
const engine = createEngine(assembleIndexDir(DEFAULT_INDEX_DIR, [BLIND_POLICIES]), 'off');
const normal = (text: string): string => toSimplified(text).toLowerCase().replace(/[\s“”"'‘’（）()「」《》]/g, '');

/** The dictionary's named things (nouns and Latin terms), written as a question would. */
const terms = readFileSync(join(DEFAULT_INDEX_DIR, 'dict', 'user.dict.utf8'), 'utf8')
  .split('\n')
  .map((line) => line.trim().split(/\s+/))
  // Named things, not the words that name a document's parts (有效期, 责任部门).
  .filter(([word, , tag]) => word && (tag === 'n' || tag === 'eng') && !/有效期|部门|单位|租金|资本|规模$/.test(word))
  .map(([word]) => (word ?? '').replace(/（(.)）/, '$1'));

const clauseTexts = engine.index.clauses.map((c) => ({ region: c.policy.region, text: normal(c.clause.text) }));
const share = (term: string): number => clauseTexts.filter((c) => c.text.includes(normal(term))).length / clauseTexts.length;
/** Discriminative: the corpus uses it, in at most one clause in ten. */
const discriminative = terms.filter((t) => share(t) > 0 && share(t) <= 0.1);

const regions = engine.retriever.regionsOnFile();
const scopeOf = (region: string): Set<string> => new Set(engine.regions.scope(region).map((s) => s.region));
/**
 * Whether a clause of the region's scope says the term: literally, by a recognised equivalence (the
 * lexicon's, the long forms it abbreviates), or with all its dictionary pieces (ambiguous: not asked).
 */
const says = (region: string, term: string): boolean => {
  const scope = scopeOf(region);
  const concepts = engine.retriever.analyse(term).concepts;
  const pieces = engine.tokenizer.terms(term).filter((p) => p !== term.toLowerCase() && [...p].length >= 2).map(normal);
  return engine.index.clauses.some((entry, position) => {
    if (!scope.has(entry.policy.region)) return false;
    const text = engine.index.ownText(position);
    return concepts.some((c) => holdsConcept(text, c)) || (pieces.length > 0 && pieces.every((p) => normal(text).includes(p)));
  });
};

const cases = regions.flatMap((region) => discriminative.filter((term) => !says(region, term)).map((term) => [region, term] as const));

describe('a reward a region does not offer', () => {
  it('is asked about for many regions and terms', () => {
    expect(regions.length).toBeGreaterThanOrEqual(13);
    expect(discriminative.length).toBeGreaterThanOrEqual(15);
    expect(cases.length).toBeGreaterThanOrEqual(100);
  });

  it.each(cases)('%s对%s奖励多少？ has no basis there', (region, term) => {
    const retrieval = engine.retriever.retrieve(`${region}对${term}奖励多少？`, { asOf: AS_OF });
    const scope = scopeOf(region);
    expect(retrieval.noAnswer).toBe(true);
    expect(retrieval.passages.filter((p) => scope.has(p.policy.region)).map((p) => `${p.policy.id}:${p.clause.label}`)).toEqual([]);
  });
});
