import { policyStatus } from '../corpus/dates.js';
import type { Clause, IsoDate, Policy, ValidityStatus } from '../corpus/types.js';
import { toSimplified } from '../text/script.js';
import { saturatedTf } from './bm25.js';
import type { IndexedClause, SearchIndex } from './index.js';
import { regionAliases, type Concept, type QueryAnalyser, type QueryAnalysis } from './query.js';

/**
 * Finds the clauses that answer a question: candidates from the index, ranked by BM25 over the
 * question's concepts and by how much of the question they cover, then chosen per policy so that
 * each answering policy is cited by its best clause, a second clause only when it answers a part
 * the first does not, and the clause that states validity or interpretation when the question asks
 * for it. A question whose concepts no clause covers well enough has no answer; it may still get
 * related clauses from other regions.
 */

export type PassageRole = 'answer' | 'validity' | 'interpretation' | 'abolition' | 'related';

export interface Passage {
  clause: Clause;
  policy: Policy;
  status: ValidityStatus;
  role: PassageRole;
  score: number;
  coverage: number;
}

export interface Retrieval {
  analysis: QueryAnalysis;
  /** Regions the search was limited to (from the question or the caller). */
  regions: string[];
  passages: Passage[];
  noAnswer: boolean;
}

export interface RetrieveOptions {
  /** A region name (松江区 or 松江) to limit the search to, beside any the question names. */
  region?: string | null;
  asOf: IsoDate;
}

interface Scored {
  position: number;
  score: number;
  coverage: number;
  /** Concept weight this clause covers, by concept index. */
  covered: number[];
  /** Whether it covers the concept that carries most of the question, if one does. */
  coversKey: boolean;
}

/** A clause answers when it covers enough of the question, its key concept included. */
const answers = (s: Scored): boolean => s.coverage >= MIN_COVERAGE && s.coversKey;

/** Share of the question's concept weight the best clause must cover to count as an answer. */
export const MIN_COVERAGE = 0.5;
/** A policy joins the answer when its best clause scores this share of the best one. */
const POLICY_SCORE_RATIO = 0.4;
/** A further clause of the same policy must add this share of the question's concept weight. */
const EXTRA_CLAUSE_GAIN = 0.2;
const MAX_POLICIES = 4;
/** Asked how much (or how many 家), a clause that states an amount (a count in 家) ranks this much higher. */
const AMOUNT_BOOST = 1.2;
/** Share of the question's weight that makes a concept its key. */
const KEY_CONCEPT_SHARE = 0.4;
const MAX_CLAUSES_PER_POLICY = 2;
const MAX_RELATED = 2;
/** FlexSearch's suggest order puts clauses matching more of the terms first; BM25 ranks this many. */
const CANDIDATE_LIMIT = 300;
const PHRASE_RERANK = 50;
/** Credit, towards coverage, of the pieces of a word (数字化 for 数字化改造). */
const PIECE_CREDIT = 0.5;
const SYNONYM_WEIGHT = 0.8;

const INTERPRETATION = /负责解释|負責解釋/;

interface PolicyAspects {
  validity: number | null;
  interpretation: number | null;
}

export class Retriever {
  private readonly aspects = new Map<string, PolicyAspects>();
  private readonly regionByAlias = new Map<string, string>();
  private readonly policyById = new Map<string, Policy>();
  private readonly policiesByRegion = new Map<string, Policy[]>();
  private readonly positionOfClause = new Map<string, number>();

  constructor(
    private readonly index: SearchIndex,
    private readonly analyser: QueryAnalyser,
  ) {
    for (const policy of index.policies) {
      this.policyById.set(policy.id, policy);
      const inRegion = this.policiesByRegion.get(policy.region);
      if (inRegion) inRegion.push(policy);
      else this.policiesByRegion.set(policy.region, [policy]);
      for (const alias of regionAliases(policy.region)) if (!this.regionByAlias.has(alias)) this.regionByAlias.set(alias, policy.region);
    }
    index.clauses.forEach((entry, position) => {
      this.positionOfClause.set(entry.clause.id, position);
      const aspects = this.aspects.get(entry.policy.id) ?? { validity: null, interpretation: null };
      if (entry.clause.id === entry.policy.validityClauseId) aspects.validity = position;
      if (INTERPRETATION.test(entry.clause.text)) aspects.interpretation = position;
      this.aspects.set(entry.policy.id, aspects);
    });
  }

  /** The canonical region for a name or short name, or null when no policy has it. */
  resolveRegion(name: string): string | null {
    return this.regionByAlias.get(toSimplified(name.trim())) ?? null;
  }

  retrieve(question: string, options: RetrieveOptions): Retrieval {
    const analysis = this.analyser.analyse(question);
    const regions = [...analysis.regions];
    if (options.region) {
      const region = this.resolveRegion(options.region) ?? options.region;
      if (!regions.includes(region)) regions.push(region);
    }

    if (analysis.concepts.length === 0) {
      const passages = this.aboutWholePolicies(analysis, regions, options.asOf);
      return { analysis, regions, passages, noAnswer: passages.length === 0 };
    }

    const { scored, totalWeight } = this.score(analysis, regions);
    if (!scored.some(answers)) {
      const related = regions.length > 0 || analysis.policyIds.length > 0 ? this.related(analysis, regions, options.asOf) : [];
      return { analysis, regions, passages: related, noAnswer: true };
    }
    return { analysis, regions, passages: this.select(analysis, scored, totalWeight, options.asOf), noAnswer: false };
  }

  /** Weight of a concept: how much it says. A concept the corpus has never seen says the most. */
  private conceptWeight(concept: Concept): number {
    if (this.index.has(concept.text)) return this.index.idf(concept.text);
    const synonyms = concept.variants.filter((v) => v.weight === SYNONYM_WEIGHT && this.index.has(v.term));
    if (synonyms.length > 0) return Math.max(...synonyms.map((v) => this.index.idf(v.term)));
    return this.index.maxIdf;
  }

  private inScope(position: number, regions: string[], policyIds: string[]): boolean {
    const policy = this.index.clauses[position]?.policy;
    if (!policy) return false;
    if (policyIds.length > 0 && !policyIds.includes(policy.id)) return false;
    return regions.length === 0 || regions.includes(policy.region);
  }

  private score(analysis: QueryAnalysis, regions: string[]): { scored: Scored[]; totalWeight: number } {
    const concepts = analysis.concepts;
    const weights = concepts.map((c) => this.conceptWeight(c));
    const totalWeight = weights.reduce((a, b) => a + b, 0);
    if (totalWeight === 0) return { scored: [], totalWeight };
    // A concept that carries most of the question (DCMM in 嘉定DCMM认证奖励) must be in the answer.
    let key = -1;
    weights.forEach((w, i) => {
      if (w < this.index.maxIdf && w >= KEY_CONCEPT_SHARE * totalWeight && (key < 0 || w > (weights[key] ?? 0))) key = i;
    });
    // Term ids and IDFs are looked up once per question, not once per candidate.
    const prepared = concepts.map((concept, i) => ({
      known: (weights[i] ?? 0) < this.index.maxIdf,
      hasPieces: concept.variants.some((v) => v.weight < SYNONYM_WEIGHT),
      piecesKnown: concept.variants.filter((v) => v.weight < SYNONYM_WEIGHT).every((v) => this.index.has(v.term)),
      variants: concept.variants
        .map((v) => ({ id: this.index.termId(v.term), weight: v.weight, isPiece: v.weight < SYNONYM_WEIGHT }))
        .filter((v): v is { id: number; weight: number; isPiece: boolean } => v.id !== undefined)
        .map((v) => ({ ...v, idf: this.index.idfOf(v.id) })),
    }));
    const terms = concepts.flatMap((c) => c.variants.map((v) => v.term));
    const positions = this.index
      .candidates(terms, regions, CANDIDATE_LIMIT)
      .filter((p) => this.inScope(p, regions, analysis.policyIds));

    const scored: Scored[] = [];
    const average = this.index.averageLength;
    for (const position of positions) {
      const entry = this.index.clauses[position];
      if (!entry) continue;
      let score = 0;
      let coveredWeight = 0;
      const covered: number[] = new Array<number>(prepared.length).fill(0);
      for (let i = 0; i < prepared.length; i++) {
        const concept = prepared[i];
        if (!concept) continue;
        let best = 0;
        let credit = 0;
        let piecesFound = 0;
        let pieces = 0;
        for (const variant of concept.variants) {
          if (variant.isPiece) pieces++;
          const tf = this.index.countOf(position, variant.id);
          if (tf === 0) continue;
          if (variant.isPiece) piecesFound++;
          const value = variant.weight * variant.idf * saturatedTf(tf, entry.length, average);
          if (value > best) best = value;
          if (!variant.isPiece && variant.weight > credit) credit = variant.weight;
        }
        // Pieces of a word the corpus never uses (高新 + 技术 for 高新技术企业) show that the clause
        // says it only when they are all there.
        const allPieces = concept.piecesKnown && piecesFound === pieces;
        if (credit === 0 && best > 0 && (concept.known || (concept.hasPieces && allPieces))) credit = PIECE_CREDIT;
        score += best;
        covered[i] = credit * (weights[i] ?? 0);
        coveredWeight += covered[i] ?? 0;
      }
      if (score === 0) continue;
      const coverage = coveredWeight / totalWeight;
      // Classic coordination: a clause that speaks to more of the question ranks above one that
      // repeats a single word of it.
      score *= coverage * this.intentBoost(analysis, entry);
      scored.push({ position, score, coverage, covered, coversKey: key < 0 || (covered[key] ?? 0) > 0 });
    }
    scored.sort((a, b) => b.score - a.score);
    // Written-together phrases (推进阶段) decide among the leaders; matching text is read only for them.
    if (analysis.phrases.length > 0) {
      for (const s of scored.slice(0, PHRASE_RERANK)) {
        const text = this.index.matchText(s.position);
        for (const phrase of analysis.phrases) if (text.includes(phrase)) s.score *= 1.25;
      }
      scored.sort((a, b) => b.score - a.score);
    }
    return { scored, totalWeight };
  }

  private intentBoost(analysis: QueryAnalysis, entry: IndexedClause): number {
    let boost = 1;
    if (entry.statesAmount && analysis.intents.has('amount')) boost *= AMOUNT_BOOST;
    if (analysis.countUnit !== null && entry.countUnits.includes(analysis.countUnit)) boost *= AMOUNT_BOOST;
    if (entry.namesDepartment && analysis.intents.has('department')) boost *= 1.3;
    return boost;
  }

  private passage(position: number, role: PassageRole, asOf: IsoDate, s?: Scored): Passage {
    const entry = this.index.clauses[position];
    if (!entry) throw new Error(`no clause at ${position}`);
    return {
      clause: entry.clause,
      policy: entry.policy,
      status: policyStatus(entry.policy, asOf),
      role,
      score: s?.score ?? 0,
      coverage: s?.coverage ?? 0,
    };
  }

  private select(analysis: QueryAnalysis, scored: Scored[], total: number, asOf: IsoDate): Passage[] {
    // Clauses that hold the question's key concept come before those that only share its other words.
    const answering = scored
      .filter((s) => s.coverage >= MIN_COVERAGE)
      .sort((a, b) => Number(b.coversKey) - Number(a.coversKey) || b.score - a.score);
    const bestScore = answering[0]?.score ?? 0;
    const byPolicy = new Map<string, Scored[]>();
    for (const s of answering) {
      const policyId = this.index.clauses[s.position]?.policy.id ?? '';
      byPolicy.set(policyId, [...(byPolicy.get(policyId) ?? []), s]);
    }

    // Policies in force come first: that is what a reader can still apply for.
    const currency = new Map([...byPolicy.keys()].map((id) => [id, this.currency(id, asOf)]));
    const groups = [...byPolicy].sort(
      ([a, x], [b, y]) => (currency.get(a) ?? 0) - (currency.get(b) ?? 0) || (y[0]?.score ?? 0) - (x[0]?.score ?? 0),
    );
    const passages: Passage[] = [];
    let policiesTaken = 0;
    for (const [policyId, clauses] of groups) {
      const first = clauses[0];
      if (!first || first.score < POLICY_SCORE_RATIO * bestScore || policiesTaken >= MAX_POLICIES) continue;
      policiesTaken++;
      const chosen = [first];
      const coveredSoFar = [...first.covered];
      // "A和B分别多少" within one policy: clauses that answer as fully as the first, each
      // more specifically, are cited beside it.
      const comparing = analysis.intents.has('comparison') && byPolicy.size === 1;
      const limit = comparing ? MAX_CLAUSES_PER_POLICY + 1 : MAX_CLAUSES_PER_POLICY;
      for (const candidate of clauses.slice(1)) {
        if (chosen.length >= limit) break;
        const gain = candidate.covered.reduce((sum, w, i) => sum + Math.max(0, w - (coveredSoFar[i] ?? 0)), 0);
        const parallel = comparing && candidate.coverage >= 0.9 * first.coverage && candidate.score >= 0.5 * first.score;
        if (parallel || (gain / total >= EXTRA_CLAUSE_GAIN && candidate.score >= 0.3 * first.score)) {
          chosen.push(candidate);
          candidate.covered.forEach((w, i) => (coveredSoFar[i] = Math.max(coveredSoFar[i] ?? 0, w)));
        }
      }
      for (const s of chosen) passages.push(this.passage(s.position, 'answer', asOf, s));
      const taken = new Set(chosen.map((s) => s.position));
      passages.push(...this.aspectPassages(analysis, policyId, taken, asOf));
      passages.push(...this.abolitionPassage(policyId, taken, asOf));
    }
    return passages;
  }

  /** Sort key: in force, not yet in force, unknown, then expired. */
  private currency(policyId: string, asOf: IsoDate): number {
    const policy = this.policyById.get(policyId);
    const status = policy ? policyStatus(policy, asOf) : 'unknown';
    return { 'in-force': 0, 'not-yet-in-force': 1, unknown: 2, expired: 3, abolished: 3 }[status];
  }

  /**
   * An answer from an abolished policy also cites the clause that abolished it, so the reader sees
   * why it no longer applies.
   */
  private abolitionPassage(policyId: string, taken: Set<number>, asOf: IsoDate): Passage[] {
    const policy = this.policyById.get(policyId);
    if (!policy?.abolishedByClauseId || policyStatus(policy, asOf) !== 'abolished') return [];
    const position = this.positionOfClause.get(policy.abolishedByClauseId);
    if (position === undefined || taken.has(position)) return [];
    taken.add(position);
    return [this.passage(position, 'abolition', asOf)];
  }

  /** The clauses that state a policy's validity or who interprets it, when the question asks. */
  private aspectPassages(analysis: QueryAnalysis, policyId: string, taken: Set<number>, asOf: IsoDate): Passage[] {
    const aspects = this.aspects.get(policyId);
    if (!aspects) return [];
    const wanted: [number | null, PassageRole][] = [];
    if (analysis.intents.has('validity')) wanted.push([aspects.validity, 'validity']);
    if (analysis.asksInterpretation) wanted.push([aspects.interpretation, 'interpretation']);
    const passages: Passage[] = [];
    for (const [position, role] of wanted) {
      if (position === null || taken.has(position)) continue;
      taken.add(position);
      passages.push(this.passage(position, role, asOf));
    }
    return passages;
  }

  /** A question about a policy as a whole (从哪天起实施? 由哪个部门负责解释?) is answered by its aspect clauses. */
  private aboutWholePolicies(analysis: QueryAnalysis, regions: string[], asOf: IsoDate): Passage[] {
    if (analysis.policyIds.length === 0 && regions.length === 0) return [];
    const named = analysis.policyIds.map((id) => this.policyById.get(id)).filter((p): p is Policy => p !== undefined);
    const pool = named.length > 0 ? named : regions.flatMap((r) => this.policiesByRegion.get(r) ?? []);
    const policies = pool.filter((p) => regions.length === 0 || regions.includes(p.region));
    return policies.slice(0, MAX_POLICIES).flatMap((p) => {
      const taken = new Set<number>();
      return [...this.aspectPassages(analysis, p.id, taken, asOf), ...this.abolitionPassage(p.id, taken, asOf)];
    });
  }

  /** Clauses elsewhere that answer the question, for a region or policy that has none. */
  private related(analysis: QueryAnalysis, regions: string[], asOf: IsoDate): Passage[] {
    const elsewhere = this.score({ ...analysis, policyIds: [] }, []).scored.filter((s) => {
      const policy = this.index.clauses[s.position]?.policy;
      return (
        answers(s) &&
        policy !== undefined &&
        !regions.includes(policy.region) &&
        !analysis.policyIds.includes(policy.id)
      );
    });
    const seen = new Set<string>();
    const passages: Passage[] = [];
    for (const s of elsewhere) {
      const policyId = this.index.clauses[s.position]?.policy.id ?? '';
      if (seen.has(policyId)) continue;
      seen.add(policyId);
      passages.push(this.passage(s.position, 'related', asOf, s));
      if (passages.length >= MAX_RELATED) break;
    }
    return passages;
  }
}
