import { namesAsker } from './asker.js';
import { dedupe, mergeRestatements } from './restatements.js';
import type { GeneralLanguage } from '../text/general-language.js';
import type { Tokenizer } from '../text/tokenizer.js';
import { coordinatedForms, expandShortForm, MAX_SHORT_FORM, shortFormsOf } from './abbreviations.js';
import type { Concept, Variant } from './analysis.js';
import type { CorpusStatistics } from './statistics.js';
import { weighConcept, type Weighing } from './weigh.js';

/**
 * Turns the topic part of a question into concepts: each question word with the corpus wordings that
 * express it (itself, lexicon equivalences, the long forms it abbreviates, its pieces), and a weight
 * saying how much it tells which clause answers. Words neither the corpus nor an equivalence knows
 * weigh nothing: a colloquial word cannot sink an answer, and cannot pretend to be one.
 */

export interface ConceptLexicon {
  stopwords: ReadonlySet<string>;
  synonyms: ReadonlyMap<string, string[]>;
  /** Policy terms (the tokenizer's user dictionary): named things a question may ask about. */
  terms: ReadonlySet<string>;
}

/** Weight kept by a concept a general English–Chinese dictionary gave (not the policy glossary). */
export const DICTIONARY_TRUST = 0.5;
/** A single character this common in everyday Chinese (的, 了, 能, 有) only glues words together. */
export const FUNCTION_CHAR_INFORMATIVENESS = 0.5;
const MEANINGFUL_NUMBER = /^\d{2,}$/;
const HAN = /\p{Script=Han}/u;
const HAN_ONLY = /^\p{Script=Han}+$/u;
/** A noun ending in a locative (表里, 厂内, 园区中) says where, and does not narrow the next word. */
const LOCATIVE_END = /[里内中上下外间旁边]$/u;
/** A level of government with a locative (区里, 市里, 镇上): which government, never what is asked for. */
const LEVEL_WITH_LOCATIVE = /^(?:省|市|县|区|镇|乡|旗|街道)(?:里|内|上|这边|那边)$/u;
/** Expansions of short forms, kept per process: the same colloquial words come back again and again. */
const EXPANSION_CACHE_LIMIT = 10_000;

const length = (s: string): number => [...s].length;

export class ConceptReader {
  private readonly phraseSynonyms: [string, string[]][];
  private readonly weighing: Weighing;
  private readonly expansions = new Map<string, string[]>();
  /** The corpus's short forms of each long form asked about, found once. */
  private readonly shortFormsFound = new Map<string, string[]>();

  constructor(
    private readonly tokenizer: Tokenizer,
    private readonly lexicon: ConceptLexicon,
    private readonly corpus: CorpusStatistics,
    private readonly general: GeneralLanguage,
  ) {
    this.weighing = { corpus, general, terms: lexicon.terms };
    // Longest first, so that 咨询公司 is read before 咨询.
    this.phraseSynonyms = [...lexicon.synonyms].filter(([key]) => HAN.test(key) && length(key) >= 2).sort((a, b) => b[0].length - a[0].length);
  }

  read(text: string): { concepts: Concept[]; unmatched: string[] } {
    const concepts = new Map<string, Concept>();
    const unmatched: string[] = [];
    const add = (concept: Concept): void => {
      const existing = concepts.get(concept.text);
      if (!existing) concepts.set(concept.text, concept);
      else if (concept.weight > existing.weight) concepts.set(concept.text, concept);
    };

    // Lexicon phrases that segment into filler (搬到, 咨询公司) are read whole, first, unless they sit
    // inside a longer word of the question.
    const questionWords = this.tokenizer.words(text);
    for (const [key, targets] of this.phraseSynonyms) {
      if (!text.includes(key) || questionWords.some((w) => w.length > key.length && w.includes(key))) continue;
      if (this.tokenizer.words(key).length === 1 && this.corpus.has(key)) continue; // an ordinary word: read below
      add(this.concept(key, this.withShortForms(targets.map((term) => ({ term, kind: 'synonym' })))));
      text = text.split(key).join(' ');
    }

    let previous: { word: string; concept: Concept } | null = null;
    for (const word of this.words(text)) {
      const prior = previous;
      previous = null;
      if (this.lexicon.stopwords.has(word) || LEVEL_WITH_LOCATIVE.test(word)) continue;
      // A bare small number says nothing (一 2 3); 5g, 3d and 2025 do.
      if (/^\d+(\.\d+)?$/.test(word) && !MEANINGFUL_NUMBER.test(word)) continue;
      if (length(word) < 2 && !this.lexicon.synonyms.has(word)) continue;
      let concept = this.concept(word, this.variantsOf(word));
      previous = { word, concept };
      if (concept.status === 'unknown') {
        if (this.isTopical(word)) unmatched.push(word);
        continue;
      }
      // A noun the corpus does not know, right before a specific concept, narrows it into something
      // else (火星 + 基地): the corpus has no 火星基地, and a clause on 实训基地 must not answer for it.
      // Before a generic word it only says which kind (服装 + 企业) and the question stays answerable.
      if (
        prior &&
        prior.concept.status === 'unknown' &&
        this.general.isNoun(prior.word) &&
        !namesAsker(prior.word) &&
        !LOCATIVE_END.test(prior.word) &&
        HAN_ONLY.test(word) &&
        this.isTopical(prior.word) &&
        !concept.generic &&
        concept.status === 'known' &&
        text.includes(`${prior.word}${word}`)
      ) {
        const compound = `${prior.word}${word}`;
        if (!this.corpus.has(compound)) {
          concept = this.concept(compound, [{ term: compound, kind: 'word' }, { term: prior.word, kind: 'piece' }, { term: word, kind: 'piece' }]);
          unmatched.splice(unmatched.indexOf(prior.word), 1);
        }
      }
      add(concept);
    }
    return { concepts: mergeRestatements([...concepts.values()]), unmatched };
  }

  /**
   * Concepts of an English question, one per translated phrase: its Chinese terms are wordings of
   * one idea (subsidy → 补贴 补助), not several ideas each to be covered.
   */
  readTranslated(groups: { terms: string[]; fromGlossary: boolean }[]): { concepts: Concept[]; unmatched: string[] } {
    const concepts = new Map<string, Concept>();
    for (const group of groups) {
      const { fromGlossary } = group;
      // The rendering the corpus uses most stands first (项目 before 工程 and 计划 for "project").
      const known = group.terms.map((t) => t.toLowerCase()).sort((a, b) => this.corpus.share(b) - this.corpus.share(a));
      // A term the corpus does not have as a word (总投资 in 核定项目总投资) is read by its words: the
      // heaviest one the corpus knows stands for it, the whole term still looked for in the text.
      const terms = this.corpus.has(known[0] ?? '') ? known : [...this.mainWord(known[0] ?? ''), ...known];
      const [first, ...others] = terms;
      if (!first || this.lexicon.stopwords.has(first) || concepts.has(first)) continue;
      const variants = [...this.variantsOf(first), ...others.flatMap((t) => this.variantsOf(t).map((v) => (v.kind === 'word' ? { ...v, kind: 'synonym' as const } : v)))];
      const read = this.concept(first, dedupe(variants));
      // A general dictionary's reading of a word may be another sense of it: it helps, it never decides.
      const concept = fromGlossary ? read : { ...read, weight: read.weight * DICTIONARY_TRUST, generic: true };
      // A glossary phrasing the corpus lacks is not a specific thing it lacks, unless it is a policy term.
      if (concept.status === 'known' || (concept.status === 'absent' && this.lexicon.terms.has(first))) concepts.set(first, concept);
    }
    return { concepts: mergeRestatements([...concepts.values()]), unmatched: [] };
  }

  /** The corpus word with the highest IDF among a term's words (投资 for 总投资), if any. */
  private mainWord(term: string): string[] {
    const words = this.tokenizer.words(term).filter((w) => w !== term && this.corpus.has(w) && length(w) >= 2);
    const best = words.sort((a, b) => this.corpus.idf(b) - this.corpus.idf(a))[0];
    return best ? [best] : [];
  }

  /**
   * The question's words, with jieba's guesses repaired: a run of words the corpus does not know
   * (搞智/改数/转, 场/租) is read again as the known words and short forms inside it (智改, 数转).
   */
  private words(text: string): string[] {
    const out: string[] = [];
    let run: string[] = [];
    const flush = (): void => {
      if (run.length > 0) out.push(...this.rereadRun(run.join('')));
      run = [];
    };
    for (const raw of this.tokenizer.words(text)) {
      const word = this.peel(raw);
      if (HAN_ONLY.test(word) && !this.corpus.has(word) && !this.isFiller(word) && !this.isRealWord(word)) {
        run.push(word);
        continue;
      }
      flush();
      out.push(word);
    }
    flush();
    return out;
  }

  /** Greedy from the left: the longest corpus term or expandable short form at each position. */
  private rereadRun(run: string): string[] {
    const chars = [...run];
    if (this.readable(run)) return [run];
    const out: string[] = [];
    let leftover: string[] = [];
    for (let i = 0; i < chars.length; ) {
      let taken = 0;
      for (let n = Math.min(MAX_SHORT_FORM, chars.length - i); n >= 2; n--) {
        const piece = chars.slice(i, i + n).join('');
        if (this.readable(piece)) {
          taken = n;
          if (leftover.length > 0) out.push(leftover.join(''));
          leftover = [];
          out.push(piece);
          break;
        }
      }
      if (taken === 0) {
        leftover.push(chars[i] ?? '');
        i++;
      } else {
        i += taken;
      }
    }
    if (leftover.length > 0) out.push(leftover.join(''));
    return out;
  }

  private readable(piece: string): boolean {
    return this.corpus.has(piece) || this.lexicon.synonyms.has(piece) || this.expand(piece).length > 0;
  }

  /** What the asker says about themselves or how they ask (头一回, 多少) is not a topic left unmatched. */
  private isTopical(word: string): boolean {
    if (!HAN.test(word)) return false;
    return this.general.informativeness(word) >= FUNCTION_CHAR_INFORMATIVENESS && !this.general.isFunctionWord(word);
  }

  /** A word of general Chinese or a policy term, as opposed to a guess of jieba's HMM (搞智, 改数). */
  private isRealWord(word: string): boolean {
    return length(word) >= 2 && (this.general.knows(word) || this.lexicon.terms.has(word));
  }

  private isFiller(word: string): boolean {
    return this.lexicon.stopwords.has(word) || (length(word) === 1 && this.general.informativeness(word) < FUNCTION_CHAR_INFORMATIVENESS);
  }

  /**
   * Filler glued to a word comes off either end (能补 → 补, 最多能 → 最多) when what is left is a word:
   * a real word is never cut down.
   */
  private peel(word: string): string {
    if (this.isRealWord(word)) return word;
    const chars = [...word];
    // The corpus's own segmentation may glue filler too (能补 out of 节能补贴): only a word that neither
    // starts nor ends with filler is taken as the corpus has it.
    const glued = this.isFiller(chars[0] ?? '') || this.isFiller(chars[chars.length - 1] ?? '');
    if (this.corpus.has(word) && !glued) return word;
    // Filler comes off the start, the end or both, the longest rest first.
    for (let start = 0; start < chars.length && (start === 0 || this.isFiller(chars[start - 1] ?? '')); start++) {
      for (let end = chars.length; end > start && (end === chars.length || this.isFiller(chars[end] ?? '')); end--) {
        if (start === 0 && end === chars.length) continue;
        const rest = chars.slice(start, end).join('');
        // A verb with its particle or modal (领吗, 能补) is the verb: a character general Chinese has as a word.
        const verb = end - start === 1 && this.general.knows(rest) && !this.isFiller(rest);
        if (this.corpus.has(rest) || this.isRealWord(rest) || verb) return rest;
      }
    }
    return word;
  }

  private expand(short: string): string[] {
    let found = this.expansions.get(short);
    if (found === undefined) {
      found = expandShortForm(short, this.corpus);
      if (this.expansions.size >= EXPANSION_CACHE_LIMIT) this.expansions.clear();
      this.expansions.set(short, found);
    }
    return found;
  }

  /** The corpus may write only the short form of a long form asked about (规上 for 规模以上). */
  private withShortForms(variants: Variant[]): Variant[] {
    const longForms = variants.filter((v) => v.kind === 'word' || v.kind === 'synonym' || v.kind === 'abbreviation').map((v) => v.term);
    for (const long of longForms) for (const term of this.shortForms(long)) variants.push({ term, kind: 'abbreviation' });
    return variants;
  }

  private shortForms(long: string): string[] {
    let found = this.shortFormsFound.get(long);
    if (found === undefined) {
      found = shortFormsOf(long, this.corpus, (term) => this.general.isAbbreviation(term) || !this.general.knows(term));
      if (this.shortFormsFound.size >= EXPANSION_CACHE_LIMIT) this.shortFormsFound.clear();
      this.shortFormsFound.set(long, found);
    }
    return found;
  }

  private variantsOf(word: string): Variant[] {
    const variants: Variant[] = [{ term: word, kind: 'word' }];
    // An equivalence is matched whole (as a term, or in the text of the leading clauses), never by
    // its separate words: 云平台 must not turn into 云 and 平台.
    for (const synonym of this.lexicon.synonyms.get(word) ?? []) variants.push({ term: synonym, kind: 'synonym' });
    // A short form is read as its long forms when the corpus lacks it, and also when it is a known
    // abbreviation or jargon general Chinese does not have (规上, 技改): the corpus may use both forms.
    if (!this.corpus.has(word) || this.general.isAbbreviation(word) || !this.general.knows(word)) {
      const longForms = this.expand(word).filter((term) => term !== word);
      for (const term of longForms) variants.push({ term, kind: 'abbreviation' });
      // A long form written over several words (股份制改造) is no term: look for the characters in order.
      if (longForms.length === 0 && HAN_ONLY.test(word) && length(word) >= 2 && length(word) <= MAX_SHORT_FORM) variants.push({ term: word, kind: 'span' });
      // Two short forms side by side (智改 + 数转 = 智改数转) name two things done together: a clause on
      // either one is on the topic.
      if (longForms.length === 0) variants.push(...coordinatedForms(word, (half) => this.expand(half), (term) => this.corpus.has(term)));
    }
    this.withShortForms(variants);
    if (length(word) >= 3) {
      for (const piece of this.tokenizer.terms(word)) {
        if (piece !== word && length(piece) >= 2 && !this.lexicon.stopwords.has(piece)) variants.push({ term: piece, kind: 'piece' });
      }
    }
    return dedupe(variants);
  }

  private concept(text: string, variants: Variant[]): Concept {
    return weighConcept(text, variants, this.weighing);
  }
}
