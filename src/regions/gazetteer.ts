import { loadDivisions, loadTowns } from './divisions.js';
import { aliasesOfName, splitName, type SuffixKind } from './names.js';
import { romaniseAll, type Romanisation } from './pinyin.js';
import type { Division, RegionLevel } from './types.js';

/**
 * Every region the directory knows, whether or not policies are filed under it, with the names and
 * romanisations that find it. Built once per process from the division dataset and shared by every
 * directory; a directory adds the corpus regions the dataset lacks in its own small index.
 */

export interface Place {
  readonly name: string;
  readonly level: RegionLevel;
  readonly code: string | null;
  readonly parent: Place | null;
  /** Province-level or prefecture-level: known well enough that its short name alone names it. */
  readonly prominent: boolean;
  readonly kind: SuffixKind | null;
}

export interface AliasHit {
  place: Place;
  /** A stem without suffix (浦东 for 浦东新区). */
  bare: boolean;
}

/** bare: the stem, usable alone; stem: a zone's place stem, usable only before an English suffix; full: the whole name. */
export type PinyinForm = 'bare' | 'stem' | 'full';

export interface PinyinHit {
  place: Place;
  form: PinyinForm;
  romanisation: Romanisation;
}

const LEVEL_RANK: Record<RegionLevel, number> = { province: 0, city: 1, county: 2, zone: 3, town: 4 };

export function levelRank(level: RegionLevel): number {
  return LEVEL_RANK[level];
}

export function makePlace(name: string, level: RegionLevel, code: string | null, parent: Place | null): Place {
  return { name, level, code, parent, prominent: level === 'province' || level === 'city', kind: splitName(name).kind };
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Adds places' Chinese names to an alias index. */
export function indexAliases(entries: { place: Place; names: string[] }[], aliases: Map<string, AliasHit[]>): void {
  for (const { place, names } of entries) {
    for (const name of names) {
      for (const { alias, bare } of aliasesOfName(name)) {
        if (!aliases.get(alias)?.some((h) => h.place === place)) push(aliases, alias, { place, bare });
      }
    }
  }
}

/**
 * Adds places' romanised stems to a pinyin index: the bare stem of a region (Songjiang), the place
 * stem of a zone (Yangzhou, usable before ETDZ only). A suffix in pinyin (Songjiang Qu) is read as an
 * English suffix word.
 */
export function indexPinyin(entries: { place: Place; names: string[] }[], pinyin: Map<string, PinyinHit[]>): void {
  const toRomanise: { place: Place; text: string; form: PinyinForm }[] = [];
  for (const { place, names } of entries) {
    for (const name of names) {
      const { stem, kind } = splitName(name);
      if (kind?.zone) toRomanise.push({ place, text: stem, form: 'stem' });
      else if (aliasesOfName(name).some((a) => a.bare)) toRomanise.push({ place, text: stem, form: 'bare' });
      else toRomanise.push({ place, text: name, form: 'full' });
    }
  }
  const romanised = romaniseAll(toRomanise.map((r) => r.text));
  for (const { place, text, form } of toRomanise) {
    for (const romanisation of romanised.get(text) ?? []) push(pinyin, romanisation.key, { place, form, romanisation });
  }
}

export class Gazetteer {
  readonly places: Place[] = [];
  readonly byCode = new Map<string, Place>();
  readonly byName = new Map<string, Place[]>();
  readonly aliases = new Map<string, AliasHit[]>();
  /** Every alias, for looking names up in general-language data. */
  readonly aliasNames: Set<string>;
  private pinyinIndex: Map<string, PinyinHit[]> | null = null;
  private townsByName: Map<string, Place[]> | null = null;

  /** Divisions must come parents first (the dataset's order). */
  constructor(
    divisions: Division[],
    private readonly readTowns: () => Division[] = loadTowns,
  ) {
    for (const d of divisions) {
      const parent = d.parent === null ? null : (this.byCode.get(d.parent) ?? null);
      const place = makePlace(d.name, d.level, d.code, parent);
      this.places.push(place);
      this.byCode.set(d.code, place);
      push(this.byName, d.name, place);
    }
    indexAliases(
      this.places.map((place) => ({ place, names: [place.name] })),
      this.aliases,
    );
    this.aliasNames = new Set(this.aliases.keys());
  }

  /** Romanised names, built the first time an English name is looked up (about 0.2 s). */
  get pinyin(): Map<string, PinyinHit[]> {
    if (!this.pinyinIndex) {
      this.pinyinIndex = new Map();
      indexPinyin(
        this.places.map((place) => ({ place, names: [place.name] })),
        this.pinyinIndex,
      );
    }
    return this.pinyinIndex;
  }

  /** Towns of this name (城厢镇, 娄东街道); the town list is read the first time one is asked for. */
  towns(name: string): Place[] {
    if (!this.townsByName) {
      this.townsByName = new Map();
      for (const t of this.readTowns()) {
        const parent = t.parent === null ? null : (this.byCode.get(t.parent) ?? null);
        push(this.townsByName, t.name, makePlace(t.name, 'town', t.code, parent));
      }
    }
    return this.townsByName.get(name) ?? [];
  }
}

let shared: Gazetteer | null = null;

/** The gazetteer of the GB/T 2260 dataset, built once per process. */
export function defaultGazetteer(): Gazetteer {
  shared ??= new Gazetteer(loadDivisions());
  return shared;
}

/** The place and its ancestors, nearest first. */
export function lineage(place: Place): Place[] {
  const out: Place[] = [];
  for (let p: Place | null = place; p; p = p.parent) out.push(p);
  return out;
}

export function isWithin(place: Place, ancestor: Place): boolean {
  for (let p = place.parent; p; p = p.parent) if (p === ancestor) return true;
  return false;
}
