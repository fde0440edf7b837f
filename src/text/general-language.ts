import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * How much a word says in general Chinese, from the word frequencies of nodejieba's own dictionary
 * (its IDF table leaves out the commonest words, which are the ones that matter here). A question
 * word that everyday Chinese uses constantly (我们, 什么, 现在) says little even where a policy
 * corpus happens to use it rarely; a rare word (贴息, 数字化) says as much as the corpus says it does.
 */

/** Self-information (natural log of total / frequency) at or below which a word says nothing extra. */
export const EVERYDAY_INFORMATION = 6;
/**
 * Self-information at or above which a word counts in full. 10 is about the level of 老板 or 软件
 * (frequency ~4,500 in 60 M): words rarer than that are ordinary content words.
 */
export const CONTENT_INFORMATION = 10;

export interface GeneralLanguage {
  /** 0 for the commonest words of everyday Chinese, 1 for ordinary content words and unknown ones. */
  informativeness(word: string): number;
  /** Whether general Chinese knows the word at all (the jieba dictionary lists it). */
  knows(word: string): boolean;
  /**
   * Whether the dictionary tags the word as a numeral, time, pronoun, adverb, locative, preposition,
   * conjunction, particle or the like (一年, 今年, 每年, 首次, 方才): words that qualify a topic and are
   * never the topic.
   */
  isFunctionWord(word: string): boolean;
  /** Whether the dictionary tags the word as an abbreviation (技改, 科技局): its long form may be written out. */
  isAbbreviation(word: string): boolean;
  /** Whether the dictionary has the word as an established common noun (火星, 服装, 芯片), which can narrow another. */
  isNoun(word: string): boolean;
  /** Whether the dictionary tags the word as a verb only (获评, 入选; not 投资 or 奖励, verbal nouns): an action, not a thing. */
  isVerb(word: string): boolean;
  /** Whether the dictionary tags the word as an idiom (头一回, 一站式): a way of saying, never a thing. */
  isIdiom(word: string): boolean;
}

/** Tags of common nouns and verbal nouns (names of people and places are read elsewhere). */
const NOUN_TAGS = new Set(['n', 'nz', 'ng', 'vn']);
/**
 * A noun the dictionary's corpus met fewer times than this (上点, 小厂: 3) is an artefact of
 * segmentation rather than an established word.
 */
export const ESTABLISHED_NOUN_FREQUENCY = 50;

/** The jieba tags of verbs (verbal nouns are `vn`) and of idioms (成语). */
const VERB_TAG = 'v';
const IDIOM_TAG = 'i';

/** The jieba tag of abbreviations (简称). */
const ABBREVIATION_TAG = 'j';

/** jieba part-of-speech tags of words that qualify rather than name (ICTCLAS tag set). */
const FUNCTION_TAGS = new Set(['m', 'mq', 'mg', 'q', 't', 'tg', 'r', 'rr', 'rz', 'rg', 'd', 'dg', 'df', 'ad', 'f', 'p', 'c', 'u', 'uj', 'ul', 'uv', 'uz', 'ud', 'ug', 'y', 'e', 'o', 'h', 'k']);

export function informativenessOf(frequency: number, total: number): number {
  if (frequency <= 0) return 1;
  const information = Math.log(total / frequency);
  return Math.min(1, Math.max(0, (information - EVERYDAY_INFORMATION) / (CONTENT_INFORMATION - EVERYDAY_INFORMATION)));
}

/**
 * Reads `word frequency tag` lines. Only words frequent enough to be damped are kept with their
 * frequency (a few thousand); the rest are kept as a set of known words for `knows`.
 */
export function parseGeneralDictionary(text: string): GeneralLanguage {
  const frequencies = new Map<string, number>();
  const known = new Set<string>();
  const functionWords = new Set<string>();
  const abbreviations = new Set<string>();
  const nouns = new Set<string>();
  const verbs = new Set<string>();
  const idioms = new Set<string>();
  let total = 0;
  const lines = text.split('\n');
  const parsed: [string, number][] = [];
  for (const line of lines) {
    const first = line.indexOf(' ');
    if (first <= 0) continue;
    const second = line.indexOf(' ', first + 1);
    const frequency = Number(line.slice(first + 1, second < 0 ? undefined : second));
    if (!Number.isFinite(frequency)) continue;
    total += frequency;
    parsed.push([line.slice(0, first), frequency]);
    const tag = second > 0 ? line.slice(second + 1).trim() : '';
    if (FUNCTION_TAGS.has(tag)) functionWords.add(line.slice(0, first));
    if (tag === ABBREVIATION_TAG) abbreviations.add(line.slice(0, first));
    if (NOUN_TAGS.has(tag) && frequency >= ESTABLISHED_NOUN_FREQUENCY) nouns.add(line.slice(0, first));
    if (tag === VERB_TAG) verbs.add(line.slice(0, first));
    if (tag === IDIOM_TAG) idioms.add(line.slice(0, first));
  }
  const dampedBelow = total / Math.exp(CONTENT_INFORMATION);
  for (const [word, frequency] of parsed) {
    known.add(word);
    if (frequency > dampedBelow) frequencies.set(word, Math.max(frequency, frequencies.get(word) ?? 0));
  }
  return {
    informativeness: (word) => informativenessOf(frequencies.get(word) ?? 0, total),
    knows: (word) => known.has(word),
    isFunctionWord: (word) => functionWords.has(word),
    isAbbreviation: (word) => abbreviations.has(word),
    isNoun: (word) => nouns.has(word),
    isVerb: (word) => verbs.has(word),
    isIdiom: (word) => idioms.has(word),
  };
}

let shared: GeneralLanguage | null = null;

/** The general dictionary nodejieba ships, read once per process. */
export function generalLanguage(): GeneralLanguage {
  if (shared) return shared;
  const require = createRequire(import.meta.url);
  const { DEFAULT_DICT } = require('nodejieba') as { DEFAULT_DICT: string };
  shared = parseGeneralDictionary(readFileSync(DEFAULT_DICT, 'utf8'));
  return shared;
}
