import { toSimplified } from '../text/script.js';
import { choose, type CorpusView } from './choose.js';
import { isWithin, makePlace, type Gazetteer, type Place } from './gazetteer.js';
import { MIN_STEM_CHARS, splitName } from './names.js';
import type { RegionProblem } from './types.js';

/**
 * Where each region policies are filed under sits in the division tree. A name the dataset lists is
 * that division (太仓市); a short or looser spelling finds it too (扬州经开区 → 扬州经济技术开发区); a
 * qualified name is read as a chain (上海市松江区). A name the dataset lacks — most zones (太仓港经济技术开发区) —
 * becomes a region of its own under the place its name starts with (太仓市). A name several divisions
 * bear (鼓楼区) is placed beside the other corpus regions, or left unplaced and reported.
 */

export interface Placement {
  /** Each corpus region, as filed, with its place. */
  placed: Map<string, Place>;
  problems: RegionProblem[];
}

/**
 * `writtenWith`: texts a region's documents write it in (its issuer, its title). A name several
 * divisions bear is placed by the place written before it there (沈阳市 of 沈阳市铁西区人民政府).
 */
export function placeCorpusRegions(regions: string[], gazetteer: Gazetteer, writtenWith: (region: string) => readonly string[] = () => []): Placement {
  const placed = new Map<string, Place>();
  const problems: RegionProblem[] = [];
  const pending: { region: string; name: string; candidates: Place[] }[] = [];
  for (const region of regions) {
    const name = toSimplified(region.trim());
    const candidates = candidatesFor(name, gazetteer);
    if (candidates.length === 1 && candidates[0]) placed.set(region, candidates[0]);
    else pending.push({ region, name, candidates });
  }

  // Names several divisions bear are placed by the regions placed so far.
  const known = new Set(placed.values());
  const view: CorpusView = {
    inCorpus: (p) => known.has(p),
    holdsCorpus: (p) => [...known].some((k) => isWithin(k, p)),
  };
  for (const { region, name, candidates } of pending) {
    const qualified = candidates.length > 1 ? qualifiedPlace(name, candidates, writtenWith(region), gazetteer) : null;
    if (qualified) {
      placed.set(region, qualified);
      continue;
    }
    if (candidates.length > 1) {
      const choice = choose(candidates, [], view);
      if ('place' in choice) {
        placed.set(region, choice.place);
      } else {
        const level = choice.ambiguous[0]?.level ?? 'county';
        placed.set(region, makePlace(name, level, null, null));
        problems.push({ region, problem: 'ambiguous', candidates: choice.ambiguous.map((p) => ({ name: p.name, level: p.level, code: p.code, inCorpus: false })) });
      }
      continue;
    }
    const parent = placeByPrefix(name, gazetteer, view);
    const { kind } = splitName(name);
    placed.set(region, makePlace(name, kind?.level ?? 'county', null, parent));
    if (!parent) problems.push({ region, problem: 'unknown', candidates: [] });
  }
  return { placed, problems };
}

/** Longest qualifier read before a name (新疆维吾尔自治区 is nine characters before its city). */
const MAX_QUALIFIER_CHARS = 10;

/** The one candidate a text places by the names written right before the region's (沈阳市铁西区), or null. */
function qualifiedPlace(name: string, candidates: Place[], texts: readonly string[], gazetteer: Gazetteer): Place | null {
  const found = new Set<Place>();
  for (const text of texts.map(toSimplified)) {
    const at = text.indexOf(name);
    for (let k = MIN_STEM_CHARS; at >= k && k <= MAX_QUALIFIER_CHARS; k++) {
      for (const place of chain(text.slice(at - k, at + name.length), gazetteer)) if (candidates.includes(place)) found.add(place);
    }
  }
  return found.size === 1 ? ([...found][0] ?? null) : null;
}

/** The divisions a name may be, best reading first: the name itself, a looser spelling, a chain, a town. */
function candidatesFor(name: string, gazetteer: Gazetteer): Place[] {
  const exact = gazetteer.byName.get(name);
  if (exact) return exact;
  const spelled = (gazetteer.aliases.get(name) ?? []).filter((h) => !h.bare).map((h) => h.place);
  if (spelled.length > 0) return [...new Set(spelled)];
  const chained = chain(name, gazetteer);
  if (chained.length > 0) return chained;
  if (splitName(name).kind?.level === 'town') {
    const towns = gazetteer.towns(name);
    if (towns.length > 0) return towns;
  }
  return [...new Set((gazetteer.aliases.get(name) ?? []).map((h) => h.place))];
}

/** 上海市松江区, 江苏省苏州市太仓市, 苏州太仓: the last unit, within the ones before it. */
function chain(name: string, gazetteer: Gazetteer): Place[] {
  for (let cut = name.length - MIN_STEM_CHARS; cut >= MIN_STEM_CHARS; cut--) {
    const outer = (gazetteer.aliases.get(name.slice(0, cut)) ?? []).map((h) => h.place);
    if (outer.length === 0) continue;
    const inner = candidatesFor(name.slice(cut), gazetteer).filter((p) => outer.some((o) => isWithin(p, o)));
    if (inner.length > 0) return inner;
  }
  return [];
}

/** The place a name the dataset lacks starts with: 太仓 of 太仓港经济技术开发区. */
function placeByPrefix(name: string, gazetteer: Gazetteer, view: CorpusView): Place | null {
  for (let cut = name.length - 1; cut >= MIN_STEM_CHARS; cut--) {
    const hits = (gazetteer.aliases.get(name.slice(0, cut)) ?? []).map((h) => h.place);
    if (hits.length === 0) continue;
    const choice = choose(hits, [], view);
    return 'place' in choice ? choice.place : null;
  }
  return null;
}
