import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * What general Chinese says about region names, so that ordinary words are not read as places:
 * 和平 (和平区), 开封 (开封市) and 长安 (长安区) are everyday words; 三明治 and 苏州河 hold a place name
 * inside a word of their own. Read from the general dictionary nodejieba ships (word, frequency in
 * a large general corpus, part-of-speech tag).
 */
export interface GeneralWords {
  /** The word is common in general Chinese in a sense other than the place. `bare`: it is a short name without suffix. */
  isCommon(word: string, bare: boolean): boolean;
  /** Some word of general Chinese holds this name (三明治, 苏州河): only then can a full name be inside a word. */
  mayBeInsideWord(name: string): boolean;
  /**
   * The word holds a name and is an ordinary word of its own (朝阳产业, n), not a name joined to a word
   * (苏州企业, nz) nor a word the dictionary lacks.
   */
  isOrdinaryWordAroundName(word: string): boolean;
}

/**
 * A word tagged as an ordinary word and this frequent (about 1 in 600,000 words of the dictionary's
 * corpus) has an everyday sense: 和平, 大同, 开封, 城区. Tags of names (place, person, organisation)
 * do not count: the dictionary tags many places as person names (余姚, 金山).
 */
const COMMON_ORDINARY_WORD = 100;
/** A short name this frequent (1 in 60,000) is mostly something else, whatever its tag: 长安, 太平, 南海. */
const COMMON_AT_ANY_TAG = 1000;
const NAME_TAGS = new Set(['ns', 'nr', 'nrt', 'nrfg', 'nt']);
/**
 * Tags of numerals and quantities: a short name the dictionary has as one (三台, 九台) is a count in
 * running text (买了三台数控机床), however rare; the place is written with its suffix (三台县).
 */
const COUNT_TAGS = new Set(['m', 'mq', 'q']);

export const NO_GENERAL_WORDS: GeneralWords = { isCommon: () => false, mayBeInsideWord: () => false, isOrdinaryWordAroundName: () => false };
/** Tags of proper nouns besides names: a name joined to a word (苏州企业) is tagged so. */
const PROPER_TAGS = new Set([...NAME_TAGS, 'nz']);

let cached: { names: Set<string>; words: GeneralWords } | null = null;

export function generalDictionaryPath(): string | null {
  const require = createRequire(import.meta.url);
  const path = join(dirname(require.resolve('nodejieba/package.json')), 'submodules', 'cppjieba', 'dict', 'jieba.dict.utf8');
  return existsSync(path) ? path : null;
}

/**
 * The facts about `names` (the aliases a directory may match), from nodejieba's dictionary; read
 * once per process for the same set of names. Without the dictionary no word counts as common.
 */
export function loadGeneralWords(names: Set<string>): GeneralWords {
  if (cached && cached.names === names) return cached.words;
  const path = generalDictionaryPath();
  const words = path ? generalWordsFrom(readFileSync(path), names) : NO_GENERAL_WORDS;
  cached = { names, words };
  return words;
}

/**
 * Reads a jieba dictionary ("word frequency tag" lines), keeping only what concerns `names`. The
 * 5 MB file is scanned as UTF-8 bytes (one Latin-1 character per byte), which is several times
 * faster than decoding it; UTF-8 is self-synchronising, so byte substrings match only whole characters.
 */
export function generalWordsFrom(dictionary: Buffer, names: Set<string>): GeneralWords {
  const bytes = dictionary.toString('latin1');
  const asBytes = (s: string): string => Buffer.from(s, 'utf8').toString('latin1');
  const asText = (s: string): string => Buffer.from(s, 'latin1').toString('utf8');
  const nameBytes = new Set([...names].map(asBytes));
  const openings = new Set<string>();
  let longest = 0;
  for (const name of nameBytes) {
    longest = Math.max(longest, name.length);
    openings.add(name.slice(0, 6));
  }
  const commonOrdinary = new Set<string>();
  const commonBare = new Set<string>();
  const held = new Set<string>();
  const ordinaryHolders = new Set<string>();
  for (let start = 0; start < bytes.length; ) {
    let end = bytes.indexOf('\n', start);
    if (end < 0) end = bytes.length;
    const line = bytes.slice(start, end);
    start = end + 1;
    const first = line.indexOf(' ');
    if (first <= 0) continue;
    const word = line.slice(0, first);
    if (nameBytes.has(word)) {
      const [frequencyText = '', tag = ''] = line.slice(first + 1).trim().split(' ');
      const frequency = Number(frequencyText);
      if (!NAME_TAGS.has(tag) && frequency >= COMMON_ORDINARY_WORD) commonOrdinary.add(asText(word));
      if (frequency >= COMMON_AT_ANY_TAG || COUNT_TAGS.has(tag)) commonBare.add(asText(word));
      continue;
    }
    const inside = namesInside(word, nameBytes, openings, longest);
    if (inside.length === 0 || isChainOfNames(word, nameBytes)) continue;
    for (const name of inside) held.add(asText(name));
    const tag = line.slice(first + 1).trim().split(' ')[1] ?? '';
    if (!PROPER_TAGS.has(tag)) ordinaryHolders.add(asText(word));
  }
  return {
    isCommon: (word, bare) => commonOrdinary.has(word) || (bare && commonBare.has(word)),
    mayBeInsideWord: (name) => held.has(name),
    isOrdinaryWordAroundName: (word) => ordinaryHolders.has(word),
  };
}

/** Names strictly inside a word, all in byte form; a name's first two characters are six bytes. */
function namesInside(word: string, names: Set<string>, openings: Set<string>, longest: number): string[] {
  const out: string[] = [];
  for (let start = 0; start + 6 <= word.length; start++) {
    if (!openings.has(word.slice(start, start + 6))) continue;
    for (let end = start + 6; end <= Math.min(word.length, start + longest); end++) {
      const piece = word.slice(start, end);
      if (piece.length < word.length && names.has(piece)) out.push(piece);
    }
  }
  return out;
}

/** 江苏省苏州市 is names written one after another, not a word around a name. */
function isChainOfNames(word: string, names: Set<string>): boolean {
  const reachable = [true];
  for (let end = 1; end <= word.length; end++) {
    reachable[end] = false;
    for (let start = 0; start < end; start++) {
      if (reachable[start] && names.has(word.slice(start, end))) {
        reachable[end] = true;
        break;
      }
    }
  }
  return reachable[word.length] === true;
}
