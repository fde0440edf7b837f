import { defaultGazetteer, isWithin, type Gazetteer, type Place } from '../regions/gazetteer.js';
import { loadGeneralWords, type GeneralWords } from '../regions/general-words.js';
import { charLength, MIN_STEM_CHARS, splitName, zoneSuffixAt } from '../regions/names.js';

/**
 * The places a policy's own words name, read with the GB/T 2260 divisions and the naming rules of
 * the regions module: full names (长阳土家族自治县), their short forms (长阳县, 扬州经开区, 广西), and
 * chains (上海市浦东新区). Text is expected in simplified script. The division data and the general
 * dictionary are read once per process, the dictionary only when a short name needs checking.
 */

/** One place a text names: several divisions when the name alone does not say which (宝山区). */
export interface PlaceName {
  /** The division's name; for a unit the divisions lack (西咸新区), the name as written. */
  name: string;
  /** The divisions it may be; empty for a unit the divisions lack. */
  places: Place[];
  /** For a unit the divisions lack: the place written before it (陕西省 of 陕西省西咸新区). */
  parent: PlaceName | null;
  /** Written as a short name without suffix (广西, 萧山): weaker evidence. */
  bare: boolean;
  start: number;
  end: number;
}

/** A place stem with more characters than this is a phrase, not a name (张江, 西咸 are two). */
const MAX_UNIT_STEM = 4;
/** Words of organisations: a stem holding one (国家税务总局苏州) is no place's. */
const ORGANISATION_WORD = /[局委办厅部院会司署省市县区]|政府|中心|国家|集团/;

let lengths: { gazetteer: Gazetteer; byOpening: Map<string, number[]> } | null = null;
let general: GeneralWords | null = null;

function aliasLengths(gazetteer: Gazetteer, opening: string): number[] {
  if (lengths?.gazetteer !== gazetteer) {
    const byOpening = new Map<string, number[]>();
    for (const alias of gazetteer.aliases.keys()) {
      const key = alias.slice(0, 2);
      const list = byOpening.get(key) ?? [];
      if (!list.includes(alias.length)) byOpening.set(key, [...list, alias.length].sort((a, b) => b - a));
    }
    lengths = { gazetteer, byOpening };
  }
  return lengths.byOpening.get(opening) ?? [];
}

/** An everyday word of general Chinese (中山 of 中山大学, 和平): not read as a place when written bare. */
function isEverydayWord(gazetteer: Gazetteer, alias: string): boolean {
  general ??= loadGeneralWords(gazetteer.aliasNames);
  return general.isCommon(alias, true);
}

function nameOf(places: Place[], alias: string): string {
  const names = new Set(places.map((p) => p.name));
  return names.size === 1 ? (places[0]?.name ?? alias) : alias;
}

/** `inner` lies inside `outer` (太仓市 inside 苏州市; 西咸新区 of 陕西省西咸新区 inside 陕西省). */
export function holds(outer: PlaceName, inner: PlaceName): boolean {
  if (inner.places.length > 0) return inner.places.some((p) => outer.places.some((q) => isWithin(p, q)));
  const parent = inner.parent;
  return parent !== null && (parent.name === outer.name || holds(outer, parent));
}

/**
 * The longest name at `at`. A bare short name is taken when it names a province or prefecture, or
 * lies within `context`; a short name of a county only where the caller allows it (`bareCounty`)
 * and it is no everyday word.
 */
export function placeAt(text: string, at: number, context: PlaceName | null, bareCounty: (alias: string) => boolean, gazetteer = defaultGazetteer()): PlaceName | null {
  for (const length of aliasLengths(gazetteer, text.slice(at, at + 2))) {
    const alias = text.slice(at, at + length);
    if (alias.length < length) continue;
    let hits = gazetteer.aliases.get(alias) ?? [];
    if (context && context.places.length > 0) {
      const inside = hits.filter((h) => context.places.some((c) => isWithin(h.place, c)));
      if (inside.length > 0) hits = inside;
    }
    const bare = hits.length > 0 && hits.every((h) => h.bare);
    if (hits.length === 0) continue;
    if (bare) {
      const withinContext = context !== null && hits.some((h) => context.places.some((c) => isWithin(h.place, c)));
      const prominent = hits.some((h) => h.place.prominent);
      // As the region directory reads them: a province's or prefecture's short name is a name.
      if (!withinContext && !prominent && (!bareCounty(alias) || isEverydayWord(gazetteer, alias))) continue;
    }
    const places = [...new Set(hits.map((h) => h.place))];
    return { name: nameOf(places, alias), places, parent: null, bare, start: at, end: at + length };
  }
  return null;
}

/** A unit the divisions lack, named by the rules of Chinese names: a short stem and a suffix (西咸新区, 张江高新区). */
export function unitAt(text: string, at: number, parent: PlaceName | null): PlaceName | null {
  // A zone suffix straight after a place is a zone named after it (长沙 + 经济技术开发区), whose name
  // is the two together, not the suffix alone.
  const zone = parent && parent.end === at ? zoneSuffixAt(text, at) : null;
  if (parent && zone) return { name: text.slice(parent.start, at) + zone, places: [], parent, bare: false, start: at, end: at + zone.length };
  for (let end = at + MIN_STEM_CHARS + 1; end <= Math.min(text.length, at + MAX_UNIT_STEM + 9); end++) {
    const candidate = text.slice(at, end);
    const { stem, kind } = splitName(candidate);
    if (!kind || kind.level === 'town' || kind.level === 'province') continue;
    const stemLength = charLength(stem);
    if (stemLength < MIN_STEM_CHARS || stemLength > MAX_UNIT_STEM || ORGANISATION_WORD.test(stem) || !/^\p{Script=Han}+$/u.test(stem)) continue;
    return { name: candidate, places: [], parent, bare: false, start: at, end };
  }
  return null;
}

/**
 * The places an organisation's name starts with, outermost first (上海市浦东新区人民政府 → 上海市,
 * 浦东新区; 中共江苏省委 → 江苏省; 陕西省西咸新区管委会 → 陕西省, 西咸新区).
 */
export function leadingPlaces(name: string, bareCounty: (alias: string) => boolean = () => true): PlaceName[] {
  const text = name.replace(/^(中共|中国共产党)/, '');
  const offset = name.length - text.length;
  const chain: PlaceName[] = [];
  let context: PlaceName | null = null;
  for (let at = 0; at < text.length; ) {
    const found: PlaceName | null = placeAt(text, at, context, bareCounty) ?? unitAt(text, at, context);
    if (!found) break;
    chain.push({ ...found, start: found.start + offset, end: found.end + offset });
    context = found;
    at = found.end;
  }
  return chain;
}

/**
 * Places named anywhere in a text, in order: full names and short names of provinces and prefectures;
 * short names of counties only where `bareCounty` allows. Titles of other documents quoted in it
 * (《…》, 〈…〉) are skipped: a place there is the other document's.
 */
export function mentionedPlaces(text: string, bareCounty: (alias: string) => boolean = () => false): PlaceName[] {
  const out: PlaceName[] = [];
  let depth = 0;
  for (let at = 0; at < text.length; ) {
    const char = text[at] ?? '';
    if (char === '《' || char === '〈' || char === '<') depth++;
    else if ((char === '》' || char === '〉' || char === '>') && depth > 0) depth--;
    const found = depth === 0 ? placeAt(text, at, out[out.length - 1] ?? null, bareCounty) : null;
    if (found) {
      out.push(found);
      at = found.end;
    } else {
      at++;
    }
  }
  return out;
}
