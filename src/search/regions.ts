import type { RegionDirectory, ScopeRelation } from '../regions/index.js';

/**
 * The places a question or a request names, read through the region directory (short names of any
 * suffix, pinyin, parents from GB/T 2260), as retrieval needs them.
 */

export interface RegionMention {
  /** The corpus region, or the place's own name when no policy is filed under it. */
  region: string;
  alias: string;
  /** Policies on file answer for it: its own, or those of regions within or above it. */
  inCorpus: boolean;
}

export interface RegionNames {
  /** Places a text names, in order of mention, each once. */
  mentions(text: string): RegionMention[];
  /** The region a name a user typed means (松江, 松江区, 松江區, Songjiang, 苏州 for 太仓's city), or null. */
  canonical(name: string): string | null;
  /** The corpus regions a question about a region searches, with how each relates to it. */
  scope(region: string): { region: string; relation: ScopeRelation }[];
  /** The corpus regions questions about these regions search: the union of their scopes. */
  placesOf(regions: string[]): Set<string>;
  /** Every name of a region. */
  aliases(region: string): string[];
  /** The regions policies are filed under. */
  regionsOnFile(): string[];
  /** Regions policies are filed under that the directory cannot place. */
  unplaced(): string[];
  /** Whether a region filed under a name the directory cannot place may lie in this region (a 铁西区 in 沈阳市, not in 大连市). */
  mayHoldUnplaced(region: string): boolean;
}

/**
 * A place named right after these words names an honour or a list (被评为苏州市集成电路20强, 列入省级…),
 * not where the asker is.
 */
const HONOUR_BEFORE = /(评为|获评|评定为|认定为|入选|列入|授予|荣获|获得)$/;

export class DirectoryRegionNames implements RegionNames {
  constructor(private readonly directory: RegionDirectory) {}

  mentions(text: string): RegionMention[] {
    const found = this.directory.mentions(text).filter((m) => m.ambiguous.length === 0 && !HONOUR_BEFORE.test(text.slice(Math.max(0, m.start - 4), m.start)));
    // A place holding another place the text names only says where that one lies (江苏省 in
    // "太仓对经江苏省认定的…"), unless policies are filed under it.
    const places = found.filter(
      (m) => m.inCorpus || !found.some((other) => other !== m && this.directory.within(other.code ?? other.name, m.code ?? m.name)),
    );
    const out: RegionMention[] = [];
    for (const m of places) {
      if (out.some((o) => o.region === m.name)) continue;
      out.push({ region: m.name, alias: m.alias, inCorpus: this.scope(m.code ?? m.name).length > 0 });
    }
    return out;
  }

  canonical(name: string): string | null {
    const canonical = this.directory.canonical(name);
    if (canonical) return canonical;
    const place = this.directory.resolve(name);
    return place && this.directory.scope(place.code ?? place.name).length > 0 ? place.name : null;
  }

  scope(region: string): { region: string; relation: ScopeRelation }[] {
    return this.directory.scope(region).map((s) => ({ region: s.region, relation: s.relation }));
  }

  placesOf(regions: string[]): Set<string> {
    return new Set(regions.flatMap((r) => this.scope(r).map((s) => s.region)));
  }

  aliases(region: string): string[] {
    return this.directory.aliases(region);
  }

  regionsOnFile(): string[] {
    return this.directory.regions;
  }

  unplaced(): string[] {
    return this.directory.problems.map((p) => p.region);
  }

  mayHoldUnplaced(region: string): boolean {
    const code = this.directory.resolve(region)?.code?.replace(/(00)+$/, '') ?? null;
    // A name no division bears may be anywhere; an ambiguous one only where one of its divisions is.
    return this.directory.problems.some((p) => p.problem === 'unknown' || code === null || p.candidates.some((c) => (c.code ?? '').startsWith(code)));
  }
}
