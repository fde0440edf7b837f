export type IsoDate = string; // YYYY-MM-DD

export type ValidityStatus = 'in-force' | 'expired' | 'abolished' | 'not-yet-in-force' | 'unknown';

export type ClauseKind = 'numbered' | 'paragraph' | 'table-row';

export interface Clause {
  /** Stable within a corpus build: `${policyId}#${ordinal}`. */
  id: string;
  policyId: string;
  /** The clause as cited: 第五条, （三）, 5, 一, 序言, 末段, 附表第3行. */
  label: string;
  kind: ClauseKind;
  /** Headings of the sections the clause sits in, outermost first. */
  sectionPath: string[];
  /** The whole clause, as the document words it. */
  text: string;
  /** What a table row means without its table: caption and column headings. */
  context?: string;
  /** The units a responsibility note names (（责任单位：市经信局）), or null. */
  responsible: string | null;
}

export interface PolicyMetadata {
  id: string;
  title: string;
  docNumber: string | null;
  issuer: string | null;
  /** The most specific administrative area the policy applies to, simplified: 松江区, 太仓市. */
  region: string;
  issued: IsoDate | null;
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
  /** The clause that states the validity window, when the text states one. */
  validityClauseId: string | null;
  /** 发布日期, as a site or database header gives it. */
  published: IsoDate | null;
  /** 索引号, the site's catalogue number. */
  indexNumber: string | null;
  /** What a site header says of validity (有效性：现行有效 / 失效), as printed. */
  declaredValidity: string | null;
  /** A draft published for comment (征求意见稿): not in force whatever its dates say. */
  draft: boolean;
  /** The clauses of the draft's notice: until when comments are taken, and that it binds no one yet. */
  draftNoticeClauseIds: string[];
  /** The policy that abolishes this one, the day that takes effect, and the clause that says so. */
  abolishedBy: string | null;
  abolishedOn: IsoDate | null;
  abolishedByClauseId: string | null;
  /** Fields the text names but that could not be read (a garbled date): reported, never guessed. */
  warnings: string[];
}

export interface Policy extends PolicyMetadata {
  clauses: Clause[];
  /** The file the policy was read from, relative to the corpus folder. */
  source: string;
}
