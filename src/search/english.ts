/**
 * English questions are read by turning their words into the Chinese terms a policy uses, through
 * the general policy glossary (index/dict/glossary-en.tsv) and the place names of the corpus. Forms
 * are normalised first, so "smart-factories" and "smart factory" look the same up; a word the glossary
 * does not know is dropped (numbers are kept).
 */

/** Glossary phrases are up to this many words (approved total investment). */
const MAX_PHRASE_WORDS = 4;

/** factories → factory, subsidies → subsidy, rewards → reward: enough English for a glossary lookup. */
export function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(ches|shes|sses|xes)$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Lower-case words, possessives off, hyphens and slashes as spaces. */
export function englishWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .split(/[^a-z0-9&.%]+/)
    .map((w) => w.replace(/^\.+|\.+$/g, ''))
    .filter(Boolean);
}

export type PhraseLookup = (phrase: string) => string[] | undefined;

/** One English phrase and the Chinese terms it stands for (several when equally standard). */
export interface EnglishTerms {
  phrase: string;
  terms: string[];
}

/** Chinese terms for an English text, longest phrase first, each phrase tried as written and singular. */
export function translateEnglish(text: string, lookups: PhraseLookup[]): EnglishTerms[] {
  const words = englishWords(text);
  const out: EnglishTerms[] = [];
  const find = (phrase: string[]): string[] | undefined => {
    for (const form of [phrase.join(' '), phrase.map(singular).join(' '), phrase.join('')]) {
      for (const lookup of lookups) {
        const terms = lookup(form);
        if (terms) return terms;
      }
    }
    return undefined;
  };
  for (let i = 0; i < words.length; ) {
    let matched = false;
    for (let n = Math.min(MAX_PHRASE_WORDS, words.length - i); n >= 1; n--) {
      const terms = find(words.slice(i, i + n));
      if (terms) {
        out.push({ phrase: words.slice(i, i + n).join(' '), terms });
        i += n;
        matched = true;
        break;
      }
    }
    if (!matched) {
      const word = words[i] ?? '';
      if (/^\d+(\.\d+)?%?$/.test(word)) out.push({ phrase: word, terms: [word] });
      i++;
    }
  }
  return out;
}
