import { pinyin } from 'pinyin-pro';
import type { PhraseLookup } from './english.js';

/**
 * Policy terms written in pinyin in an English question ("zhuanjingtexin" SMEs, "liangrong"): the
 * corpus terms whose toneless reading, syllables joined, is the word. Only long words are read so
 * (an English word rarely spells a run of pinyin syllables that long), and only terms of a few
 * characters, whose readings seldom collide.
 */

/** Letters a word must have to be read as pinyin: four syllables or so, longer than most English words that are also pinyin. */
export const MIN_PINYIN_LETTERS = 8;
/** Terms of this many characters are indexed by their reading. */
const TERM_CHARACTERS = { min: 3, max: 6 };
const HAN_ONLY = /^\p{Script=Han}+$/u;

/** A lookup built on first use over the corpus's terms (reading every term once). */
export function lazyPinyinTerms(terms: () => Iterable<string>): PhraseLookup {
  let byReading: Map<string, string[]> | null = null;
  return (phrase) => {
    const key = phrase.replace(/[\s'-]/g, '').toLowerCase();
    if (key.length < MIN_PINYIN_LETTERS || !/^[a-z]+$/.test(key)) return undefined;
    if (!byReading) {
      byReading = new Map();
      for (const term of terms()) {
        const size = [...term].length;
        if (size < TERM_CHARACTERS.min || size > TERM_CHARACTERS.max || !HAN_ONLY.test(term)) continue;
        const reading = pinyin(term, { toneType: 'none', type: 'array', v: true }).join('').replace(/v/g, 'u');
        const list = byReading.get(reading);
        if (list) list.push(term);
        else byReading.set(reading, [term]);
      }
    }
    return byReading.get(key);
  };
}
