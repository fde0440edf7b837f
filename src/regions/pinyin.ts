import { pinyin } from 'pinyin-pro';
import { SUFFIX_KINDS, type SuffixKind } from './names.js';

/**
 * Region names in English questions are written in pinyin without tones ("Songjiang", "Tai Cang",
 * "songjiang-district", "Xi'an") and often followed by an English word for the suffix ("Pudong New
 * Area", "Yangzhou ETDZ"). A name is looked up by its syllables joined, lower case; the words a
 * user split it into must fall on syllable boundaries ("Tai Cang", not "Taic Ang").
 */

export interface Romanisation {
  /** Syllables joined: songjiang. */
  key: string;
  /** Offsets in `key` where a syllable ends, so that "tai cang" may be split there and nowhere else. */
  boundaries: number[];
  /** The library's reading in context; other readings of polyphonic characters are kept as fallbacks (闵行 minhang besides minxing). */
  primary: boolean;
}

/** Readings tried per name at most: region names have two to four characters and rarely two polyphones. */
const MAX_READINGS = 16;

const readingsOfChar = new Map<string, string[]>();

function normaliseSyllable(syllable: string): string {
  return syllable.replace(/ü|v/g, 'u');
}

function charReadings(char: string): string[] {
  let readings = readingsOfChar.get(char);
  if (!readings) {
    readings = [...new Set(pinyin(char, { multiple: true, type: 'array', toneType: 'none', v: true }).map(normaliseSyllable))];
    readingsOfChar.set(char, readings);
  }
  return readings;
}

function romanisationOf(syllables: string[], primary: boolean): Romanisation {
  const boundaries: number[] = [];
  let at = 0;
  for (const s of syllables) boundaries.push((at += s.length));
  return { key: syllables.join(''), boundaries, primary };
}

const HAN_NAME = /^\p{Script=Han}+$/u;
/** Separates names in one call to the library: its segmenter does not read across it. */
const SEPARATOR = '，';

/**
 * The ways each Han name may be romanised (names with other characters get none). The library is
 * called once for all the names: per call it costs more than the reading itself.
 */
export function romaniseAll(names: string[]): Map<string, Romanisation[]> {
  const out = new Map<string, Romanisation[]>();
  const pending = [...new Set(names)].filter((n) => HAN_NAME.test(n));
  // Reverse maximum matching reads place names as the default segmenter does (checked over every
  // GB/T 2260 name) at a fifth of the time.
  const readings = pinyin(pending.join(SEPARATOR), { type: 'array', toneType: 'none', v: true, segmentit: 2 }).filter(
    (r) => r !== SEPARATOR,
  );
  let at = 0;
  for (const name of pending) {
    const chars = [...name];
    const contextual = readings.slice(at, at + chars.length).map(normaliseSyllable);
    at += chars.length;
    out.set(name, readingsOf(chars, contextual));
  }
  return out;
}

function readingsOf(chars: string[], contextual: string[]): Romanisation[] {
  const out = [romanisationOf(contextual, true)];
  const perChar = chars.map(charReadings);
  if (perChar.every((r) => r.length === 1)) return out;
  let combos: string[][] = [[]];
  for (const options of perChar) combos = combos.flatMap((c) => options.map((r) => [...c, r])).slice(0, MAX_READINGS);
  for (const combo of combos) {
    const key = combo.join('');
    if (!out.some((r) => r.key === key)) out.push(romanisationOf(combo, false));
  }
  return out;
}

export interface LatinWord {
  /** Lower case, diacritics removed, ü and v as u. */
  word: string;
  start: number;
  end: number;
}

const LATIN_WORD = /\p{Script=Latin}+/gu;

/** The Latin words of a text, with their offsets in it; apostrophes and hyphens separate words (Xi'an, high-tech). */
export function latinWords(text: string): LatinWord[] {
  const out: LatinWord[] = [];
  for (const match of text.matchAll(LATIN_WORD)) {
    const plain = /^[\x00-\x7f]*$/.test(match[0]) ? match[0] : match[0].normalize('NFD').replace(/\p{M}/gu, '');
    const word = plain.toLowerCase().replace(/v/g, 'u');
    out.push({ word, start: match.index, end: match.index + match[0].length });
  }
  return out;
}

export interface EnglishSuffix {
  words: string[];
  kinds: SuffixKind[];
}

/**
 * English suffix phrases, longest first, each with the suffix kinds it may stand for; a suffix in
 * pinyin counts as one too, joined or split (Songjiang Qu, Pudong Xinqu, Pudong Xin Qu).
 */
export const ENGLISH_SUFFIXES: EnglishSuffix[] = (() => {
  const byPhrase = new Map<string, SuffixKind[]>();
  const add = (phrase: string, k: SuffixKind): void => {
    const kinds = byPhrase.get(phrase) ?? [];
    if (!kinds.includes(k)) byPhrase.set(phrase, [...kinds, k]);
  };
  const romanised = romaniseAll(SUFFIX_KINDS.flatMap((k) => k.spellings));
  for (const k of SUFFIX_KINDS) {
    // Compared after latinWords, which turns v into u and splits at hyphens.
    for (const phrase of k.english) add(phrase.replace(/v/g, 'u'), k);
    for (const spelling of k.spellings) {
      const reading = romanised.get(spelling)?.[0];
      if (!reading) continue;
      add(reading.key, k);
      add(syllablesOf(reading).join(' '), k);
    }
  }
  return [...byPhrase]
    .map(([phrase, kinds]) => ({ words: phrase.split(' '), kinds }))
    .sort((a, b) => b.words.length - a.words.length);
})();

function syllablesOf(r: Romanisation): string[] {
  return r.boundaries.map((end, i) => r.key.slice(i === 0 ? 0 : r.boundaries[i - 1], end));
}

/**
 * Names with an established English form that pinyin does not give (the GB/T 17693 exonyms of
 * province-level units, and the spelling that tells 陕西 from 山西).
 */
export const ENGLISH_EXONYMS: Record<string, string> = {
  'inner mongolia': '内蒙古自治区',
  tibet: '西藏自治区',
  'hong kong': '香港特别行政区',
  macau: '澳门特别行政区',
  macao: '澳门特别行政区',
  taiwan: '台湾省',
  shaanxi: '陕西省',
  // Cities whose usual English name is not their Hanyu Pinyin (Huhehaote, Haerbin, Wulumuqi…).
  hohhot: '呼和浩特市',
  harbin: '哈尔滨市',
  urumqi: '乌鲁木齐市',
  lhasa: '拉萨市',
  kashgar: '喀什地区',
  shigatse: '日喀则市',
  turpan: '吐鲁番市',
  hotan: '和田地区',
  aksu: '阿克苏地区',
  karamay: '克拉玛依市',
  // Mongolian names in Inner Mongolia, written in English after the Mongolian (Ordos, not E'erduosi).
  ordos: '鄂尔多斯市',
  hulunbuir: '呼伦贝尔市',
  ulanqab: '乌兰察布市',
  xilinhot: '锡林浩特市',
  jungar: '准格尔旗',
  dalad: '达拉特旗',
  'ejin horo': '伊金霍洛旗',
  otog: '鄂托克旗',
};
