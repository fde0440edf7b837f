import { spansIn } from './abbreviations.js';
import type { Concept, Intent, QueryAnalysis, VariantKind } from './analysis.js';
import { saturatedTf } from './bm25.js';
import { nearPhrase, orderedPieces } from './near-phrase.js';
import type { IndexedClause, SearchIndex } from './index.js';
import type { CorpusStatistics } from './statistics.js';
import { answeredParts, partMeasures, type PartMeasure } from './answering.js';
import { TitleCoverage } from './title-coverage.js';

/**
 * Scores candidate clauses for a question: BM25 over the concepts' wordings, times how much of the
 * question's weight the clause covers (classic coordination), times small boosts for the kind of
 * answer asked for. A clause "holds" a concept when it has the word, an equivalence or a long form of
 * it, or the word written inside a longer one; pieces of a word only count towards ranking.
 */

export interface ScoredClause {
  position: number;
  score: number;
  /** Share of the question's concept weight the clause covers. */
  coverage: number;
  /** Weight covered, by concept index (a typed array: one shape for every clause, whatever it covers). */
  covered: Float64Array;
  /** Whether it answers each sub-question: covers enough of it, its key concept included. */
  answersPart: boolean[];
}

/**
 * The pieces of a word written in order a few characters apart (两化融合管理体系贯标 for 两化融合贯标):
 * the word said at length. Counts as an equivalence.
 */
export const NEAR_PHRASE_CREDIT = 0.9;

/** How much a wording counts towards coverage and score. */
export const CREDIT: Record<VariantKind, number> = {
  word: 1,
  // An equivalence or an expansion is nearly as good as the word: the user meant it, but may have
  // meant something narrower.
  synonym: 0.9,
  abbreviation: 0.9,
  span: 0.9,
  // Pieces of a word (数字化 in 数字化改造) show only that the clause is near the topic.
  piece: 0.5,
};
/** Asked how much (or how many 家), a clause that states an amount (or counts in 家) ranks this much higher. */
export const AMOUNT_BOOST = 1.2;
/** Asked which department, a clause naming a responsible or interpreting department ranks this much higher. */
export const DEPARTMENT_BOOST = 1.3;
/** A clause with two question words written together as in the question (推进阶段) ranks this much higher. */
export const PHRASE_BOOST = 1.25;
/**
 * A clause stating the policy's purpose (为…，制定本细则) names every topic of the policy and grants
 * none: asked what, who or how, it ranks this much lower.
 */
export const PURPOSE_CLAUSE_FACTOR = 0.5;
const PURPOSE_DOES_NOT_ANSWER: Intent[] = ['amount', 'eligibility', 'procedure', 'department'];
/** FlexSearch's suggest order puts clauses matching more terms first; BM25 ranks this many of them. */
export const CANDIDATE_LIMIT = 300;
/**
 * A scope of up to this many clauses (the policies of a region or a few) is read in full instead of
 * through the index: a few thousand term lookups, and the answer cannot depend on other regions.
 */
export const SCOPE_READ_LIMIT = 1200;
/** Only the leaders are read for phrases and for words written inside longer ones: reading text costs. */
export const TEXT_CHECK_LIMIT = 50;

/** Where to look: a region filter for the index, and the clauses themselves when they are few. */
export interface Scope {
  inScope: (position: number) => boolean;
  regions: string[];
  positions: readonly number[] | null;
}

interface PreparedVariant {
  id: number;
  idf: number;
  credit: number;
  isPiece: boolean;
}

interface PreparedConcept {
  weight: number;
  /** The concept's text cut into its longest pieces, in order (两化融合 + 贯标), for near-phrase matches. */
  ordered: string[];
  /** Wordings the corpus lacks as terms, looked for in the text of the leading clauses, with their credit. */
  literals: { text: string; credit: number; span: boolean }[];
  pieceCount: number;
  variants: PreparedVariant[];
}

export class ClauseScorer {
  constructor(private readonly index: SearchIndex) {}

  /**
   * Every candidate clause that shares something with the question, best first, ranked with the
   * statistics the question was weighed with (the corpus's, or those of the regions asked about).
   */
  score(analysis: QueryAnalysis, scope: Scope, statistics: CorpusStatistics = this.index): ScoredClause[] {
    const concepts = analysis.concepts;
    const total = concepts.reduce((sum, c) => sum + c.weight, 0);
    if (total === 0) return [];
    const prepared = concepts.map((c) => this.prepare(c, statistics));
    const parts = partMeasures(analysis);
    const terms = concepts.flatMap((c) => c.variants.map((v) => v.term));
    // The clauses of a few regions are all read: which of them answers then depends on them alone.
    const positions =
      scope.positions && scope.positions.length <= SCOPE_READ_LIMIT
        ? scope.positions.filter(scope.inScope)
        : this.index.candidates(terms, scope.regions, CANDIDATE_LIMIT).filter(scope.inScope);
    const scored: ScoredClause[] = [];
    const titles = new TitleCoverage(concepts);
    for (const position of positions) {
      const entry = this.index.clauses[position];
      if (!entry) continue;
      const s = this.scoreClause(position, entry, prepared, parts, total, analysis, statistics.averageLength, titles);
      if (s) scored.push(s);
    }
    scored.sort((a, b) => b.score - a.score);
    this.readLeaders(scored.slice(0, TEXT_CHECK_LIMIT), prepared, parts, total, analysis, titles);
    scored.sort((a, b) => b.score - a.score);
    return scored;
  }

  private prepare(concept: Concept, statistics: CorpusStatistics): PreparedConcept {
    const variants = concept.variants
      .map((v) => ({ term: v.term, id: this.index.termId(v.term), credit: CREDIT[v.kind], isPiece: v.kind === 'piece' }))
      .filter((v): v is { term: string; id: number; credit: number; isPiece: boolean } => v.id !== undefined)
      .map((v) => ({ id: v.id, credit: v.credit, isPiece: v.isPiece, idf: statistics.idf(v.term) }));
    const literals = [{ term: concept.text, kind: 'word' as VariantKind }, ...concept.variants]
      .filter((v) => v.kind === 'span' || (v.kind !== 'piece' && this.index.termId(v.term) === undefined && v.term.length >= 2))
      .map((v) => ({ text: v.term, credit: CREDIT[v.kind], span: v.kind === 'span' }));
    return {
      weight: concept.weight,
      ordered: orderedPieces(concept),
      literals,
      pieceCount: concept.variants.filter((v) => v.kind === 'piece').length,
      variants,
    };
  }

  private scoreClause(
    position: number,
    entry: IndexedClause,
    concepts: PreparedConcept[],
    parts: PartMeasure[],
    total: number,
    analysis: QueryAnalysis,
    average: number,
    titles: TitleCoverage,
  ): ScoredClause | null {
    let score = 0;
    let coveredWeight = 0;
    const covered = new Float64Array(concepts.length);
    for (let i = 0; i < concepts.length; i++) {
      const concept = concepts[i] as PreparedConcept;
      let best = 0;
      let credit = 0;
      let piecesFound = 0;
      for (const variant of concept.variants) {
        const tf = this.index.countOf(position, variant.id);
        if (tf === 0) continue;
        if (variant.isPiece) piecesFound++;
        best = Math.max(best, variant.credit * variant.idf * saturatedTf(tf, entry.length, average));
        if (!variant.isPiece) credit = Math.max(credit, variant.credit);
      }
      // Pieces of a word the clause does not have as a whole: near the topic, not on it — the more of
      // them, the nearer.
      if (credit === 0 && concept.pieceCount >= 2 && piecesFound > 0) credit = (CREDIT.piece * piecesFound) / concept.pieceCount;
      score += best;
      covered[i] = credit * concept.weight;
      coveredWeight += credit * concept.weight;
    }
    if (score === 0) return null;
    const coverage = coveredWeight / total;
    return {
      position,
      score: score * coverage * this.boost(analysis, entry),
      coverage,
      covered,
      answersPart: answeredParts(parts, covered, entry.statesAmount, titles, entry.policy),
    };
  }

  /**
   * The leading clauses' text is read for what term matching cannot see: a word the corpus only has
   * inside longer ones (a segmentation mismatch), and question words written together.
   */
  private readLeaders(
    leaders: ScoredClause[],
    concepts: PreparedConcept[],
    parts: PartMeasure[],
    total: number,
    analysis: QueryAnalysis,
    titles: TitleCoverage,
  ): void {
    const textual = concepts.some((c) => c.literals.length > 0 || c.ordered.length > 1);
    if (!textual && analysis.phrases.length === 0) return;
    for (const s of leaders) {
      const text = this.index.matchText(s.position);
      for (let i = 0; i < concepts.length; i++) {
        const concept = concepts[i] as PreparedConcept;
        let credit = nearPhrase(text, concept.ordered) ? NEAR_PHRASE_CREDIT : 0;
        for (const literal of concept.literals) {
          if (literal.credit > credit && (literal.span ? spansIn(text, literal.text) : text.includes(literal.text))) credit = literal.credit;
        }
        const gained = credit * concept.weight - (s.covered[i] ?? 0);
        if (gained <= 0) continue;
        s.covered[i] = credit * concept.weight;
        const coverage = s.coverage + gained / total;
        s.score = s.coverage > 0 ? (s.score * coverage) / s.coverage : s.score;
        s.coverage = coverage;
      }
      const entry = this.index.clauses[s.position];
      s.answersPart = answeredParts(parts, s.covered, entry?.statesAmount ?? false, titles, entry?.policy);
      for (const phrase of analysis.phrases) if (text.includes(phrase)) s.score *= PHRASE_BOOST;
    }
  }

  private boost(analysis: QueryAnalysis, entry: IndexedClause): number {
    let boost = 1;
    if (entry.statesAmount && analysis.intents.has('amount')) boost *= AMOUNT_BOOST;
    if (analysis.countUnit !== null && entry.countUnits.includes(analysis.countUnit)) boost *= AMOUNT_BOOST;
    if (entry.namesDepartment && analysis.intents.has('department')) boost *= DEPARTMENT_BOOST;
    if (entry.statesPurpose && PURPOSE_DOES_NOT_ANSWER.some((i) => analysis.intents.has(i))) boost *= PURPOSE_CLAUSE_FACTOR;
    return boost;
  }
}
