import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * English words read through a general Chinese–English dictionary (CC-CEDICT, as the cc-cedict
 * package ships it), for English words the policy glossary does not list: each English gloss points
 * to the Chinese words it translates, kept only where the corpus uses the word. A general dictionary,
 * not a list made for policies, so it serves any corpus — and works with the lexicon emptied.
 */

export type BilingualLookup = (phrase: string) => string[] | undefined;

/** Glosses longer than this many words are explanations, not translations. */
const MAX_GLOSS_WORDS = 3;
/** One dictionary record: traditional, simplified, pinyin, then one gloss or a list of glosses. */
const RECORD = /\["[^"]*","([^"]+)","[^"]*",(\[(?:"(?:[^"\\]|\\.)*",?)*\]|"(?:[^"\\]|\\.)*")/g;

/** "to subsidize (sth)" → "subsidize"; "one's salary" → "salary". */
export function normaliseGloss(gloss: string): string {
  return gloss
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/^\s*(to|a|an|the)\s+/, '')
    .replace(/\b(sth|sb|one's|oneself)\b/g, ' ')
    .replace(/[^a-z0-9& -]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Reads the dictionary once and keeps the English → Chinese pairs whose Chinese the corpus uses. */
export function readBilingual(dictionaryText: string, isCorpusWord: (word: string) => boolean): Map<string, string[]> {
  const byGloss = new Map<string, string[]>();
  for (const match of dictionaryText.matchAll(RECORD)) {
    const chinese = match[1] ?? '';
    if (!isCorpusWord(chinese.toLowerCase())) continue;
    const raw = match[2] ?? '';
    const glosses: string[] = raw.startsWith('[') ? (JSON.parse(raw) as string[]) : [JSON.parse(raw) as string];
    for (const gloss of glosses.flatMap((g) => g.split(/[;,]/))) {
      const key = normaliseGloss(gloss);
      if (key === '' || key.split(' ').length > MAX_GLOSS_WORDS || /^(variant|surname|old|used in|abbr)\b/.test(key)) continue;
      const list = byGloss.get(key);
      if (!list) byGloss.set(key, [chinese]);
      else if (!list.includes(chinese)) list.push(chinese);
    }
  }
  return byGloss;
}

/** The path of the dictionary data the cc-cedict package ships (data/ beside its dist/). */
export function dictionaryPath(): string {
  return join(dirname(fileURLToPath(import.meta.resolve('cc-cedict'))), '..', 'data', 'all.js');
}

/**
 * A lookup built on first use (the first English question pays ~0.5 s; a Chinese-only service never
 * reads the 11 MB file), for the words of one corpus.
 */
export function lazyBilingual(isCorpusWord: (word: string) => boolean, path?: string): BilingualLookup {
  let table: Map<string, string[]> | null = null;
  return (phrase) => {
    if (!table) {
      try {
        table = readBilingual(readFileSync(path ?? dictionaryPath(), 'utf8'), isCorpusWord);
      } catch {
        // Without the dictionary, English is read through the glossary alone.
        table = new Map();
      }
    }
    return table.get(phrase);
  };
}
