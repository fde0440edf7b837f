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
}

export interface Policy extends PolicyMetadata {
  clauses: Clause[];
  /** The file the policy was read from, relative to the corpus folder. */
  source: string;
}
