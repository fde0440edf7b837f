import type { Variant } from './analysis.js';
import type { CorpusStatistics } from './statistics.js';

/**
 * Chinese short forms keep some characters of the long form, in order, starting with its first:
 * 规上 → 规模以上, 技改 → 技术改造, 智改 → 智能化改造, 数转 → 数字化转型. A short form the corpus does not
 * use is read as the corpus terms it can abbreviate, so no list of abbreviations is needed, and an
 * abbreviation of something the corpus does not have finds nothing.
 */

/** Short forms are two to four characters (规上, 专精特新); longer words are not abbreviations. */
export const MAX_SHORT_FORM = 4;
/** A long form has at most this many characters: enough for 数据管理能力成熟度, few enough to stay a term. */
export const MAX_LONG_FORM = 10;
/** At most this many characters are left out between two kept ones (规[模以]上, 数[字化]转). */
export const MAX_SKIPPED = 3;
/** A short form stands for at most this many long forms; more means it is too vague to expand. */
export const MAX_LONG_FORMS = 4;

const HAN_ONLY = /^\p{Script=Han}+$/u;

/** Whether `long` keeps the characters of `short` in order, from its first, with small gaps. */
export function abbreviates(short: string, long: string): boolean {
  const s = [...short];
  const l = [...long];
  if (s.length < 2 || l.length <= s.length || l[0] !== s[0]) return false;
  let at = 0;
  for (let i = 1; i < s.length; i++) {
    let next = at + 1;
    while (next < l.length && l[next] !== s[i]) next++;
    if (next >= l.length || next - at - 1 > MAX_SKIPPED) return false;
    at = next;
  }
  // The long form may go on after the last kept character only as far as a gap allows (技改 → 技术改造).
  return l.length - at - 1 <= MAX_SKIPPED;
}

/** The corpus terms a short form can stand for, shortest first (the caller decides when to ask). */
export function expandShortForm(short: string, corpus: CorpusStatistics): string[] {
  const length = [...short].length;
  if (length < 2 || length > MAX_SHORT_FORM || !HAN_ONLY.test(short)) return [];
  const first = [...short][0] ?? '';
  const found = corpus
    .termsStartingWith(first)
    .filter((term) => [...term].length <= MAX_LONG_FORM && HAN_ONLY.test(term) && abbreviates(short, term));
  // A long form that contains another found one adds nothing (规模以上企业 beside 规模以上).
  const minimal = found.filter((term) => !found.some((other) => other !== term && term.includes(other)));
  if (minimal.length > MAX_LONG_FORMS) return [];
  return minimal.sort((a, b) => a.length - b.length || corpus.share(b) - corpus.share(a));
}

/**
 * The other way round: the corpus's own short forms of a long form the question uses (规模以上 →
 * 规上, 技术改造 → 技改), so a clause that writes only the short form is found. A short form must
 * contract the long one (规模 is a piece of 规模以上, not its short form), and must read back as it:
 * among the corpus terms it can stand for, the long form is one. `isJargon` keeps out ordinary words
 * (a short form is an abbreviation or a word general Chinese lacks).
 */
export function shortFormsOf(long: string, corpus: CorpusStatistics, isJargon: (term: string) => boolean): string[] {
  const length = [...long].length;
  if (length <= 2 || length > MAX_LONG_FORM || !HAN_ONLY.test(long)) return [];
  const first = [...long][0] ?? '';
  return corpus
    .termsStartingWith(first)
    .filter((term) => {
      const size = [...term].length;
      return size >= 2 && size <= MAX_SHORT_FORM && size < length && !long.includes(term) && HAN_ONLY.test(term) && abbreviates(term, long) && isJargon(term);
    })
    .filter((term) => {
      const longForms = expandShortForm(term, corpus);
      return longForms.includes(long) || (!corpus.has(long) && longForms.length < MAX_LONG_FORMS);
    });
}

/** Each of two coordinated short forms keeps two characters (智改, 数转): four in all. */
const COORDINATED_HALF = 2;

/**
 * Two short forms side by side (智改 + 数转 = 智改数转) name two things done together: each half's long
 * form (`expand`, shortest first), or the half itself looked for as a span (智改 in 智能化改造). Both
 * halves must be short forms the corpus can read, or the word is no pair (专精 of 专精特新 is a word).
 */
export function coordinatedForms(word: string, expand: (short: string) => string[], corpusHas: (term: string) => boolean): Variant[] {
  if (!HAN_ONLY.test(word) || [...word].length !== 2 * COORDINATED_HALF) return [];
  const halves = [word.slice(0, COORDINATED_HALF), word.slice(COORDINATED_HALF)];
  const forms = halves.map((half): Variant | null => {
    const long = expand(half).find((t) => t !== word);
    if (long) return { term: long, kind: 'abbreviation' };
    return corpusHas(half) ? null : { term: half, kind: 'span' };
  });
  return forms.every((f): f is Variant => f !== null) ? forms : [];
}

/**
 * The short form's characters in order in a text, each within a few characters of the one before,
 * inside one phrase (no punctuation between): 股改 in 完成股份制改造, 智改数转 in 智能化改造和数字化转型.
 */
export function spansIn(text: string, short: string): boolean {
  const pattern = spanPattern(short);
  return pattern !== null && pattern.test(text);
}

/** Patterns are built once per short form: a question reads the same ones against many clauses. */
const spanPatterns = new Map<string, RegExp | null>();
const SPAN_PATTERN_CACHE = 2000;

function spanPattern(short: string): RegExp | null {
  let pattern = spanPatterns.get(short);
  if (pattern === undefined) {
    const chars = [...short];
    const gap = `[^，。；、,;！？\\n]{0,${MAX_SKIPPED}}`;
    pattern = chars.length < 2 ? null : new RegExp(chars.map(escape).join(gap), 'u');
    if (spanPatterns.size >= SPAN_PATTERN_CACHE) spanPatterns.clear();
    spanPatterns.set(short, pattern);
  }
  return pattern;
}

function escape(char: string): string {
  return char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
