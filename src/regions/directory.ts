import { toSimplified } from '../text/script.js';
import { choose, type CorpusView } from './choose.js';
import {
  defaultGazetteer,
  indexAliases,
  indexPinyin,
  isWithin,
  lineage,
  levelRank,
  type AliasHit,
  type Gazetteer,
  type PinyinHit,
  type Place,
} from './gazetteer.js';
import { loadGeneralWords, type GeneralWords } from './general-words.js';
import { findMentions, type Found } from './mentions.js';
import { aliasesOfName, MIN_STEM_CHARS, splitName, zonePlace, charLength } from './names.js';
import { placeCorpusRegions } from './placement.js';
import type { ScanSource } from './scan.js';
import type { RegionMention, RegionProblem, RegionRef, ScopeEntry } from './types.js';

export interface RegionDirectoryOptions {
  /** The division tree and its names; the GB/T 2260 dataset by default. */
  gazetteer?: Gazetteer;
  /**
   * Cuts Chinese text into dictionary words, guessing no unknown words (jieba without HMM). With it,
   * a name that words of general Chinese overlap or hold is not read as a place (朝阳 in 朝阳产业,
   * 新平 in 创新平台); without it, it is.
   */
  segment?: (text: string) => string[];
  /** Texts each corpus region's documents write it in (issuers, titles), for placing a name several divisions bear. */
  writtenWith?: ReadonlyMap<string, readonly string[]>;
  /** What general Chinese says about names; nodejieba's general dictionary by default. */
  generalWords?: GeneralWords;
}

/** Characters of text on each side of a name that are segmented to see whether a word overlaps it: longer than most words. */
const SEGMENT_WINDOW = 6;

/**
 * The regions policies are filed under, placed in China's division tree, with every name users call
 * them by. Built once per corpus; pure after that (no I/O).
 */
export class RegionDirectory {
  /** The corpus regions, as filed. */
  readonly regions: string[];
  /** Corpus regions that could not be placed in the division tree (no parents, no scope beyond themselves). */
  readonly problems: RegionProblem[];

  private readonly gazetteer: Gazetteer;
  private readonly placeOf = new Map<string, Place>();
  /** Each corpus place with its spellings as filed, the first one canonical. */
  private readonly spellings = new Map<Place, string[]>();
  /** Places that contain a corpus place. */
  private readonly holders = new Set<Place>();
  private readonly corpusProvinces = new Set<Place>();
  private readonly localAliases = new Map<string, AliasHit[]>();
  private localPinyinIndex: Map<string, PinyinHit[]> | null = null;
  private readonly lengthsByOpening = new Map<string, number[]>();
  private readonly general: GeneralWords;
  private readonly segment: ((text: string) => string[]) | null;
  private readonly view: CorpusView;
  private readonly source: ScanSource;

  constructor(corpusRegions: Iterable<string>, options: RegionDirectoryOptions = {}) {
    this.gazetteer = options.gazetteer ?? defaultGazetteer();
    this.regions = [...new Set([...corpusRegions].map((r) => r.trim()).filter((r) => r !== ''))].sort();
    const { placed, problems } = placeCorpusRegions(this.regions, this.gazetteer, (region) => options.writtenWith?.get(region) ?? []);
    this.problems = problems;
    for (const [region, place] of placed) {
      this.placeOf.set(region, place);
      this.spellings.set(place, [...(this.spellings.get(place) ?? []), region]);
      for (const ancestor of lineage(place).slice(1)) this.holders.add(ancestor);
      this.corpusProvinces.add(provinceOf(place));
    }
    this.view = { inCorpus: (p) => this.spellings.has(p), holdsCorpus: (p) => this.holders.has(p) };
    // Texts are read in simplified script, so a spelling filed in traditional script is indexed in both.
    indexAliases(
      [...this.spellings].map(([place, names]) => ({ place, names: [...new Set([...names, ...names.map(toSimplified)])] })),
      this.localAliases,
    );
    this.addZonePointers();
    for (const alias of [...this.gazetteer.aliases.keys(), ...this.localAliases.keys()]) {
      const opening = alias.slice(0, 2);
      const lengths = this.lengthsByOpening.get(opening) ?? [];
      if (!lengths.includes(alias.length)) this.lengthsByOpening.set(opening, [...lengths, alias.length].sort((a, b) => b - a));
    }
    this.general = options.generalWords ?? loadGeneralWords(this.gazetteer.aliasNames);
    this.segment = options.segment ?? null;
    this.source = {
      aliasHits: (alias) => this.aliasHits(alias),
      aliasLengths: (opening) => this.lengthsByOpening.get(opening) ?? [],
      pinyinHits: (key) => this.pinyinHits(key),
      placeNamed: (name) => this.gazetteer.byName.get(name)?.[0] ?? null,
      accepts: (place, alias, bare, after) => this.accepts(place, alias, bare, after),
      splitByWords: (text, start, end, bare, onFile) => this.splitByWords(text, start, end, bare, onFile),
      onFile: (place) => this.view.inCorpus(place),
    };
  }

  /** The corpus region a user means by a name, short name, pinyin or traditional spelling; null if none is on file. */
  canonical(nameOrAlias: string): string | null {
    const place = this.placeFor(nameOrAlias);
    return place ? (this.spellings.get(place)?.[0] ?? null) : null;
  }

  /** The region a name denotes, on file or not (扬州 → 扬州市, Hangzhou → 杭州市); null if unknown or ambiguous. */
  resolve(nameOrAlias: string): RegionRef | null {
    const place = this.placeFor(nameOrAlias);
    return place ? this.ref(place) : null;
  }

  /** Every Chinese name a user may call a region by: full names first, then short forms. */
  aliases(region: string): string[] {
    const place = this.placeFor(region);
    if (!place) return [];
    const names = [...(this.spellings.get(place) ?? []), place.name];
    const out = new Set<string>();
    for (const name of names) for (const { alias } of aliasesOfName(name)) out.add(alias);
    for (const [alias, hits] of this.localAliases) if (hits.some((h) => h.place === place)) out.add(alias);
    return [...out];
  }

  /** The regions above this one, nearest first (太仓市 → 苏州市, 江苏省). */
  parents(region: string): RegionRef[] {
    const place = this.placeFor(region);
    return place ? lineage(place).slice(1).map((p) => this.ref(p)) : [];
  }

  /** The region lies inside the ancestor (太仓市 within 苏州市 and 江苏省); false if either is unknown. */
  within(region: string, ancestor: string): boolean {
    const place = this.placeFor(region);
    const outer = this.placeFor(ancestor);
    return place !== null && outer !== null && isWithin(place, outer);
  }

  /**
   * The corpus regions a question about `region` should search: itself, the regions on file inside
   * it (苏州 → 太仓市, 苏州工业园区), and those above it whose policies apply there (松江区 → 上海市).
   * Inside ones come by level, then name; above ones nearest first.
   */
  scope(region: string): ScopeEntry[] {
    const place = this.placeFor(region);
    if (!place) return [];
    const out: ScopeEntry[] = [];
    const add = (p: Place, relation: ScopeEntry['relation']): void => {
      for (const spelling of this.spellings.get(p) ?? []) out.push({ region: spelling, relation, level: p.level });
    };
    add(place, 'self');
    const inside = [...this.spellings.keys()].filter((p) => isWithin(p, place));
    inside.sort((a, b) => levelRank(a.level) - levelRank(b.level) || a.name.localeCompare(b.name, 'zh'));
    for (const p of inside) add(p, 'within');
    for (const p of lineage(place).slice(1)) add(p, 'above');
    return out;
  }

  /**
   * The regions a text names, in Chinese (simplified or traditional) or pinyin, in text order, each
   * with its span. Regions not on file are included with `inCorpus: false`, so that a question about
   * 杭州 can be told that no policy of 杭州市 is on file. See `findMentions` for the rules.
   */
  mentions(text: string): RegionMention[] {
    return findMentions(text, this.source, this.view).map((found) => this.mention(found));
  }

  private mention(found: Found): RegionMention {
    const span = { alias: found.alias, start: found.start, end: found.end };
    if ('place' in found) return { ...this.ref(found.place), ...span, ambiguous: [] };
    const refs = found.ambiguous.map((p) => this.ref(p));
    return { name: found.alias, level: refs[0]?.level ?? 'county', code: null, inCorpus: false, ...span, ambiguous: refs };
  }

  private ref(place: Place): RegionRef {
    const spelling = this.spellings.get(place)?.[0];
    return { name: spelling ?? place.name, level: place.level, code: place.code, inCorpus: spelling !== undefined };
  }

  /** A name given on its own (a --region option, a request field): as filed, a code, or read like a mention. */
  private placeFor(nameOrAlias: string): Place | null {
    const name = nameOrAlias.trim();
    if (name === '') return null;
    const filed = this.placeOf.get(name);
    if (filed) return filed;
    if (/^\d{2,12}$/.test(name)) return this.gazetteer.byCode.get(name) ?? null;
    const found = findMentions(name, { ...this.source, accepts: () => true, splitByWords: () => false }, this.view);
    // The whole name must be one region: "松江和嘉定" names none.
    const only = found.length === 1 ? found[0] : undefined;
    if (!only || !('place' in only) || name.slice(0, only.start).trim() !== '' || name.slice(only.end).trim() !== '') return null;
    return only.place;
  }

  private aliasHits(alias: string): AliasHit[] {
    const shared = this.gazetteer.aliases.get(alias) ?? [];
    const local = this.localAliases.get(alias);
    if (!local) return shared;
    return [...local, ...shared.filter((h) => !local.some((l) => l.place === h.place))];
  }

  private pinyinHits(key: string): PinyinHit[] {
    if (!this.localPinyinIndex) {
      // Regions the dataset lacks, and spellings other than the dataset's, are romanised here.
      this.localPinyinIndex = new Map();
      const own = [...this.spellings].map(([place, names]) => ({
        place,
        names: [...new Set(names.map(toSimplified))].filter((n) => this.gazetteer.byCode.get(place.code ?? '') !== place || n !== place.name),
      }));
      indexPinyin(
        own.filter((o) => o.names.length > 0),
        this.localPinyinIndex,
      );
    }
    const shared = this.gazetteer.pinyin.get(key) ?? [];
    const local = this.localPinyinIndex.get(key);
    return local ? [...local, ...shared] : shared;
  }

  /**
   * A zone is named after its place: 扬州 means 扬州市, and 扬州经开区 is inside it. When the zone is the
   * only region on file that 扬州 can point to, 扬州 names the zone.
   */
  private addZonePointers(): void {
    for (const [place, names] of this.spellings) {
      for (const name of names) {
        const stem = zonePlace(name);
        if (!stem || charLength(stem) < MIN_STEM_CHARS) continue;
        const hits = this.aliasHits(stem).filter((h) => h.place !== place);
        if (hits.some((h) => this.view.inCorpus(h.place))) continue;
        const choice = hits.length > 0 ? choose(hits.map((h) => h.place), [], this.view) : null;
        if (choice && !('place' in choice)) continue;
        const pointed = choice?.place ?? null;
        if (pointed && (!isWithin(place, pointed) || [...this.spellings.keys()].some((p) => p !== place && isWithin(p, pointed)))) continue;
        const list = this.localAliases.get(stem) ?? [];
        if (!list.some((h) => h.place === place)) this.localAliases.set(stem, [...list, { place, bare: true }]);
      }
    }
  }

  /**
   * Whether a name may be read as this place in running text. A region on file, or one qualified by
   * the region written before it (南京鼓楼), always; a province or prefecture-level city by any of its
   * names; a common word (和平, 城区) never. A short name of any other region (浦东, 昆山), or a
   * two-character full name (成县), only in a province that holds regions on file: users ask about
   * places near the ones a provider serves, and short names of far-off counties are mostly ordinary
   * words (上街, 长寿, 高明, 方正).
   */
  private accepts(place: Place, alias: string, bare: boolean, after: readonly Place[]): boolean {
    if (this.view.inCorpus(place) || after.some((a) => isWithin(place, a)) || place.prominent) return true;
    if (this.isOrdinaryWord(alias, bare)) return false;
    return (!bare && charLength(alias) > MIN_STEM_CHARS) || this.corpusProvinces.has(provinceOf(place));
  }

  /**
   * A short name that is a common word (和平, 长安), or a full name made of a suffix and one
   * character that is (城区, 矿区). Other full names (硚口区) are names, whatever the dictionary's tags say.
   */
  private isOrdinaryWord(alias: string, bare: boolean): boolean {
    if (bare) return this.general.isCommon(alias, true);
    return charLength(splitName(alias).stem) < MIN_STEM_CHARS && this.general.isCommon(alias, false);
  }

  /**
   * Whether the words of general Chinese around a name say it is no name here: a short name that a
   * word overlaps (新平 in 创新平台, 和政 in 和政策) or holds (朝阳 in 朝阳产业); a full name only when a
   * longer word holds it. Full names are not refused for a word that merely overlaps them:
   * segmenters often cut place names wrong (上海市长宁区 as 上海/市长/宁区).
   */
  private splitByWords(text: string, start: number, end: number, bare: boolean, onFile: boolean): boolean {
    if (!this.segment || (!bare && !this.general.mayBeInsideWord(text.slice(start, end)))) return false;
    const from = Math.max(0, start - SEGMENT_WINDOW);
    const window = text.slice(from, Math.min(text.length, end + SEGMENT_WINDOW));
    const lower = window.toLowerCase();
    let cursor = 0;
    for (const word of this.segment(window)) {
      const at = lower.indexOf(word, cursor);
      if (at < 0 || word.length < 2) continue;
      cursor = at + word.length;
      const wordStart = from + at;
      const wordEnd = wordStart + word.length;
      // A place on file that the segmenter joined to a word after it (苏州企业, 松江工厂) is still the place,
      // unless the whole is an ordinary word of its own (朝阳产业); no word follows in 苏州河.
      const rest = wordStart === start ? word.slice(end - start) : '';
      const joined = onFile && rest.length >= 2 && this.segment(rest).length === 1 && !this.general.isOrdinaryWordAroundName(word);
      const holds = wordStart <= start && wordEnd >= end && wordEnd - wordStart > end - start && !joined;
      const overlaps = (wordStart < start && wordEnd > start && wordEnd < end) || (wordStart > start && wordStart < end && wordEnd > end);
      if (holds || (bare && overlaps)) return true;
    }
    return false;
  }

}

function provinceOf(place: Place): Place {
  const chain = lineage(place);
  return chain[chain.length - 1] ?? place;
}
