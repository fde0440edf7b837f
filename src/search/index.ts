import { Index } from 'flexsearch';
import { entryFor, type IndexedClause } from './clause-entry.js';
import type { Clause, Policy } from '../corpus/types.js';
import { toSimplified } from '../text/script.js';
import { withoutQuotesLowerCase, type Tokenizer } from '../text/tokenizer.js';
import { idf as bm25Idf } from './bm25.js';
import { commonThreshold, COMMON_TERM_REACH, rankTouched, selectiveTerms } from './candidates.js';
import type { CorpusStatistics } from './statistics.js';

export type { IndexedClause } from './clause-entry.js';

/**
 * The searchable form of a corpus: a FlexSearch index maps each term to the clauses that hold it, and
 * per-clause term vectors give the counts that BM25 ranks them by. Region and policy filters are
 * applied here, not with FlexSearch tags: FlexSearch 0.8 applies its result limit before its tag
 * filter (nextapps-de/flexsearch#524), which loses the clauses of a small region in a large corpus.
 * Pure: it is given policies and a tokenizer, and reads no files.
 */

/** Terms are joined with a space for FlexSearch; our tokens never contain one. */
const splitTerms = (text: string): string[] => (text === '' ? [] : text.split(' '));

/** What an index saves: its vocabulary, counts and FlexSearch export, for snapshot files. */
export interface SavedIndex {
  vocabulary: string[];
  documentFrequency: number[];
  /** Converted (simplified) text of the traditional clauses, by position. */
  converted: [number, string][];
  flex: [string, string][];
  vectors: { offsets: Uint32Array; lengths: Uint32Array; termIds: Uint32Array; counts: Uint16Array };
}

export function indexedText(clause: Clause): string {
  // A paragraph or table row does not repeat its heading; a numbered clause starts with it.
  const heading = clause.kind === 'numbered' ? '' : (clause.sectionPath[clause.sectionPath.length - 1] ?? '');
  return [heading, clause.context ?? '', clause.text].filter(Boolean).join('\n');
}

export class SearchIndex implements CorpusStatistics {
  readonly clauses: IndexedClause[] = [];
  readonly vocabulary = new Map<string, number>();
  private documentFrequency: number[] = [];
  /** Terms by id (the vocabulary's keys in order). */
  private readonly terms: string[] = [];
  private counting = new Uint32Array(1024);
  readonly averageLength: number;
  readonly maxIdf: number;
  readonly tokenCount: number;
  private readonly convertedText = new Map<number, string>();
  private readonly flex = new Index({ encode: splitTerms });
  /** Each clause's region, as a small number, for filtering candidates without a lookup. */
  private regionOf: Uint16Array = new Uint16Array(0);
  private readonly regionIds = new Map<string, number>();
  /** Scratch space for candidate counting, reused by every query (one query runs at a time). */
  private scratch: Float64Array = new Float64Array(0);
  private touched: Int32Array = new Int32Array(0);

  /** Tokenises every clause of the policies and indexes it. */
  constructor(
    readonly policies: Policy[],
    readonly tokenizer: Tokenizer,
    saved?: SavedIndex,
  ) {
    if (saved) this.restore(saved);
    else this.build();
    this.regionOf = new Uint16Array(this.clauses.length);
    this.clauses.forEach((entry, position) => {
      let id = this.regionIds.get(entry.policy.region);
      if (id === undefined) {
        id = this.regionIds.size;
        this.regionIds.set(entry.policy.region, id);
      }
      this.regionOf[position] = id;
    });
    this.scratch = new Float64Array(this.clauses.length);
    this.touched = new Int32Array(this.clauses.length);
    this.tokenCount = this.clauses.reduce((sum, c) => sum + c.length, 0);
    this.averageLength = this.clauses.length > 0 ? this.tokenCount / this.clauses.length : 1;
    this.maxIdf = bm25Idf(this.clauses.length, 0);
  }

  private build(): void {
    for (const policy of this.policies) {
      for (const clause of policy.clauses) {
        const raw = withoutQuotesLowerCase(indexedText(clause));
        const prepared = toSimplified(raw);
        // Only traditional text needs its converted form kept; the rest is re-read from the clause.
        if (prepared !== raw) this.convertedText.set(this.clauses.length, prepared);
        this.add(clause, policy, this.tokenizer.terms(prepared, true), prepared);
      }
    }
  }

  private add(clause: Clause, policy: Policy, terms: string[], matchable: string): void {
    // Counting into one reused array by term id is several times faster than a Map per clause.
    const seen: number[] = [];
    for (const term of terms) {
      let id = this.vocabulary.get(term);
      if (id === undefined) {
        id = this.vocabulary.size;
        this.vocabulary.set(term, id);
        this.terms.push(term);
        this.documentFrequency.push(0);
        if (id >= this.counting.length) {
          const grown = new Uint32Array(this.counting.length * 2);
          grown.set(this.counting);
          this.counting = grown;
        }
      }
      if (this.counting[id] === 0) seen.push(id);
      this.counting[id] = (this.counting[id] ?? 0) + 1;
    }
    seen.sort((a, b) => a - b);
    const ids = Uint32Array.from(seen);
    const counts = new Uint16Array(seen.length);
    const unique: string[] = [];
    seen.forEach((id, i) => {
      counts[i] = Math.min(this.counting[id] ?? 0, 0xffff);
      this.counting[id] = 0;
      this.documentFrequency[id] = (this.documentFrequency[id] ?? 0) + 1;
      unique.push(this.terms[id] ?? '');
    });
    const position = this.clauses.length;
    this.clauses.push(entryFor(clause, policy, ids, counts, terms.length, matchable));
    this.flex.add(position, unique.join(' '));
  }

  /** Everything a later process needs to search without tokenising again. */
  save(): SavedIndex {
    const total = this.clauses.reduce((sum, c) => sum + c.termIds.length, 0);
    const offsets = new Uint32Array(this.clauses.length + 1);
    const lengths = new Uint32Array(this.clauses.length);
    const termIds = new Uint32Array(total);
    const counts = new Uint16Array(total);
    let at = 0;
    this.clauses.forEach((entry, i) => {
      offsets[i] = at;
      lengths[i] = entry.length;
      termIds.set(entry.termIds, at);
      counts.set(entry.counts, at);
      at += entry.termIds.length;
    });
    offsets[this.clauses.length] = at;
    const flex: [string, string][] = [];
    void this.flex.export((key: string, data: string) => {
      flex.push([key, data]);
    });
    return {
      vocabulary: [...this.terms],
      documentFrequency: [...this.documentFrequency],
      converted: [...this.convertedText],
      flex,
      vectors: { offsets, lengths, termIds, counts },
    };
  }

  private restore(saved: SavedIndex): void {
    saved.vocabulary.forEach((term, id) => {
      this.vocabulary.set(term, id);
      this.terms.push(term);
    });
    this.documentFrequency = [...saved.documentFrequency];
    for (const [position, text] of saved.converted) this.convertedText.set(position, text);
    const { offsets, lengths, termIds, counts } = saved.vectors;
    let position = 0;
    for (const policy of this.policies) {
      for (const clause of policy.clauses) {
        const from = offsets[position] ?? 0;
        const to = offsets[position + 1] ?? from;
        const matchable = this.convertedText.get(position) ?? indexedText(clause);
        this.clauses.push(entryFor(clause, policy, termIds.subarray(from, to), counts.subarray(from, to), lengths[position] ?? 0, matchable));
        position++;
      }
    }
    if (position !== lengths.length) throw new Error(`saved index has ${lengths.length} clauses, the corpus ${position}`);
    for (const [key, data] of saved.flex) this.flex.import(key, data);
  }

  /** The indexed text as terms are cut from it (simplified, lower case), for phrase matches. */
  matchText(position: number): string {
    const clause = this.clauses[position]?.clause;
    if (!clause) return '';
    return this.convertedText.get(position) ?? withoutQuotesLowerCase(indexedText(clause));
  }

  get clauseCount(): number {
    return this.clauses.length;
  }

  /** A clause's own words prepared for matching, without the heading or caption it is indexed with. */
  ownText(position: number): string {
    const clause = this.clauses[position]?.clause;
    return clause ? toSimplified(withoutQuotesLowerCase(clause.text)) : '';
  }

  has(term: string): boolean {
    return this.vocabulary.has(term);
  }

  share(term: string): number {
    const id = this.vocabulary.get(term);
    return id === undefined || this.clauses.length === 0 ? 0 : this.documentFrequencyOf(id) / this.clauses.length;
  }

  /** Built on first use: only questions with a word the corpus lacks need it. */
  private byFirstChar: Map<string, string[]> | null = null;

  termsStartingWith(char: string): readonly string[] {
    if (!this.byFirstChar) {
      this.byFirstChar = new Map();
      for (const term of this.terms) {
        const first = term.codePointAt(0);
        if (first === undefined) continue;
        const key = String.fromCodePoint(first);
        const list = this.byFirstChar.get(key);
        if (list) list.push(term);
        else this.byFirstChar.set(key, [term]);
      }
    }
    return this.byFirstChar.get(char) ?? [];
  }

  /** Every term of the corpus, in the order first met. */
  vocabularyTerms(): readonly string[] {
    return this.terms;
  }

  termId(term: string): number | undefined {
    return this.vocabulary.get(term);
  }

  documentFrequencyOf(id: number): number {
    return this.documentFrequency[id] ?? 0;
  }

  idf(term: string): number {
    const id = this.vocabulary.get(term);
    return id === undefined ? this.maxIdf : this.idfOf(id);
  }

  idfOf(id: number): number {
    return bm25Idf(this.clauses.length, this.documentFrequency[id] ?? 0);
  }

  count(position: number, term: string): number {
    const id = this.vocabulary.get(term);
    return id === undefined ? 0 : this.countOf(position, id);
  }

  /** How often a term occurs in a clause (binary search in its sorted term vector). */
  countOf(position: number, id: number): number {
    const entry = this.clauses[position];
    if (!entry) return 0;
    const ids = entry.termIds;
    let lo = 0;
    let hi = ids.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const value = ids[mid] as number;
      if (value === id) return entry.counts[mid] ?? 0;
      if (value < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  /**
   * The clauses that hold the question's selective terms, in the given regions (any when empty),
   * best first by the IDF weight of the terms they hold. A term found in a large share of the
   * corpus (企业, 支持) finds too much to be worth asking for: the rarer terms find the candidates
   * and BM25 then ranks them on all terms.
   */
  candidates(terms: string[], regions: string[], limit: number): number[] {
    const ids = [...new Set(terms)]
      .map((t) => ({ term: t, id: this.vocabulary.get(t) }))
      .filter((t): t is { term: string; id: number } => t.id !== undefined);
    if (ids.length === 0) return [];
    const common = commonThreshold(this.clauses.length);
    const selective = selectiveTerms(ids, (id) => this.documentFrequencyOf(id), common);
    const wanted = new Set(regions.map((r) => this.regionIds.get(r)).filter((r): r is number => r !== undefined));
    if (regions.length > 0 && wanted.size === 0) return [];
    const weights = this.scratch;
    const touched = this.touched;
    let count = 0;
    for (const { term, id } of selective) {
      const idf = this.idfOf(id);
      // A common term is read only as far as its first clauses (FlexSearch keeps clauses that use a
      // term early ahead): enough to find candidates, and the cost stays flat as the corpus grows.
      const isCommon = this.documentFrequencyOf(id) > common;
      const reach = isCommon && wanted.size === 0 ? COMMON_TERM_REACH : this.clauses.length;
      const postings = this.flex.search(term, { limit: reach }) as number[];
      for (const position of postings) {
        if (wanted.size > 0 && !wanted.has(this.regionOf[position] ?? -1)) continue;
        if (weights[position] === 0) touched[count++] = position;
        weights[position] = (weights[position] ?? 0) + idf;
      }
    }
    return rankTouched(weights, touched, count, limit);
  }
}
