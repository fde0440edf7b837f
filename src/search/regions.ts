import { toSimplified } from '../text/script.js';

/**
 * The places a question or a request names, as regions of the corpus. (Kept behind this small
 * interface so that the region hierarchy can replace the name matching without touching retrieval.)
 */

export interface RegionMention {
  region: string;
  alias: string;
  /** Whether any policy on file belongs to the region. */
  inCorpus: boolean;
}

export interface RegionNames {
  /** Regions a prepared (simplified, lower-case) text names, longest name first. */
  mentions(text: string): RegionMention[];
  /** The corpus region for a name a user typed (松江, 松江区, 松江區), or null. */
  canonical(name: string): string | null;
  /** The corpus region an English place name stands for (songjiang, songjiang district), or undefined. */
  english(phrase: string): string | undefined;
  /** The corpus regions a question about a region searches: itself, and those within or above it. */
  scope(region: string): string[];
  /** Every name of a region, longest first. */
  aliases(region: string): string[];
}

/** Administrative suffixes, longest first, and the ethnic-autonomy part before 自治 (土家族自治县). */
const SUFFIX = /^(.{2,}?)(?:[\p{Script=Han}]{1,3}族)*(?:经济技术开发区|高新技术产业开发区|经济开发区|工业园区|高新区|经开区|开发区|保税区|特别行政区|自治区|自治州|自治县|自治旗|新区|街道|地区|省|市|区|县|旗|盟|镇|乡)$/u;

/** A region is named by its full name or by its name without its suffix (松江区, 松江; 浦东新区, 浦东). */
export function regionAliases(region: string): string[] {
  const short = SUFFIX.exec(region)?.[1] ?? region;
  return [...short].length >= 2 && short !== region ? [region, short] : [region];
}

export class CorpusRegionNames implements RegionNames {
  private readonly byAlias = new Map<string, string>();
  private readonly ordered: { alias: string; region: string }[];

  constructor(regions: string[], private readonly englishNames: ReadonlyMap<string, string[]> = new Map()) {
    for (const region of new Set(regions.filter(Boolean))) for (const alias of regionAliases(region)) if (!this.byAlias.has(alias)) this.byAlias.set(alias, region);
    this.ordered = [...this.byAlias].map(([alias, region]) => ({ alias, region })).sort((a, b) => b.alias.length - a.alias.length);
  }

  mentions(text: string): RegionMention[] {
    const found: RegionMention[] = [];
    let rest = text;
    for (const { alias, region } of this.ordered) {
      if (!rest.includes(alias)) continue;
      if (!found.some((f) => f.region === region)) found.push({ region, alias, inCorpus: true });
      rest = rest.split(alias).join(' ');
    }
    return found.sort((a, b) => text.indexOf(a.alias) - text.indexOf(b.alias));
  }

  canonical(name: string): string | null {
    return this.byAlias.get(toSimplified(name.trim())) ?? null;
  }

  english(phrase: string): string | undefined {
    const terms = this.englishNames.get(phrase);
    const region = terms?.map((t) => this.byAlias.get(t)).find((r) => r !== undefined);
    return region;
  }

  scope(region: string): string[] {
    return [region];
  }

  aliases(region: string): string[] {
    return regionAliases(region);
  }
}
