import { measuresOf, policyAskedAbout, type MeasureSource } from './measures.js';
import { holdsConcept } from './holds.js';
import { standingAsked } from './intents.js';
import type { IsoDate, Policy } from '../corpus/types.js';
import type { QueryAnalysis } from './analysis.js';
import type { QueryAnalyser } from './analyse.js';
import type { SearchIndex } from './index.js';
import { currencyRank, orderByCurrency, passageAt, PolicyAspects, statusOn, type Passage } from './passages.js';
import type { RegionNames } from './regions.js';
import { ClauseScorer } from './score.js';
import { localAnalysis } from './local-analysis.js';
import { ScopeStatistics } from './scope-statistics.js';
import { answers } from './answering.js';
import type { Weighing } from './weigh.js';
import { AnswerSelector, type GroupSelection } from './select.js';

export type { Passage, PassageRole } from './passages.js';

/**
 * Finds the clauses that answer an analysed question. Each region asked about is answered in turn,
 * from the policies of its scope; one with no answering clause is reported as such, never filled with
 * another item's clause. A question about no particular region is answered from the whole corpus. A
 * question about which policies there are, or about a policy as a whole, is answered from metadata.
 */

export interface Retrieval {
  analysis: QueryAnalysis;
  /** Regions the search was limited to (from the question or the caller). */
  regions: string[];
  passages: Passage[];
  noAnswer: boolean;
  /** Regions asked about that have no answering clause, and why. */
  missing: { region: string; reason: 'no-policies' | 'no-clause' }[];
  /** The answer lists policies (which there are, or when each is valid) rather than what they say. */
  catalogue: boolean;
  /** Policies that answer as well but are not set out: the answer says how many. */
  omittedPolicies?: number;
  /** The answer lists the measures of one policy: its granting clauses, and how many more there are. */
  measures?: { policyId: string; omitted: number };
}

export interface RetrieveOptions {
  /** A region name (松江区 or 松江) to limit the search to, beside any the question names. */
  region?: string | null;
  asOf: IsoDate;
  /** The question before this one in the same conversation, already analysed. */
  previous?: QueryAnalysis | null;
}

/** Clauses elsewhere shown for reference when a region asked about has none: a pointer, not an answer. */
const MAX_RELATED = 2;
/**
 * A model is given this many clauses at most: enough for the clauses that answer, their policies'
 * validity, and the near misses a model can still read correctly; few enough to stay in its context.
 */
export const MODEL_CANDIDATES = 8;
/** …and no more than this many of one policy, so that several regions and policies are seen. */
const MODEL_CANDIDATES_PER_POLICY = 2;

export class Retriever {
  private readonly aspects: PolicyAspects;
  private readonly scorer: ClauseScorer;
  private readonly selector: AnswerSelector;
  private readonly policiesByRegion = new Map<string, Policy[]>();
  private readonly positionsByRegion = new Map<string, number[]>();
  /** Every policy has a region (an unplaced one is weighed against each place asked about). */
  private readonly everyPolicyPlaced: boolean;

  constructor(
    private readonly index: SearchIndex,
    private readonly analyser: QueryAnalyser,
    private readonly regionNames: RegionNames,
    private readonly weighing: Weighing,
  ) {
    index.clauses.forEach((entry, position) => {
      const list = this.positionsByRegion.get(entry.policy.region);
      if (list) list.push(position);
      else this.positionsByRegion.set(entry.policy.region, [position]);
    });
    this.everyPolicyPlaced = index.policies.every((p) => p.region !== '');
    this.aspects = new PolicyAspects(index);
    this.scorer = new ClauseScorer(index);
    this.selector = new AnswerSelector(index, this.aspects);
    for (const policy of index.policies) this.policiesByRegion.set(policy.region, [...(this.policiesByRegion.get(policy.region) ?? []), policy]);
  }

  /**
   * The region a name or short name of any suffix means (浦东 → 浦东新区, Songjiang → 松江区), or a
   * place whose regions on file are searched for it (苏州 → 苏州市, for 太仓市); null when it has no policy.
   */
  resolveRegion(name: string): string | null {
    return this.regionNames.canonical(name);
  }

  /** The regions policies are filed under. */
  regionsOnFile(): string[] {
    return this.regionNames.regionsOnFile();
  }

  analyse(question: string, previous: QueryAnalysis | null = null): QueryAnalysis {
    return this.analyser.analyse(question, previous);
  }

  retrieve(question: string, options: RetrieveOptions): Retrieval {
    return this.retrieveAnalysed(this.analyse(question, options.previous ?? null), options);
  }

  retrieveAnalysed(analysis: QueryAnalysis, options: RetrieveOptions): Retrieval {
    const asked = [...analysis.regions];
    const scoped = options.region ? this.resolveRegion(options.region) : null;
    if (scoped && !asked.includes(scoped)) asked.push(scoped);
    const missingPlaces: Retrieval['missing'] = analysis.regionsWithoutPolicies.map((region) => ({ region, reason: 'no-policies' }));
    const base = { analysis, regions: asked, catalogue: false };

    // "这份措施有哪些支持项目": the measures of the one policy asked about.
    const listed = analysis.intents.has('measures') ? this.measuresAsked(analysis, asked, options.asOf) : null;
    if (listed) return { ...base, ...listed, noAnswer: false, missing: missingPlaces };
    if (analysis.concepts.length === 0) {
      if (analysis.unmatched.length > 0 && analysis.intents.size === 0) return { ...base, passages: [], noAnswer: true, missing: missingPlaces };
      // Asked only about places with nothing on file (三台县有什么政策): no policy of theirs to list.
      if (asked.length === 0 && this.nothingOnFile(missingPlaces)) return { ...base, passages: [], noAnswer: true, missing: missingPlaces };
      const passages = this.aboutPolicies(analysis, asked, options.asOf);
      return { ...base, catalogue: analysis.intents.has('catalogue'), passages, noAnswer: passages.length === 0, missing: missingPlaces };
    }
    // "萧山有哪些制造业扶持政策": a list asked for, its topic words ones most clauses share or the
    // titles of the place's policies say (制造业) — the policies of the places asked about that speak
    // of it, not one clause that happens to. A topic no title names (两化融合) is answered by clauses.
    const listAsked = analysis.intents.has('catalogue') && asked.length > 0;
    const places = listAsked ? this.regionNames.placesOf(asked) : null;
    if (places && analysis.concepts.every((c) => c.generic || c.weight === 0 || this.titlesSay(c, places))) {
      const passages = this.aboutPolicies(analysis, asked, options.asOf, true);
      if (passages.length > 0) return { ...base, catalogue: true, passages, noAnswer: false, missing: missingPlaces };
    }
    // Only everyday words that the corpus knows, and the thing asked about unknown to it: no basis. So
    // too an action the policies name (获评) done to a thing none of them speaks of (驰名商标).
    const topical = analysis.concepts.some((c) => c.content && c.weight > 0);
    if (((!topical && analysis.unmatched.length > 0) || analysis.absentTopic !== null) && analysis.policyIds.length === 0) {
      return { ...base, passages: this.related(analysis, asked, options.asOf), noAnswer: true, missing: missingPlaces };
    }

    const passages: Passage[] = [];
    const missing = [...missingPlaces];
    // A question about places with nothing on file is not answered from other places' policies —
    // unless some policy's region is unknown, which may be the place asked about.
    const onlyElsewhere = asked.length === 0 && this.nothingOnFile(missingPlaces);
    let omittedPolicies = 0;
    const from = (scope: Set<string> | null): Passage[] => {
      const selection = this.answerFrom(analysis, scope, options.asOf);
      omittedPolicies += selection.omitted;
      return selection.passages;
    };
    if (asked.length === 0 && !onlyElsewhere) passages.push(...from(null));
    for (const region of asked) {
      // A region's own policies (and those of regions within it) answer; the policies of the regions
      // above it (a city's for its districts) apply there too, and answer when its own have nothing.
      const scope = this.regionNames.scope(region);
      const own = scope.filter((s) => s.relation !== 'above').map((s) => s.region);
      const above = scope.filter((s) => s.relation === 'above').map((s) => s.region);
      let chosen = own.length > 0 ? from(new Set(own)) : [];
      if (chosen.length === 0 && above.length > 0) chosen = from(new Set(above));
      const relationOf = new Map(scope.map((s) => [s.region, s.relation]));
      const fresh = chosen
        .filter((p) => !passages.some((q) => q.clause.id === p.clause.id))
        .map((p) => ({ ...p, relation: relationOf.get(p.policy.region) }));
      if (fresh.length === 0) missing.push({ region, reason: scope.length === 0 ? 'no-policies' : 'no-clause' });
      passages.push(...fresh);
    }
    const ordered = orderByCurrency(passages);
    const noAnswer = ordered.length === 0;
    const related = noAnswer || missing.length > 0 ? this.related(analysis, asked, options.asOf, onlyElsewhere) : [];
    return { ...base, passages: [...ordered, ...related], noAnswer, missing, ...(omittedPolicies > 0 ? { omittedPolicies } : {}) };
  }

  /**
   * The passages that answer from the policies of some regions (all when null). A question about
   * some regions is weighed and read by their clauses alone: other regions' documents arriving cannot
   * change which of these clauses answers.
   */
  private answerFrom(analysis: QueryAnalysis, scope: Set<string> | null, asOf: IsoDate): GroupSelection {
    const inScope = (position: number): boolean => this.inScope(position, scope, analysis.policyIds);
    const positions = scope ? [...scope].flatMap((r) => this.positionsByRegion.get(r) ?? []) : null;
    const statistics = positions ? new ScopeStatistics(this.index, positions) : this.index;
    const local = positions ? localAnalysis(analysis, { ...this.weighing, corpus: statistics }) : analysis;
    const scored = this.scorer.score(local, { inScope, regions: scope ? [...scope] : [], positions }, statistics);
    return this.selector.select(local, scored, asOf);
  }

  /**
   * What a model reads: the clauses the extractive answer chose, then the best-scoring others of the
   * regions asked about (all regions when none), a few per policy — given even when the extractive
   * selection found no answer, so that the model can read a wording the rules missed, or say there is
   * no basis.
   */
  modelCandidates(retrieval: Retrieval, asOf: IsoDate): Passage[] {
    const candidates = retrieval.passages.slice(0, MODEL_CANDIDATES);
    const analysis = retrieval.analysis;
    if (analysis.concepts.length === 0) return candidates;
    const scope = retrieval.regions.length > 0 ? this.regionNames.placesOf(retrieval.regions) : null;
    const positions = scope ? [...scope].flatMap((r) => this.positionsByRegion.get(r) ?? []) : null;
    const inScope = (position: number): boolean => this.inScope(position, scope, analysis.policyIds);
    const perPolicy = new Map<string, number>();
    for (const p of candidates) perPolicy.set(p.policy.id, (perPolicy.get(p.policy.id) ?? 0) + 1);
    for (const s of this.scorer.score(analysis, { inScope, regions: scope ? [...scope] : [], positions })) {
      if (candidates.length >= MODEL_CANDIDATES) break;
      const entry = this.index.clauses[s.position];
      if (!entry || candidates.some((p) => p.clause.id === entry.clause.id)) continue;
      const taken = perPolicy.get(entry.policy.id) ?? 0;
      if (taken >= MODEL_CANDIDATES_PER_POLICY) continue;
      perPolicy.set(entry.policy.id, taken + 1);
      candidates.push(passageAt(this.index, s.position, 'related', asOf, s.score, s.coverage));
    }
    return candidates;
  }

  /** Places asked about with no policy on file, none of which a policy filed under an unplaced name may be in. */
  private nothingOnFile(missing: Retrieval['missing']): boolean {
    return missing.length > 0 && this.everyPolicyPlaced && missing.every((m) => !this.regionNames.mayHoldUnplaced(m.region));
  }

  private inScope(position: number, scope: Set<string> | null, policyIds: string[]): boolean {
    const policy = this.index.clauses[position]?.policy;
    if (!policy) return false;
    if (policyIds.length > 0 && !policyIds.includes(policy.id)) return false;
    return scope === null || scope.has(policy.region);
  }

  /** The measures of the one policy asked about, with the clause stating its validity; null if none is singled out. */
  private measuresAsked(analysis: QueryAnalysis, asked: string[], asOf: IsoDate): Pick<Retrieval, 'passages' | 'measures'> | null {
    const source: MeasureSource = {
      index: this.index,
      ownPlaces: (region) => this.regionNames.scope(region).filter((s) => s.relation === 'self').map((s) => s.region),
      positionsOf: (region) => this.positionsByRegion.get(region) ?? [],
    };
    const policy = policyAskedAbout(analysis, asked, source, asOf);
    const list = policy ? measuresOf(policy, source, asOf) : null;
    if (!policy || !list) return null;
    const validity = this.aspects.validityOf(policy.id);
    const stated = validity !== null && !list.passages.some((p) => p.clause.id === this.index.clauses[validity]?.clause.id);
    return {
      passages: stated ? [...list.passages, passageAt(this.index, validity, 'validity', asOf)] : list.passages,
      measures: { policyId: policy.id, omitted: list.omitted },
    };
  }

  /**
   * "松江有哪些政策", "每份政策什么时候到期", "从哪天起实施": the policies asked about (named, of the
   * regions asked, or all), each cited by the clause that states its validity (or its interpretation).
   */
  private aboutPolicies(analysis: QueryAnalysis, regions: string[], asOf: IsoDate, speaksOfTopic = false): Passage[] {
    const named = analysis.policyIds.map((id) => this.index.policies.find((p) => p.id === id)).filter((p): p is Policy => p !== undefined);
    const entries = regions.flatMap((r) => this.regionNames.scope(r));
    const scope = new Set(entries.map((s) => s.region));
    const relationOf = new Map(entries.reverse().map((s) => [s.region, s.relation]));
    const inPlace = named.length > 0 ? named : regions.length > 0 ? this.index.policies.filter((p) => scope.has(p.region)) : this.index.policies;
    const topical = speaksOfTopic ? inPlace.filter((p) => this.speaksOf(p, analysis)) : inPlace;
    // A list asked for by standing (哪些还没开始施行) holds the policies in it on the date asked.
    const standing = analysis.intents.has('catalogue') ? standingAsked(analysis.question) : null;
    const pool = standing === null ? topical : topical.filter((p) => statusOn(p, asOf) === standing);
    if (!analysis.intents.has('catalogue') && !analysis.intents.has('validity') && !analysis.asksInterpretation) return [];
    const policies = [...pool].sort((a, b) => currencyRank(statusOn(a, asOf)) - currencyRank(statusOn(b, asOf)));
    // One clause is cited once, though it may state one policy's validity and abolish another.
    const taken = new Set<number>();
    return policies.flatMap((policy) => {
      const aspects = this.selector.aspectPassages(analysis, policy.id, taken, asOf);
      const position = this.aspects.representative(policy.id);
      const representative = aspects.length === 0 && position !== null && !taken.has(position);
      if (representative) taken.add(position);
      const chosen = aspects.length > 0 ? aspects : representative ? [passageAt(this.index, position, 'catalogue', asOf)] : [];
      const relation = relationOf.get(policy.region);
      return relation ? chosen.map((p) => ({ ...p, relation })) : chosen;
    });
  }

  /** Whether the title of some policy of the places asked about says the concept: what those policies are about. */
  private titlesSay(concept: QueryAnalysis['concepts'][number], places: Set<string>): boolean {
    return this.index.policies.some((p) => places.has(p.region) && holdsConcept(p.title, concept));
  }

  /** Whether some clause of a policy says each content word of the question. */
  private speaksOf(policy: Policy, analysis: QueryAnalysis): boolean {
    const topic = analysis.concepts.filter((c) => c.content && c.weight > 0);
    const positions = (this.positionsByRegion.get(policy.region) ?? []).filter((p) => this.index.clauses[p]?.policy.id === policy.id);
    const texts = positions.map((p) => this.index.matchText(p));
    return topic.every((concept) => texts.some((text) => holdsConcept(text, concept)));
  }

  /** Clauses outside the regions asked about that answer the question: shown for reference only. */
  private related(analysis: QueryAnalysis, regions: string[], asOf: IsoDate, elsewhere = false): Passage[] {
    if (regions.length === 0 && analysis.policyIds.length === 0 && !elsewhere) return [];
    const scope = this.regionNames.placesOf(regions);
    const outside = (position: number): boolean => {
      const policy = this.index.clauses[position]?.policy;
      return policy !== undefined && !scope.has(policy.region) && !analysis.policyIds.includes(policy.id);
    };
    const seen = new Set<string>();
    const passages: Passage[] = [];
    for (const s of this.scorer.score({ ...analysis, policyIds: [] }, { inScope: outside, regions: [], positions: null }).filter(answers)) {
      const policyId = this.index.clauses[s.position]?.policy.id ?? '';
      if (seen.has(policyId)) continue;
      seen.add(policyId);
      passages.push(passageAt(this.index, s.position, 'related', asOf, s.score, s.coverage));
      if (passages.length >= MAX_RELATED) break;
    }
    return passages;
  }
}
