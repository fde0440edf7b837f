import type { AliasHit, PinyinHit, Place } from './gazetteer.js';
import { splitName, type SuffixKind } from './names.js';
import { ENGLISH_EXONYMS, ENGLISH_SUFFIXES, latinWords, type LatinWord } from './pinyin.js';

/**
 * Finds the spans of a text that name regions, each with every region it could name; choosing among
 * them is the caller's. Leftmost-longest: at each position the longest name that may be read there.
 */

export interface Candidate {
  place: Place;
  /** Named by its stem alone (浦东, Pudong), not by a full name or a name with a suffix. */
  bare: boolean;
}

export interface RawMatch {
  start: number;
  end: number;
  candidates: Candidate[];
}

export interface ScanSource {
  aliasHits(alias: string): readonly AliasHit[];
  /** Lengths of the aliases that start with these two characters, longest first (every alias has two or more). */
  aliasLengths(opening: string): readonly number[];
  pinyinHits(key: string): readonly PinyinHit[];
  placeNamed(name: string): Place | null;
  /**
   * Whether `alias` may name `place` in running text (a common word may not); `after` are the
   * regions a name written right before it may be (南京 before 鼓楼).
   */
  accepts(place: Place, alias: string, bare: boolean, after: readonly Place[]): boolean;
  /** Whether policies of the place are on file. */
  onFile(place: Place): boolean;
  /**
   * Words of general Chinese overlap or hold the span, so it is no name here (朝阳 in 朝阳产业). `onFile`:
   * some place of the name has policies on file.
   */
  splitByWords(text: string, start: number, end: number, bare: boolean, onFile: boolean): boolean;
}

/** `text` is in simplified script; offsets are its own. */
export function scanChinese(text: string, source: ScanSource): RawMatch[] {
  const out: RawMatch[] = [];
  for (let i = 0; i < text.length; ) {
    if (!isHan(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const previous = out[out.length - 1];
    const after = previous && previous.end === i ? previous.candidates.map((c) => c.place) : [];
    const match = longestAt(text, i, source, after);
    if (match) {
      out.push(match);
      i = match.end;
    } else {
      i++;
    }
  }
  return out;
}

/** Every alias starts with a character of the CJK blocks; other positions are skipped without a lookup. */
function isHan(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xd840 && code <= 0xd87f);
}

function longestAt(text: string, start: number, source: ScanSource, after: readonly Place[]): RawMatch | null {
  for (const length of source.aliasLengths(text.slice(start, start + 2))) {
    const end = start + length;
    if (end > text.length) continue;
    const alias = text.slice(start, end);
    const candidates = source
      .aliasHits(alias)
      .filter((h) => source.accepts(h.place, alias, h.bare, after))
      .map((h) => ({ place: h.place, bare: h.bare }));
    if (candidates.length === 0 || source.splitByWords(text, start, end, candidates.every((c) => c.bare), candidates.some((c) => source.onFile(c.place)))) continue;
    return { start, end, candidates };
  }
  return null;
}

/** Words of one name may be parted by spaces, hyphens, apostrophes or underscores, nothing else. */
const JOINER = /^[\s\-'’_]*$/;
/** Syllable groups a romanised name is looked for in: 内蒙古 written Nei Meng Gu is three. */
const MAX_NAME_WORDS = 4;

/** The Latin words of a text and, for each, whether the next word may belong to the same name. */
interface LatinText {
  words: LatinWord[];
  joinsNext: boolean[];
}

export function scanLatin(text: string, source: ScanSource): RawMatch[] {
  const words = latinWords(text);
  const latin: LatinText = { words, joinsNext: words.map((w, k) => k + 1 < words.length && JOINER.test(text.slice(w.end, words[k + 1]?.start))) };
  const out: RawMatch[] = [];
  for (let i = 0; i < words.length; ) {
    const match = latinAt(latin, i, source);
    if (match) {
      out.push(match.match);
      i += match.words;
    } else {
      i++;
    }
  }
  return out;
}

/** English suffix phrases by their first word. */
const SUFFIXES_BY_FIRST_WORD = (() => {
  const map = new Map<string, typeof ENGLISH_SUFFIXES>();
  for (const suffix of ENGLISH_SUFFIXES) {
    const first = suffix.words[0] ?? '';
    map.set(first, [...(map.get(first) ?? []), suffix]);
  }
  return map;
})();

/** The suffix phrases right after word `after`, longest first, with the number of words each takes. */
function suffixesAfter(latin: LatinText, after: number): { words: number; kinds: SuffixKind[] }[] {
  const out: { words: number; kinds: SuffixKind[] }[] = [];
  const { words, joinsNext } = latin;
  if (!joinsNext[after]) return out;
  for (const suffix of SUFFIXES_BY_FIRST_WORD.get(words[after + 1]?.word ?? '') ?? []) {
    const n = suffix.words.length;
    if (suffix.words.every((w, k) => words[after + 1 + k]?.word === w && (k === n - 1 || joinsNext[after + 1 + k]))) {
      out.push({ words: n, kinds: suffix.kinds });
    }
  }
  return out;
}

/**
 * English words that also spell pinyin syllables (a, an, ben…): a name read across words never starts
 * with one (a Li-ion cathode is not 阿里).
 */
const ENGLISH_FUNCTION_WORDS = new Set(['a', 'an', 'the', 'in', 'on', 'of', 'to', 'at', 'as', 'by', 'or', 'and', 'is', 'are', 'be', 'for', 'we', 'our', 'me', 'he', 'she', 'it']);

function latinAt(latin: LatinText, i: number, source: ScanSource): { match: RawMatch; words: number } | null {
  const { words, joinsNext } = latin;
  if (ENGLISH_FUNCTION_WORDS.has(words[i]?.word ?? '')) return null;
  let best: { candidates: Candidate[]; words: number } | null = null;
  const consider = (candidates: Candidate[], count: number): void => {
    if (candidates.length > 0 && (!best || count > best.words)) best = { candidates, words: count };
  };
  const parts: string[] = [];
  for (let n = 1; n <= MAX_NAME_WORDS && i + n <= words.length; n++) {
    if (n > 1 && !joinsNext[i + n - 2]) break;
    parts.push(words[i + n - 1]?.word ?? '');
    const last = i + n - 1;
    const exonym = n <= 2 ? ENGLISH_EXONYMS[parts.join(' ')] : undefined;
    const exonymPlace = exonym ? source.placeNamed(exonym) : null;
    if (exonymPlace) {
      const suffix = suffixesAfter(latin, last).find((s) => exonymPlace.kind !== null && s.kinds.includes(exonymPlace.kind));
      consider([{ place: exonymPlace, bare: false }], n + (suffix?.words ?? 0));
    }
    const hits = pinyinHitsAligned(parts, source);
    if (hits.length === 0) continue;
    for (const suffix of suffixesAfter(latin, last)) {
      const named = hits.filter((h) => h.form !== 'full' && h.place.kind !== null && suffix.kinds.includes(h.place.kind));
      consider(accepted(named, false, source), n + suffix.words);
    }
    consider(
      accepted(
        hits.filter((h) => h.form !== 'stem'),
        true,
        source,
      ),
      n,
    );
  }
  if (!best) return null;
  const { candidates, words: count } = best as { candidates: Candidate[]; words: number };
  const first = words[i];
  const lastWord = words[i + count - 1];
  if (!first || !lastWord) return null;
  return { match: { start: first.start, end: lastWord.end, candidates }, words: count };
}

/** Hits whose syllables the user's word breaks respect; the library's own reading first, other readings only without one. */
function pinyinHitsAligned(parts: string[], source: ScanSource): PinyinHit[] {
  const key = parts.join('');
  const all = source.pinyinHits(key);
  if (all.length === 0) return [];
  const breaks: number[] = [];
  let at = 0;
  for (const part of parts) breaks.push((at += part.length));
  const hits = all.filter((h) => breaks.every((b) => h.romanisation.boundaries.includes(b)));
  const primary = hits.filter((h) => h.romanisation.primary);
  return primary.length > 0 ? primary : hits;
}

function accepted(hits: PinyinHit[], bareIfStem: boolean, source: ScanSource): Candidate[] {
  const out: Candidate[] = [];
  for (const h of hits) {
    const bare = bareIfStem && h.form === 'bare';
    const alias = bare ? splitName(h.place.name).stem : h.place.name;
    if (!out.some((c) => c.place === h.place) && source.accepts(h.place, alias, bare, [])) out.push({ place: h.place, bare });
  }
  return out;
}
