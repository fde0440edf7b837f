import { pinyin } from 'pinyin-pro';
import { splitName } from './names.js';

/**
 * A region's name as an English answer writes it: its stem in pinyin and its suffix in English, with
 * the Chinese after it so the reader can match the policy text (武进区 → Wujin District (武进区)); a
 * name whose reading is uncertain stays in Chinese.
 */

const HAN = /^\p{Script=Han}+$/u;
const cache = new Map<string, string>();
/** Names are few (the regions on file); the cache only stops a hostile corpus growing it forever. */
const CACHE_LIMIT = 10_000;

const SMALL_WORDS = new Set(['and', 'of']);
const capitalise = (phrase: string): string =>
  phrase
    .split(' ')
    .map((w, i) => (i > 0 && SMALL_WORDS.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(' ');

export function englishRegionName(name: string): string {
  const cached = cache.get(name);
  if (cached) return cached;
  const { stem, kind } = splitName(name);
  let english = name;
  // A character with several readings may be read wrongly (闵行 is minhang, the library says minxing):
  // such a name stays in Chinese rather than be romanised wrongly.
  const polyphonic = [...stem].some((c) => new Set(pinyin(c, { multiple: true, type: 'array', toneType: 'none' })).size > 1);
  if (HAN.test(stem) && stem !== '' && !polyphonic) {
    // The whole name is read so that polyphones take their place-name reading (闵行 minhang); the
    // segmenter the region directory uses reads every GB/T 2260 name as the default one does.
    const syllables = pinyin(name, { toneType: 'none', type: 'array', v: true, segmentit: 2 }).slice(0, [...stem].length);
    const romanised = capitalise(syllables.join('').replace(/v/g, 'u'));
    const suffix = kind?.english[0] ? ` ${capitalise(kind.english[0])}` : '';
    english = `${romanised}${suffix} (${name})`;
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(name, english);
  return english;
}
