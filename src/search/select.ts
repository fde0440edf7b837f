import type { IsoDate, Policy } from '../corpus/types.js';
import type { Concept, QueryAnalysis } from './analysis.js';
import { holdsConcept } from './holds.js';
import type { SearchIndex } from './index.js';
import { currencyRank, passageAt, statusOn, type Passage, type PassageRole, type PolicyAspects } from './passages.js';
import { sentencesOf } from './parts.js';
import { answers, grantsFigure } from './answering.js';
import { buildsOnLabels } from './references.js';
import { spentIn } from './spending.js';
import { tierHolding } from './tiers.js';
import type { ScoredClause } from './score.js';

/**
 * Chooses what to cite from the answering clauses of one group (a region asked about, or the whole
 * corpus): every policy whose best clause answers about as well as the group's best, in force first;
 * for each, its best clause, a clause for each sub-question the first does not answer, one more that
 * adds a good part of the question, and the clauses stating validity or interpretation when asked.
 */

/** A policy joins when its best clause scores this share of the group's best: weaker ones match much less. */
export const POLICY_SCORE_RATIO = 0.4;
/** A further clause of a policy must add this share of the question's weight that the first misses… */
export const EXTRA_CLAUSE_GAIN = 0.2;
/** …and score at least this share of the first, so it is about the same thing. */
export const EXTRA_CLAUSE_SCORE_RATIO = 0.3;
/** At most this many answering clauses per policy, sub-questions included: a reader wants the point. */
export const MAX_CLAUSES_PER_POLICY = 3;
/** A clause restates a summary table's row when it states this share of the row's figures. */
export const RESTATED_SHARE = 0.5;


/**
 * At most this many policies are set out in one answer for one place asked about (or for the whole
 * corpus): beyond a dozen blocks a reader stops reading, and the answer says how many more there are
 * and asks for a region instead. A small corpus never reaches it.
 */
export const MAX_POLICIES_SHOWN = 12;

export interface GroupSelection {
  passages: Passage[];
  /** Policies cited, in the order chosen. */
  policyIds: string[];
  /** Policies that answer too but are not set out (beyond MAX_POLICIES_SHOWN). */
  omitted: number;
}

export class AnswerSelector {
  constructor(
    private readonly index: SearchIndex,
    private readonly aspects: PolicyAspects,
  ) {}

  select(analysis: QueryAnalysis, scored: ScoredClause[], asOf: IsoDate): GroupSelection {
    // Asked how much, a clause answers only when it grants an amount.
    for (const s of scored) if (answers(s) && !grantsFigure(this.index.clauses[s.position]?.grantsAmount ?? false, analysis)) s.answersPart = s.answersPart.map(() => false);
    const answering = scored.filter(answers);
    const best = answering[0]?.score ?? 0;
    const byPolicy = new Map<string, ScoredClause[]>();
    const allByPolicy = new Map<string, ScoredClause[]>();
    const policyOf = new Map<string, Policy>();
    const add = (map: Map<string, ScoredClause[]>, id: string, s: ScoredClause): void => {
      const list = map.get(id);
      if (list) list.push(s);
      else map.set(id, [s]);
    };
    for (const s of scored) {
      const policy = this.index.clauses[s.position]?.policy;
      if (!policy) continue;
      policyOf.set(policy.id, policy);
      add(allByPolicy, policy.id, s);
      if (answers(s)) add(byPolicy, policy.id, s);
    }
    const answeringGroups = [...byPolicy]
      .filter(([, clauses]) => (clauses[0]?.score ?? 0) >= POLICY_SCORE_RATIO * best)
      .map(([id, clauses]) => ({ id, clauses, rank: rankOf(policyOf.get(id), asOf) }))
      .sort((a, b) => a.rank - b.rank || (b.clauses[0]?.score ?? 0) - (a.clauses[0]?.score ?? 0));
    const omitted = Math.max(0, answeringGroups.length - MAX_POLICIES_SHOWN);
    const groups = answeringGroups.slice(0, MAX_POLICIES_SHOWN);

    const anyInForce = groups.some((g) => g.rank === currencyRank('in-force'));
    const spent = spentIn(analysis.question);
    const passages: Passage[] = [];
    // One clause is cited once, though it may both state a policy's validity and abolish an older one.
    const taken = new Set<number>();
    for (const { id, clauses } of groups) {
      // A decision's rewording of a clause already cited with it is not cited twice (nor its table's row).
      const chosen = this.clausesFor(analysis, clauses, allByPolicy.get(id) ?? [], groups.length === 1).filter((s) => !taken.has(s.position) && !taken.has(this.aspects.rewordedBy(s.position) ?? -1));
      for (const s of chosen) taken.add(s.position);
      const groupStart = passages.length;
      for (const s of chosen) {
        // A decision's new wording is read with the rule it replaces, which applies until it starts.
        const replaced = this.aspects.rewordedBy(s.position);
        if (replaced !== null && !taken.has(replaced)) {
          taken.add(replaced);
          passages.push(passageAt(this.index, replaced, 'answer', asOf));
        }
        const passage = passageAt(this.index, s.position, 'answer', asOf, s.score, s.coverage);
        // Asked whether a policy still applies, a clause that abolished it answers for it.
        const abolished = analysis.intents.has('validity') ? this.aspects.abolishedByClause(passage.clause.id, asOf) : [];
        passages.push(abolished.length > 0 ? { ...passage, abolishes: abolished } : passage);
        passages.push(...this.rewordingPassages(analysis, s.position, taken, asOf));
      }
      // The asker's spending falls in another tier of the grant first cited: that tier answers, first.
      const tier = spent !== null && chosen[0] ? tierHolding(this.index, chosen[0].position, spent) : null;
      if (tier !== null && !taken.has(tier)) {
        taken.add(tier);
        passages.splice(groupStart, 0, passageAt(this.index, tier, 'answer', asOf));
      }
      // A clause that grants on top of another (在第1、2项补助基础上) is read with the one it builds on.
      let room = MAX_CLAUSES_PER_POLICY - chosen.length;
      for (const s of chosen) {
        const base = this.aspects.clauseLabelled(id, buildsOnLabels(this.index.clauses[s.position]?.clause.text ?? ''));
        if (room <= 0 || base === null || taken.has(base)) continue;
        taken.add(base);
        room--;
        passages.push(passageAt(this.index, base, 'answer', asOf));
      }
      passages.push(...this.aspectPassages(analysis, id, taken, asOf, !anyInForce));
    }
    return { passages, policyIds: groups.map((g) => g.id), omitted };
  }

  /**
   * A clause an amending decision rewords is read with the new wording (in force, or from the day the
   * decision starts) and, asked when, with the decision's clause that says so.
   */
  private rewordingPassages(analysis: QueryAnalysis, position: number, taken: Set<number>, asOf: IsoDate): Passage[] {
    const out: Passage[] = [];
    for (const rewording of this.aspects.rewordingsOf(position)) {
      if (taken.has(rewording)) continue;
      const passage = passageAt(this.index, rewording, 'answer', asOf);
      if (passage.status === 'abolished') continue;
      taken.add(rewording);
      out.push(passage);
      const validity = analysis.intents.has('validity') ? this.aspects.validityOf(passage.policy.id) : null;
      if (validity !== null && !taken.has(validity)) {
        taken.add(validity);
        out.push(passageAt(this.index, validity, 'validity', asOf));
      }
    }
    return out;
  }

  private clausesFor(analysis: QueryAnalysis, answering: ScoredClause[], all: ScoredClause[], onlyPolicy: boolean): ScoredClause[] {
    const best = answering[0];
    if (!best) return [];
    // A row of a summary table restates a clause: unless the table is asked about, the clause (with
    // its conditions) answers in its place.
    const first = !analysis.intents.has('table') && this.isTableRow(best) ? (this.restatedBy(best, answering) ?? best) : best;
    // Items compared: the clause that answers best (often one that speaks of them all), then each
    // item's own clause.
    const items = this.itemClauses(analysis, answering);
    if (items) return [first, ...items.filter((s) => s !== first)].slice(0, MAX_CLAUSES_PER_POLICY);
    const chosen = [first];
    const covered = [...first.covered];
    const total = analysis.concepts.reduce((sum, c) => sum + c.weight, 0);
    const take = (s: ScoredClause): void => {
      chosen.push(s);
      s.covered.forEach((w, i) => (covered[i] = Math.max(covered[i] ?? 0, w)));
    };
    // Each sub-question the chosen clauses leave unanswered gets the policy's best clause for it.
    analysis.parts.forEach((_, p) => {
      if (chosen.length >= MAX_CLAUSES_PER_POLICY || chosen.some((s) => s.answersPart[p])) return;
      const candidate = all.find((s) => !chosen.includes(s) && s.answersPart[p]);
      if (candidate) take(candidate);
    });
    // Asked about a table, its best answering row is cited, whatever else answers better.
    if (analysis.intents.has('table') && chosen.length < MAX_CLAUSES_PER_POLICY && !chosen.some((s) => this.isTableRow(s))) {
      const row = answering.find((s) => this.isTableRow(s));
      if (row) take(row);
    }
    // "A和B分别多少" within one policy: clauses that answer as fully as the first, each more specifically.
    const comparing = analysis.intents.has('comparison') && onlyPolicy;
    for (const candidate of answering.slice(1)) {
      if (chosen.length >= MAX_CLAUSES_PER_POLICY) break;
      if (chosen.includes(candidate)) continue;
      const gain = candidate.covered.reduce((sum, w, i) => sum + Math.max(0, w - (covered[i] ?? 0)), 0);
      const parallel = comparing && candidate.coverage >= 0.9 * first.coverage && candidate.score >= 0.5 * first.score;
      if (parallel || (total > 0 && gain / total >= EXTRA_CLAUSE_GAIN && candidate.score >= EXTRA_CLAUSE_SCORE_RATIO * first.score)) take(candidate);
    }
    return chosen;
  }

  /**
   * A prose clause that answers as much as a table row and states at least half its figures (a
   * summary row may add a column the clause leaves to arithmetic: 单家上限 15万元 for 10万元 plus 5万元).
   */
  private restatedBy(row: ScoredClause, answering: ScoredClause[]): ScoredClause | undefined {
    const rowText = this.index.clauses[row.position]?.clause.text ?? '';
    // The row's sums (10万元, 5%) when it writes units, else its numbers (the unit in the header):
    // dates and document numbers a note shares with the row are not what it grants.
    const sums = rowText.match(/\d+(?:\.\d+)?(?=\s*(?:万元|萬元|亿元|億元|元|%|％))/g) ?? [];
    const figures = sums.length > 0 ? sums : (rowText.match(/\d+(?:\.\d+)?/g)?.filter((f) => !/^\d$/.test(f)) ?? []);
    if (figures.length === 0) return undefined;
    return answering.find((s) => {
      if (this.isTableRow(s) || s.answersPart.some((a, p) => row.answersPart[p] && !a)) return false;
      const text = (this.index.clauses[s.position]?.clause.text ?? '').replace(/\s+/g, '');
      return figures.filter((f) => text.includes(f)).length >= RESTATED_SHARE * figures.length;
    });
  }

  private isTableRow(s: ScoredClause): boolean {
    return this.index.clauses[s.position]?.clause.kind === 'table-row';
  }

  /**
   * Items compared (A和B分别多少): each item's own clause, one that says the item and not the others
   * (a table row each) — or null when some item has none, and the usual choice applies.
   */
  private itemClauses(analysis: QueryAnalysis, answering: ScoredClause[]): ScoredClause[] | null {
    const items = analysis.parts.map((part, p) => ({ part, p })).filter(({ part }) => part.distinct);
    if (items.length < 2) return null;
    const keys = items.map(({ part }) => part.key);
    const chosen: ScoredClause[] = [];
    for (const { part, p } of items) {
      const others = keys.filter((k) => k !== part.key && k >= 0);
      // The clause's own words, not its table's caption, say which item it is about.
      const own = answering.find((s) => {
        const text = this.index.ownText(s.position);
        return s.answersPart[p] && others.every((k) => !holdsConcept(text, analysis.concepts[k] as Concept));
      });
      if (!own) return null;
      if (!chosen.includes(own)) chosen.push(own);
    }
    return chosen.slice(0, MAX_CLAUSES_PER_POLICY);
  }

  /**
   * The clauses that state a policy's validity, who interprets it, its overall cap, its exemptions, its
   * procedure or when it takes support back, when the question asks; the
   * validity clause of a policy expired or not yet in force when nothing in force answers; and for a
   * policy abolished, the later policy's clause that abolished it, always.
   */
  aspectPassages(analysis: QueryAnalysis, policyId: string, taken: Set<number>, asOf: IsoDate, nothingInForce = false): Passage[] {
    const wanted: [number | null, PassageRole][] = [];
    // Asked whether one must apply, the policy's clause on awards granted without applying answers.
    if (analysis.intents.has('exemption')) wanted.push([this.aspects.exemptionOf(policyId), 'exemption']);
    // Asked about the procedure beside something else (多长时间内申请？多久审一次？), the policy's clause
    // setting out how applications are handled answers the steps the other clauses do not.
    if (analysis.intents.has('procedure') && sentencesOf(analysis.question).length > 1) wanted.push([this.aspects.procedureOf(policyId), 'procedure']);
    // Asked whether support must be paid back, the policy's clause on taking it back answers.
    if (analysis.intents.has('clawback')) wanted.push([this.aspects.clawbackOf(policyId, taken), 'clawback']);
    // Asked how much one enterprise can have in all, the policy's overall cap holds beside the item's.
    if (analysis.intents.has('cap')) wanted.push([this.aspects.capOf(policyId), 'cap']);
    // Asked who may apply, the policy's general conditions hold beside the item's own.
    if (analysis.intents.has('eligibility')) wanted.push([this.aspects.applicabilityOf(policyId), 'applicability']);
    // When nothing answering is in force, the answer's first words are that this policy has expired or
    // is not yet in force: it cites the clause that says so. (Beside an in-force policy, the expired
    // ones are only for reference, and their validity clauses would crowd the citations.)
    const status = this.aspects.statusOf(policyId, asOf);
    const notCurrent = status === 'expired' || status === 'not-yet-in-force';
    if (analysis.intents.has('validity') || (nothingInForce && notCurrent)) {
      for (const notice of this.aspects.draftNoticeOf(policyId)) wanted.push([notice, 'validity']);
      wanted.push([this.aspects.validityOf(policyId), 'validity']);
    }
    // Asked when, a window an amending decision changes is cited with the item that changes it, and a
    // decision with the window of the policy it amends (not in a list, where each stands for itself).
    if (analysis.intents.has('validity') && !analysis.intents.has('catalogue')) {
      const amended = this.aspects.amendedBy(policyId);
      for (const id of amended === null ? [policyId] : [policyId, amended]) {
        const window = this.aspects.validityOf(id);
        if (window === null) continue;
        if (id !== policyId) wanted.push([window, 'validity']);
        for (const rewording of this.aspects.rewordingsOf(window)) wanted.push([rewording, 'validity']);
      }
    }
    if (analysis.asksInterpretation) wanted.push([this.aspects.interpretationOf(policyId), 'interpretation']);
    wanted.push([this.aspects.abolitionOf(policyId, asOf), 'abolition']);
    const passages: Passage[] = [];
    for (const [position, role] of wanted) {
      if (position === null || taken.has(position)) continue;
      taken.add(position);
      passages.push(passageAt(this.index, position, role, asOf));
    }
    return passages;
  }
}

function rankOf(policy: Policy | undefined, asOf: IsoDate): number {
  return currencyRank(policy ? statusOn(policy, asOf) : 'unknown');
}
