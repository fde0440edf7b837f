import { idf as bm25Idf } from './bm25.js';
import type { SearchIndex } from './index.js';
import type { CorpusStatistics } from './statistics.js';

/**
 * Term statistics over some clauses of the corpus (those of the regions a question asks about).
 * What a term is known as stays the corpus's; how often it occurs is counted in these clauses only,
 * so that policies of other regions cannot change how a question about these regions is weighed.
 */
export class ScopeStatistics implements CorpusStatistics {
  readonly clauseCount: number;
  readonly maxIdf: number;
  readonly averageLength: number;
  private readonly counts = new Map<string, number>();

  constructor(
    private readonly index: SearchIndex,
    private readonly positions: readonly number[],
  ) {
    this.clauseCount = positions.length;
    this.maxIdf = bm25Idf(this.clauseCount, 0);
    const total = positions.reduce((sum, p) => sum + (index.clauses[p]?.length ?? 0), 0);
    this.averageLength = positions.length > 0 ? total / positions.length : index.averageLength;
  }

  has(term: string): boolean {
    return this.index.has(term);
  }

  /** Clauses of the scope that use the term, counted once per term. */
  documentFrequency(term: string): number {
    let count = this.counts.get(term);
    if (count !== undefined) return count;
    const id = this.index.termId(term);
    count = 0;
    if (id !== undefined) for (const position of this.positions) if (this.index.countOf(position, id) > 0) count++;
    this.counts.set(term, count);
    return count;
  }

  /**
   * A term the scope's clauses never use counts as if one did: it cannot tell these clauses apart,
   * and it must not outweigh the rarest word they do use (it is known elsewhere in the corpus).
   */
  idf(term: string): number {
    return bm25Idf(this.clauseCount, Math.max(1, this.documentFrequency(term)));
  }

  share(term: string): number {
    return this.clauseCount === 0 ? 0 : this.documentFrequency(term) / this.clauseCount;
  }

  termsStartingWith(char: string): readonly string[] {
    return this.index.termsStartingWith(char);
  }
}
