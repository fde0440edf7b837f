/** What question reading needs to know about a corpus: which terms it uses, and how often. */
export interface CorpusStatistics {
  readonly clauseCount: number;
  /** The IDF of a term no clause uses: the most a term can say. */
  readonly maxIdf: number;
  /** Average clause length in terms, for BM25's length normalisation. */
  readonly averageLength: number;
  has(term: string): boolean;
  idf(term: string): number;
  /** Share of clauses that use the term (0 when none does). */
  share(term: string): number;
  /** The corpus's terms that begin with a character, for reading abbreviations. */
  termsStartingWith(char: string): readonly string[];
}
