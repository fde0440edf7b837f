import type { CorpusStatistics } from './statistics.js';

/**
 * Words that name a thing the corpus never speaks of. A colloquial word or an asker's detail shares
 * characters with the corpus's own words (上规模 with 规模以上, 数控设备 with 设备); a long word none of
 * whose character pairs any corpus term has (驰名商标) is about something no policy here covers.
 */

/**
 * Shortest word read this way: a two-character word has one pair, the word itself, and a colloquial
 * one (场租) lacks it as surely as an absent topic does.
 */
export const ABSENT_WORD_LENGTH = 3;

export class CharacterPairs {
  private pairs: Set<string> | null = null;

  /** `terms`: the corpus's terms, read on first use (only questions with an unknown long word need them). */
  constructor(private readonly terms: () => readonly string[]) {}

  has(pair: string): boolean {
    if (!this.pairs) {
      const pairs = new Set<string>();
      for (const term of this.terms()) for (let i = 0; i + 1 < term.length; i++) pairs.add(term.slice(i, i + 2));
      this.pairs = pairs;
    }
    return this.pairs.has(pair);
  }
}

/**
 * The words, of those the corpus does not know, that share no character pair with any corpus term.
 * An idiom (头一回) is a way of saying something, not a thing asked about.
 */
export function absentWords(unmatched: readonly string[], corpus: Pick<CorpusStatistics, 'has'>, pairs: CharacterPairs, isIdiom: (word: string) => boolean): string[] {
  return unmatched.filter((word) => {
    const chars = [...word];
    if (chars.length < ABSENT_WORD_LENGTH || corpus.has(word) || isIdiom(word)) return false;
    for (let i = 0; i + 1 < chars.length; i++) if (pairs.has(`${chars[i]}${chars[i + 1]}`)) return false;
    return true;
  });
}
