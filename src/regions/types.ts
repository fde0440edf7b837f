/** The shapes the regions module hands out. */

/**
 * province: 省, 自治区, 直辖市, 特别行政区; city: prefecture level (地级市, 自治州, 地区, 盟);
 * county: 区, 县, 县级市, 旗; zone: development zones and parks (经开区, 高新区, 工业园区…);
 * town: 镇, 乡, 街道.
 */
export type RegionLevel = 'province' | 'city' | 'county' | 'zone' | 'town';

/** One administrative division of GB/T 2260 (or a zone the dataset lists beside them). */
export interface Division {
  code: string;
  name: string;
  level: RegionLevel;
  /** The code of the division it belongs to; null for a province. */
  parent: string | null;
}

export interface RegionRef {
  /** The corpus spelling for a region on file, else the dataset's name. */
  name: string;
  level: RegionLevel;
  /** GB/T 2260 code; null for a region the dataset does not list (many zones). */
  code: string | null;
  /** Policies are filed under this region. */
  inCorpus: boolean;
}

export interface RegionMention extends RegionRef {
  /** The words as the text has them (浦东, Songjiang District, 蘇州). */
  alias: string;
  /** UTF-16 offsets in the text given to `mentions`, end exclusive. */
  start: number;
  end: number;
  /**
   * Several regions answer to these words and nothing says which (鼓楼区; Suzhou when neither 苏州 nor
   * 宿州 is related to the corpus): each of them. Then `name` is the alias, `code` null and
   * `inCorpus` false. Empty when the mention is resolved.
   */
  ambiguous: RegionRef[];
}

export type ScopeRelation = 'self' | 'within' | 'above';

export interface ScopeEntry {
  /** A region as policies are filed under it. */
  region: string;
  /** self: the region asked about; within: inside it (太仓市 for 苏州); above: it contains the region asked about, so its policies apply there too (上海市 for 松江区). */
  relation: ScopeRelation;
  level: RegionLevel;
}

/** A corpus region the directory could not place, and why. */
export interface RegionProblem {
  region: string;
  problem: 'unknown' | 'ambiguous';
  /** For an ambiguous name: the divisions it could be. */
  candidates: RegionRef[];
}
