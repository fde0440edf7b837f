import { Document } from 'flexsearch';
import type { Clause, Policy } from '../corpus/types.js';
import { prepareForTokens, type Tokenizer } from '../text/tokenizer.js';
import { idf as bm25Idf } from './bm25.js';

/**
 * The searchable form of a corpus: FlexSearch finds the clauses that hold any query term (filtered
 * by region tag), and per-clause term vectors give the counts that BM25 ranks them by. Pure: it
 * is given policies and a tokenizer, and reads no files.
 */

export interface IndexedClause {
  clause: Clause;
  policy: Policy;
  /** Sorted term ids and their counts. */
  termIds: Uint32Array;
  counts: Uint16Array;
  length: number;
  /** The indexed text as terms are cut from it (simplified, lower case), for phrase matches. */
  matchText: string;
}

interface FlexRecord {
  [key: string]: string | number;
  id: number;
  terms: string;
  region: string;
}

/** Terms are joined with a space for FlexSearch; our tokens never contain one. */
const splitTerms = (text: string): string[] => (text === '' ? [] : text.split(' '));

export function indexedText(clause: Clause): string {
  // A paragraph or table row does not repeat its heading; a numbered clause starts with it.
  const heading = clause.kind === 'numbered' ? '' : (clause.sectionPath[clause.sectionPath.length - 1] ?? '');
  return [heading, clause.context ?? '', clause.text].filter(Boolean).join('\n');
}

export class SearchIndex {
  readonly clauses: IndexedClause[] = [];
  readonly vocabulary = new Map<string, number>();
  private documentFrequency: number[] = [];
  readonly averageLength: number;
  readonly maxIdf: number;
  readonly tokenCount: number;
  private readonly flex = new Document<FlexRecord>({
    document: { id: 'id', index: [{ field: 'terms', encode: splitTerms }], tag: [{ field: 'region' }] },
  });

  constructor(
    readonly policies: Policy[],
    readonly tokenizer: Tokenizer,
  ) {
    let totalLength = 0;
    for (const policy of policies) {
      for (const clause of policy.clauses) {
        const text = prepareForTokens(indexedText(clause));
        const terms = tokenizer.terms(text);
        this.add(clause, policy, terms, text);
        totalLength += terms.length;
      }
    }
    this.tokenCount = totalLength;
    this.averageLength = this.clauses.length > 0 ? totalLength / this.clauses.length : 1;
    this.maxIdf = bm25Idf(this.clauses.length, 0);
  }

  private add(clause: Clause, policy: Policy, terms: string[], matchText: string): void {
    const counts = new Map<number, number>();
    for (const term of terms) {
      let id = this.vocabulary.get(term);
      if (id === undefined) {
        id = this.vocabulary.size;
        this.vocabulary.set(term, id);
        this.documentFrequency.push(0);
      }
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const ids = [...counts.keys()].sort((a, b) => a - b);
    for (const id of ids) this.documentFrequency[id] = (this.documentFrequency[id] ?? 0) + 1;
    const position = this.clauses.length;
    this.clauses.push({
      clause,
      policy,
      termIds: Uint32Array.from(ids),
      counts: Uint16Array.from(ids.map((id) => Math.min(counts.get(id) ?? 0, 0xffff))),
      length: terms.length,
      matchText,
    });
    this.flex.add({ id: position, terms: [...new Set(terms)].join(' '), region: policy.region });
  }

  has(term: string): boolean {
    return this.vocabulary.has(term);
  }

  idf(term: string): number {
    const id = this.vocabulary.get(term);
    return id === undefined ? this.maxIdf : bm25Idf(this.clauses.length, this.documentFrequency[id] ?? 0);
  }

  /** How often a term occurs in a clause (binary search in its sorted term vector). */
  count(position: number, term: string): number {
    const id = this.vocabulary.get(term);
    const entry = this.clauses[position];
    if (id === undefined || !entry) return 0;
    let lo = 0;
    let hi = entry.termIds.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const value = entry.termIds[mid] ?? 0;
      if (value === id) return entry.counts[mid] ?? 0;
      if (value < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  /** Clauses holding any of the terms, in the given regions (any region when empty). */
  candidates(terms: string[], regions: string[], limit: number): number[] {
    const known = [...new Set(terms)].filter((t) => this.vocabulary.has(t));
    if (known.length === 0) return [];
    const tag = regions.length > 0 ? regions.map((region) => ({ region })) : undefined;
    const results = this.flex.search(known.join(' '), { limit, suggest: true, ...(tag ? { tag } : {}) });
    const positions = new Set<number>();
    for (const field of results) for (const id of field.result) positions.add(Number(id));
    return [...positions];
  }
}
