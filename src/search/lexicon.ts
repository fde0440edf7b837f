import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The language knowledge retrieval uses, kept as data in index/dict/ so that it can grow without
 * code changes: question filler, colloquial → policy wording, and an English glossary.
 */
export interface Lexicon {
  stopwords: Set<string>;
  /** question wording → policy wordings it also searches for */
  synonyms: Map<string, string[]>;
  /** English phrase (lower case) → Chinese terms */
  glossary: Map<string, string[]>;
  /** The policy terms of the jieba user dictionary: named things a policy may or may not cover. */
  terms: Set<string>;
  /** Hash of the dictionary files, so an index built with other dictionaries is recognised. */
  version: string;
}

export const DICTIONARY_FILES = {
  userDict: 'user.dict.utf8',
  stopwords: 'stopwords.txt',
  synonyms: 'synonyms.tsv',
  glossary: 'glossary-en.tsv',
} as const;

function contentLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

export function parseStopwords(text: string): Set<string> {
  return new Set(contentLines(text).flatMap((line) => line.split(/\s+/)));
}

/** `key<TAB>term term…` lines; repeated keys add up. */
export function parseTermMap(text: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const line of contentLines(text)) {
    const [key, value] = line.split('\t');
    if (!key || !value) continue;
    const terms = value.split(/\s+/).filter(Boolean);
    map.set(key.toLowerCase(), [...(map.get(key.toLowerCase()) ?? []), ...terms]);
  }
  return map;
}

/** `word [frequency] [tag]` lines of a jieba user dictionary: the words, lower case as questions are. */
export function parseUserDictionaryWords(text: string): Set<string> {
  return new Set(contentLines(text).map((line) => (line.split(/\s+/)[0] ?? '').toLowerCase()).filter(Boolean));
}

export function loadLexicon(dictFolder: string): Lexicon {
  const read = (name: string): string => readFileSync(join(dictFolder, name), 'utf8');
  const hash = createHash('sha256');
  for (const name of Object.values(DICTIONARY_FILES)) hash.update(name).update(read(name));
  return {
    stopwords: parseStopwords(read(DICTIONARY_FILES.stopwords)),
    synonyms: parseTermMap(read(DICTIONARY_FILES.synonyms)),
    glossary: parseTermMap(read(DICTIONARY_FILES.glossary)),
    terms: parseUserDictionaryWords(read(DICTIONARY_FILES.userDict)),
    version: hash.digest('hex').slice(0, 16),
  };
}

/** The same lexicon with its word lists emptied; its version says so, so no snapshot mixes the two. */
export function emptyLexicon(lexicon: Lexicon): Lexicon {
  // The user dictionary is the tokenizer's, not a word list of the lexicon: it stays.
  return { stopwords: new Set(), synonyms: new Map(), glossary: new Map(), terms: lexicon.terms, version: `${lexicon.version}-empty` };
}
