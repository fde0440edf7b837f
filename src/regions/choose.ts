import { isWithin, levelRank, type Place } from './gazetteer.js';

/**
 * Which region a name shared by several means (朝阳: a city and three counties; 鼓楼区: four districts;
 * Suzhou: 苏州 and 宿州). The evidence, strongest first; each kind that singles out some candidates
 * narrows them, and the next decides among those left:
 *  1. a region the same text names contains it (南京鼓楼区, 北京朝阳) — what the user wrote beats what
 *     the corpus happens to hold;
 *  2. it is on file;
 *  3. it contains a region on file (Suzhou → 苏州市 for a corpus with 太仓市);
 *  4. it sits beside a region on file, under the same parent (鼓楼区 of 南京 for a corpus with 玄武区).
 * Among the candidates left, one of a higher level than all others wins (吉林 → 吉林省, 朝阳 → 朝阳市):
 * a prefecture named like its province, or a county like its prefecture, is called with its suffix.
 * Otherwise the name stays ambiguous: nothing is guessed.
 */

export interface CorpusView {
  inCorpus(place: Place): boolean;
  /** The place contains a region on file. */
  holdsCorpus(place: Place): boolean;
}

export type Choice = { place: Place } | { ambiguous: Place[] };

export function choose(candidates: Place[], context: Place[], corpus: CorpusView): Choice {
  const places = [...new Set(candidates)];
  if (places.length === 1 && places[0]) return { place: places[0] };
  const tiers: ((p: Place) => boolean)[] = [
    (p) => context.some((c) => c !== p && isWithin(p, c)),
    (p) => corpus.inCorpus(p),
    (p) => corpus.holdsCorpus(p),
    (p) => p.parent !== null && (corpus.holdsCorpus(p.parent) || corpus.inCorpus(p.parent)),
  ];
  // Each kind of evidence narrows what the stronger ones left (辽宁省 leaves two 铁西区; the one on file wins).
  let pool = places;
  for (const tier of tiers) {
    if (pool.length === 1) break;
    const chosen = pool.filter(tier);
    if (chosen.length > 0) pool = chosen;
  }
  return byLevel(pool);
}

function byLevel(places: Place[]): Choice {
  if (places.length === 1 && places[0]) return { place: places[0] };
  const top = Math.min(...places.map((p) => levelRank(p.level)));
  const highest = places.filter((p) => levelRank(p.level) === top);
  return highest.length === 1 && highest[0] ? { place: highest[0] } : { ambiguous: highest };
}
