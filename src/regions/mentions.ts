import { toSimplified } from '../text/script.js';
import { choose, type CorpusView } from './choose.js';
import { isWithin, type Place } from './gazetteer.js';
import { scanChinese, scanLatin, type RawMatch, type ScanSource } from './scan.js';

/**
 * The regions a text names. Rules, in order:
 *  - Chinese names are read in simplified script (蘇州 → 苏州), pinyin names in Latin words; at each
 *    position the longest name that may be read there wins.
 *  - A name that is a common word of general Chinese (和平, 长安) is read as a place only if the
 *    place is on file or is a province or prefecture-level city; a short name of another region
 *    only if it lies in a province with regions on file (ScanSource.accepts). A short name that
 *    dictionary words overlap or hold (朝阳产业, 创新平台) is not read at all (ScanSource.splitByWords).
 *  - A name several regions bear is resolved by `choose`, with the regions the text names without
 *    doubt as context. A short name (鼓楼) that stays ambiguous among regions neither on file nor
 *    prominent is dropped: it is more likely an ordinary word than a place. A full name (鼓楼区) that
 *    stays ambiguous is reported with its candidates.
 *  - A qualified name (上海市松江区, 苏州太仓) is one mention of its last unit.
 */

interface Span {
  alias: string;
  start: number;
  end: number;
}
export type Found = Span & ({ place: Place } | { ambiguous: Place[] });

export function findMentions(text: string, source: ScanSource, corpus: CorpusView): Found[] {
  const simplified = sameLengthSimplified(text);
  const raw = [...scanChinese(simplified, source), ...scanLatin(text, source)].sort((a, b) => a.start - b.start);

  const distinct = raw.map((m) => [...new Set(m.candidates.map((c) => c.place))]);
  const context = distinct.flatMap((places) => (places.length === 1 ? places : []));
  const found: Found[] = [];
  raw.forEach((match, i) => {
    const places = distinct[i] ?? [];
    const span = { alias: text.slice(match.start, match.end), start: match.start, end: match.end };
    const choice = choose(places, context, corpus);
    if ('place' in choice) found.push({ ...span, place: choice.place });
    else if (!droppable(match, choice.ambiguous, corpus)) found.push({ ...span, ambiguous: choice.ambiguous });
  });
  return mergeChains(found, text);
}

function droppable(match: RawMatch, ambiguous: Place[], corpus: CorpusView): boolean {
  return match.candidates.every((c) => c.bare) && ambiguous.every((p) => !p.prominent && !corpus.inCorpus(p));
}

/** 上海市松江区: a region written right after the region it lies in is one mention of the inner one. */
function mergeChains(found: Found[], text: string): Found[] {
  const out: Found[] = [];
  for (const current of found) {
    const previous = out[out.length - 1];
    if (
      previous &&
      'place' in previous &&
      'place' in current &&
      text.slice(previous.end, current.start).trim() === '' &&
      isWithin(current.place, previous.place)
    ) {
      out[out.length - 1] = { ...current, start: previous.start, alias: text.slice(previous.start, current.end) };
    } else {
      out.push(current);
    }
  }
  return out;
}

/** Simplified script with the text's own offsets: converted character by character if the whole text changes length. */
function sameLengthSimplified(text: string): string {
  const whole = toSimplified(text);
  if (whole.length === text.length) return whole;
  const byChar = [...text].map((c) => {
    const s = toSimplified(c);
    return s.length === c.length ? s : c;
  });
  return byChar.join('');
}
