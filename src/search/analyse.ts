import type { GeneralLanguage } from '../text/general-language.js';
import { isMostlyLatin } from '../text/script.js';
import { prepareForTokens, type Tokenizer } from '../text/tokenizer.js';
import type { Concept, Part, QueryAnalysis } from './analysis.js';
import { ConceptReader, type ConceptLexicon } from './concepts.js';
import { translateEnglish } from './english.js';
import { inheritFromPrevious } from './follow-up.js';
import { ASPECT_WORDS, asksForFigure, countUnitOf, readIntents } from './intents.js';
import { hasSpecific, keyConceptIndex } from './key-concept.js';
import { PolicyNames, type PolicyName } from './policy-names.js';
import type { RegionNames } from './regions.js';
import type { CorpusStatistics } from './statistics.js';

/**
 * Reads a question once, in order: language, the policies and places it names, what it asks for,
 * then what it is about. A question in a conversation is read against the turn before it only when it
 * leans on it (follow-up.ts).
 */

export interface AnalyserLexicon extends ConceptLexicon {
  /** English phrase (lower case) → Chinese terms. */
  glossary: ReadonlyMap<string, string[]>;
}

/**
 * A date with its month says when a question is asked, not what about (…2026年11月还有效吗); a year
 * alone may name a column or a target year (2025年拟改造…) and stays, as a weak concept.
 */
const DATES = /\d{4}\s*年\s*\d{1,2}\s*月(\s*\d{1,2}\s*[日号])?|\d{4}-\d{1,2}(-\d{1,2})?/g;
const SENTENCES = /[？?；;。!！\n]+/;
/** Readings kept: enough for the questions of every open conversation to be read once. */
const RECENT_READINGS = 1000;

export class QueryAnalyser {
  /** Recent readings by question text: a follow-up's earlier question was read a moment ago. */
  private readonly recent = new Map<string, QueryAnalysis>();
  private readonly names: PolicyNames;
  private readonly reader: ConceptReader;

  constructor(
    tokenizer: Tokenizer,
    private readonly lexicon: AnalyserLexicon,
    policies: PolicyName[],
    corpus: CorpusStatistics,
    general: GeneralLanguage,
    private readonly regions: RegionNames,
  ) {
    this.names = new PolicyNames(tokenizer, policies);
    this.reader = new ConceptReader(tokenizer, lexicon, corpus, general);
  }

  analyse(question: string, previous: QueryAnalysis | null = null): QueryAnalysis {
    let analysis = this.recent.get(question);
    if (!analysis) {
      analysis = this.read(question);
      if (this.recent.size >= RECENT_READINGS) this.recent.delete(this.recent.keys().next().value ?? '');
      this.recent.set(question, analysis);
    }
    return previous ? inheritFromPrevious(analysis, previous) : analysis;
  }

  private read(question: string): QueryAnalysis {
    const language = isMostlyLatin(question) ? 'en' : 'zh';
    const prepared = prepareForTokens(question);
    // Titles, numbers and issuers written out in full name policies (上海市松江区科学技术委员会 is an
    // issuer before it is two places); then places, in either language (Songjiang District, 浦东).
    let text = prepared;
    const policyIds: string[] = [];
    for (const { name, ids } of this.names.namedInFull(text)) {
      for (const id of ids) if (!policyIds.includes(id)) policyIds.push(id);
      text = text.split(name).join(' ');
    }
    const regions: string[] = [];
    const regionsWithoutPolicies: string[] = [];
    for (const mention of this.regions.mentions(text)) {
      const list = mention.inCorpus ? regions : regionsWithoutPolicies;
      if (!list.includes(mention.region)) list.push(mention.region);
      text = text.split(mention.alias.toLowerCase()).join(' ');
    }
    if (language === 'en') text = translateEnglish(text, [(phrase) => this.lexicon.glossary.get(phrase)]);

    const cueText = `${prepared} ${text}`;
    const { intents, asksInterpretation } = readIntents(cueText);
    if (regions.length + regionsWithoutPolicies.length >= 2) intents.add('comparison');

    const read = this.reader.read(text.replace(DATES, ' '));
    // Words that only say which aspect is asked go, unless nothing else is left to say what about.
    const aspectWords = [...intents].flatMap((intent) => [...(ASPECT_WORDS[intent] ?? [])]);
    const topical = read.concepts.filter((c) => !aspectWords.includes(c.text));
    let concepts = topical.length > 0 ? topical : read.concepts;
    if (policyIds.length === 0) {
      const words = new Set(concepts.map((c) => c.text));
      const asksAspect = intents.has('validity') || asksInterpretation;
      const named =
        this.names.namedByTitleRun(text, words) ??
        (asksAspect && concepts.length > 0 ? this.names.namedByAllWords([...words], regions) : null);
      if (named) {
        policyIds.push(...named.ids);
        concepts = concepts.filter((c) => !named.words.has(c.text));
      }
    }
    return {
      question,
      language,
      regions,
      regionsWithoutPolicies,
      policyIds,
      intents,
      asksInterpretation,
      concepts,
      key: keyConceptIndex(concepts),
      phrases: phrasesOf(concepts, text),
      parts: partsOf(concepts, text),
      countUnit: countUnitOf(cueText),
      asksFigure: asksForFigure(cueText, countUnitOf(cueText)),
      unmatched: read.unmatched,
      inherited: null,
    };
  }

}

/** Neighbouring concepts written together in the question (推进阶段). */
function phrasesOf(concepts: Concept[], text: string): string[] {
  const phrases: string[] = [];
  for (let i = 0; i + 1 < concepts.length; i++) {
    const phrase = `${concepts[i]?.text}${concepts[i + 1]?.text}`;
    if (text.includes(phrase)) phrases.push(phrase);
  }
  return phrases;
}

/**
 * The sub-questions: the concepts of each sentence of the question. A sentence with nothing specific
 * of its own (…扣除比例是多少？) asks on about the one before it and joins it.
 */
function partsOf(concepts: Concept[], text: string): Part[] {
  const sentences = text
    .split(SENTENCES)
    .map((part) => concepts.flatMap((c, i) => (part.includes(c.text) || c.variants.some((v) => v.kind !== 'piece' && part.includes(v.term)) ? [i] : [])))
    .filter((part) => part.length > 0);
  const joined: number[][] = [];
  for (const part of sentences) {
    const last = joined[joined.length - 1];
    if (last && (!hasSpecific(concepts, part) || !hasSpecific(concepts, last))) last.push(...part.filter((i) => !last.includes(i)));
    else joined.push([...part]);
  }
  const all = concepts.map((_, i) => i);
  const parts = joined.length > 0 ? joined : [all];
  // Concepts no sentence claims (a wording found only across sentences) still belong to the question.
  const claimed = new Set(parts.flat());
  const unclaimed = all.filter((i) => !claimed.has(i));
  if (unclaimed.length > 0) parts[parts.length - 1]?.push(...unclaimed);
  return parts.map((part) => ({ concepts: part, key: keyConceptIndex(concepts, part) }));
}
