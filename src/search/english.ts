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

/** The forms an English word may be listed under: as written, singular, and without -ing / -ed. */
export function wordForms(word: string): string[] {
  const forms = [word, singular(word)];
  const stem = /^(.{3,}?)(ing|ed)$/.exec(word)?.[1];
  if (stem) forms.push(stem, `${stem}e`, stem.replace(/(.)\1$/, '$1'));
  return [...new Set(forms)];
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

/**
 * English function words (Lucene's English stop set, with the question words): never looked up in
 * a general dictionary, whose glosses would turn them into Chinese function words.
 */
const FUNCTION_WORDS = new Set(
  'a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with what which who whom whose when where why how much many does do did can could would should may might i we you our my me us your its his her any some all each per'.split(' '),
);

/** A lookup that leaves function words alone (for a general dictionary). */
export function contentOnly(lookup: PhraseLookup): PhraseLookup {
  return (phrase) => (phrase.split(' ').every((w) => FUNCTION_WORDS.has(w)) ? undefined : lookup(phrase));
}

/** One English phrase and the Chinese terms it stands for (several when equally standard). */
export interface EnglishTerms {
  phrase: string;
  terms: string[];
  /** Found by a trusted lookup (the policy glossary, the corpus's own terms), not a general dictionary. */
  fromGlossary: boolean;
}

/** A way to look a phrase up, and whether what it finds is as good as the glossary's. */
export interface Lookup {
  find: PhraseLookup;
  trusted: boolean;
}

/** Chinese terms for an English text, longest phrase first, each phrase tried as written and singular. */
export function translateEnglish(text: string, lookups: Lookup[]): EnglishTerms[] {
  const words = englishWords(text);
  const out: EnglishTerms[] = [];
  const find = (phrase: string[]): { terms: string[]; fromGlossary: boolean } | undefined => {
    const last = phrase[phrase.length - 1] ?? '';
    const forms = [...wordForms(last).map((f) => [...phrase.slice(0, -1), f].join(' ')), phrase.map(singular).join(' '), phrase.join('')];
    for (const form of forms) {
      for (const lookup of lookups) {
        const terms = lookup.find(form);
        if (terms) return { terms, fromGlossary: lookup.trusted };
      }
    }
    return undefined;
  };
  for (let i = 0; i < words.length; ) {
    let matched = false;
    for (let n = Math.min(MAX_PHRASE_WORDS, words.length - i); n >= 1; n--) {
      const found = find(words.slice(i, i + n));
      if (found) {
        out.push({ phrase: words.slice(i, i + n).join(' '), ...found });
        i += n;
        matched = true;
        break;
      }
    }
    if (!matched) {
      const word = words[i] ?? '';
      if (/^\d+(\.\d+)?%?$/.test(word)) out.push({ phrase: word, terms: [word], fromGlossary: true });
      i++;
    }
  }
  return out;
}
