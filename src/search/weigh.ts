import type { GeneralLanguage } from '../text/general-language.js';
import type { Concept, Variant } from './analysis.js';
import type { CorpusStatistics } from './statistics.js';

/**
 * How much a concept tells which clause answers: the corpus IDF of its most specific wording, times
 * its informativeness in general Chinese. Weighing is done against whichever statistics apply — the
 * whole corpus, or the clauses of the regions a question asks about, so that documents of other
 * regions arriving cannot change how a question about one region is read.
 */

export interface Weighing {
  corpus: CorpusStatistics;
  general: GeneralLanguage;
  /** Policy terms (the tokenizer's user dictionary). */
  terms: ReadonlySet<string>;
}

/** A word in more than one clause in ten says little about which clause answers (补贴, 企业, 支持). */
export const GENERIC_SHARE = 0.1;
/** A word below this informativeness (方面, 技术, 公司) cannot be what tells one clause from another. */
export const EVERYDAY_WORD_INFORMATIVENESS = 0.5;
/**
 * A number in a question is often the asker's own figure (花了150万), which a clause matches only by
 * chance; when it is a policy's threshold (总投资5000万元) it still helps to rank. Under half weight,
 * and never what tells clauses apart.
 */
export const NUMBER_INFORMATIVENESS = 0.49;

const NUMBER = /^\d+(\.\d+)?%?$/;
const HAN = /\p{Script=Han}/u;

/** Status, weight and genericness of a question word from what the corpus knows of its wordings. */
export function weighConcept(text: string, variants: Variant[], { corpus, general, terms }: Weighing): Concept {
  const whole = variants.filter((v) => v.kind !== 'piece' && corpus.has(v.term));
  const pieces = variants.filter((v) => v.kind === 'piece');
  const informativeness = NUMBER.test(text) ? NUMBER_INFORMATIVENESS : HAN.test(text) ? general.informativeness(text) : 1;
  // An everyday word, a number or a word that only qualifies (一年, 首次) never tells clauses apart.
  const everyday = informativeness < EVERYDAY_WORD_INFORMATIVENESS || general.isFunctionWord(text);
  if (whole.length > 0) {
    // The most specific wording decides: a word the corpus uses rarely says the most.
    const idf = Math.max(...whole.map((v) => corpus.idf(v.term)));
    const share = Math.min(...whole.map((v) => corpus.share(v.term)));
    return { text, variants, status: 'known', weight: idf * informativeness, generic: everyday || share > GENERIC_SHARE, content: !everyday, qualifies: false };
  }
  // A policy term, or a compound general Chinese does not list (碳足迹认证) made of corpus words, names a
  // thing the corpus lacks. A general word (加工厂) the corpus happens not to use may be said otherwise
  // (加工企业): it stays neutral, and its pieces still rank.
  const coined = !general.knows(text) && pieces.length >= 2 && pieces.some((v) => corpus.has(v.term));
  if (terms.has(text) || (coined && (pieces.every((v) => corpus.has(v.term)) || general.isNoun(pieces[0]?.term ?? '')))) {
    return { text, variants, status: 'absent', weight: corpus.maxIdf * informativeness, generic: everyday, content: !everyday, qualifies: false };
  }
  return { text, variants, status: 'unknown', weight: 0, generic: false, content: !everyday, qualifies: false };
}

/** The same concept weighed against other statistics; what it is (known, absent, unknown) stays. */
export function reweigh(concept: Concept, weighing: Weighing): Concept {
  if (concept.status === 'unknown') return concept;
  const again = { ...weighConcept(concept.text, concept.variants, weighing), qualifies: concept.qualifies };
  return again.status === concept.status ? again : { ...again, status: concept.status };
}
