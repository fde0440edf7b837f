import { policyStatus } from '../corpus/dates.js';
import type { Clause, IsoDate, Policy, ValidityStatus } from '../corpus/types.js';
import type { ScopeRelation } from '../regions/index.js';
import { findAmendments } from './amendments.js';
import type { SearchIndex } from './index.js';

/** A clause chosen for an answer, with the part it plays in it. */

/** answer: it answers; validity, interpretation, applicability (who may apply): the policy's own
 *  clause on that; abolition: the clause of a later policy that abolished this one; catalogue: stands
 *  for its policy in a list; measure: one of the measures a policy lists; cap: the policy's limit on
 *  what one enterprise may receive in all; exemption: which awards are granted without an application;
 *  clawback: when support is taken back; procedure: how applications are handled; related: another
 *  region's clause, for reference. */
export type PassageRole = 'answer' | 'validity' | 'interpretation' | 'applicability' | 'abolition' | 'catalogue' | 'measure' | 'cap' | 'exemption' | 'clawback' | 'procedure' | 'related';

export interface Passage {
  clause: Clause;
  policy: Policy;
  status: ValidityStatus;
  role: PassageRole;
  score: number;
  coverage: number;
  /**
   * For a question about a region: how the policy's region relates to it — its own (self), one inside
   * it (within: 太仓市 for 苏州), or one above it whose policies apply there (above: 上海市 for 松江区).
   */
  relation?: ScopeRelation;
  /** Policies this clause abolished by the date asked (原《…》同时废止), set when a question asks about validity. */
  abolishes?: Policy[];
}

/** Where a policy stands on a date: what a reader can still apply for comes first. */
export function statusOn(policy: Policy, asOf: IsoDate): ValidityStatus {
  return policyStatus(policy, asOf);
}

const RANK: Record<string, number> = { 'in-force': 0, 'not-yet-in-force': 1, unknown: 2, expired: 3, abolished: 4 };

/** Sort key: in force, not yet in force, unknown, expired, abolished. */
export function currencyRank(status: ValidityStatus): number {
  return RANK[status] ?? 2;
}

export function passageAt(index: SearchIndex, position: number, role: PassageRole, asOf: IsoDate, score = 0, coverage = 0): Passage {
  const entry = index.clauses[position];
  if (!entry) throw new Error(`no clause at ${position}`);
  return { clause: entry.clause, policy: entry.policy, status: statusOn(entry.policy, asOf), role, score, coverage };
}

const INTERPRETATION = /负责解释|負責解釋/;
/**
 * How a policy says whom it applies to, in the drafting formulas of the genre: 本细则适用于…,
 * 支持对象, 申报条件 — the clause an eligibility question needs beside the item's own.
 */
const APPLICABILITY = /本(?:细则|細則|办法|辦法|措施|政策|意见|意見|方案|规定|規定)适用于|本(?:细则|細則|办法|辦法|措施|政策|意见|意見|方案|规定|規定)適用於|(?:支持|扶持|适用|適用)对象|申报(?:主体|条件)|申請條件|申请条件/;

/**
 * How a policy caps what one enterprise receives under it in all, in the drafting formulas of the
 * genre: 单个企业每年度获得专项资金总额不超过500万元, 同一企业同一年度获得本办法奖补资金总额不超过2000万元.
 */
export const CAP_CLAUSE = /(?:单个|單個|同一|每家|每个|每個)企业[^。；;]{0,30}?(?:总额|總額|合计|合計|累计|累計)[^。；;]{0,8}?(?:不超过|不超過|不得超过|不得超過|最高|封顶|封頂|上限)/;

/** How a policy says an award is granted without an application: 免申即享, 企业无需提交申请, 直接核定. */
export const EXEMPTION_CLAUSE = /免申即享|免于申报|免申报|无需(?:企业)?(?:另行|单独|再)?(?:申报|申请|提交|报送)|無需(?:申報|申請|提交)|不需(?:要)?(?:申报|申请)/;

/** How a policy takes support back: 追回已拨付资金, 全额退还, 收回奖励. */
export const CLAWBACK_CLAUSE = /追回|收回|退还|返还|退回|追繳|追缴/;

/** The steps of handling an application: a clause naming two or more of them states the procedure. */
const PROCEDURE_STEPS = /受理|初审|审核|评审|公示|拨付|下达资金|申报通知|提交申报材料|集中申报/g;
/** Fewest distinct steps a procedure clause names. */
const MIN_PROCEDURE_STEPS = 2;

/** Each policy's clauses that state its validity and who interprets it, found once per corpus. */
export class PolicyAspects {
  private readonly validity = new Map<string, number>();
  private readonly draftNotice = new Map<string, number[]>();
  private readonly interpretation = new Map<string, number>();
  private readonly applicability = new Map<string, number>();
  private readonly cap = new Map<string, number>();
  private readonly exemption = new Map<string, number>();
  private readonly clawback = new Map<string, number[]>();
  private readonly procedure = new Map<string, { position: number; steps: number }>();
  private readonly first = new Map<string, number>();
  private readonly positionOfClause = new Map<string, number>();
  /** Each policy's clauses by label (the first one of a label), for a clause that names another. */
  private readonly labelled = new Map<string, Map<string, number>>();
  private readonly policies = new Map<string, Policy>();
  /** The policies each clause abolishes (原《…》同时废止), keyed by the abolishing clause. */
  private readonly abolishedBy = new Map<string, Policy[]>();
  /** An amended clause's rewordings: the decision's items, else its comparison-table rows. */
  private readonly rewordings = new Map<number, { items: number[]; rows: number[] }>();
  /** A decision's item or row, and the clause of the amended policy it rewords. */
  private readonly reworded = new Map<number, number>();
  /** An amending decision and the policy it amends. */
  private readonly amended = new Map<string, string>();

  constructor(private readonly index: SearchIndex) {
    index.clauses.forEach((entry, position) => {
      const id = entry.policy.id;
      this.policies.set(id, entry.policy);
      this.positionOfClause.set(entry.clause.id, position);
      const labels = this.labelled.get(id) ?? new Map<string, number>();
      if (!labels.has(entry.clause.label)) labels.set(entry.clause.label, position);
      this.labelled.set(id, labels);
      if (!this.first.has(id)) this.first.set(id, position);
      if (entry.clause.id === entry.policy.validityClauseId) this.validity.set(id, position);
      if (entry.policy.draftNoticeClauseIds.includes(entry.clause.id)) this.draftNotice.set(id, [...(this.draftNotice.get(id) ?? []), position]);
      if (INTERPRETATION.test(entry.clause.text)) this.interpretation.set(id, position);
      if (!this.applicability.has(id) && APPLICABILITY.test(entry.clause.text)) this.applicability.set(id, position);
      if (!this.cap.has(id) && CAP_CLAUSE.test(entry.clause.text)) this.cap.set(id, position);
      // The last such clause: the procedure, near a policy's end, says it of all its awards; an item's
      // clause earlier says it of its own.
      if (EXEMPTION_CLAUSE.test(entry.clause.text)) this.exemption.set(id, position);
      if (CLAWBACK_CLAUSE.test(entry.clause.text)) {
        const list = this.clawback.get(id);
        if (list) list.push(position);
        else this.clawback.set(id, [position]);
      }
      // The clause naming the most steps (the first of those): where the procedure is set out.
      const steps = new Set(entry.clause.text.match(PROCEDURE_STEPS)).size;
      if (steps >= MIN_PROCEDURE_STEPS && steps > (this.procedure.get(id)?.steps ?? 0)) this.procedure.set(id, { position, steps });
    });
    for (const policy of this.policies.values()) {
      if (!policy.abolishedByClauseId) continue;
      const list = this.abolishedBy.get(policy.abolishedByClauseId) ?? [];
      list.push(policy);
      this.abolishedBy.set(policy.abolishedByClauseId, list);
    }
    for (const amendment of findAmendments(this.policies.values())) {
      const target = this.labelled.get(amendment.target.policyId)?.get(amendment.target.label);
      const position = this.positionOfClause.get(amendment.clauseId);
      if (target === undefined || position === undefined) continue;
      this.reworded.set(position, target);
      const decision = this.index.clauses[position]?.policy.id;
      if (decision !== undefined) this.amended.set(decision, amendment.target.policyId);
      const entry = this.rewordings.get(target) ?? { items: [], rows: [] };
      (amendment.tableRow ? entry.rows : entry.items).push(position);
      this.rewordings.set(target, entry);
    }
  }

  /** The clauses of an amending decision that reword this clause: its items, else its table's rows. */
  rewordingsOf(position: number): readonly number[] {
    const entry = this.rewordings.get(position);
    if (!entry) return [];
    return entry.items.length > 0 ? entry.items : entry.rows;
  }

  /** For an amending decision, the policy it amends. */
  amendedBy(decisionId: string): string | null {
    return this.amended.get(decisionId) ?? null;
  }

  /** For a decision's item or row, the clause of the amended policy it rewords. */
  rewordedBy(position: number): number | null {
    return this.reworded.get(position) ?? null;
  }

  validityOf(policyId: string): number | null {
    return this.validity.get(policyId) ?? null;
  }

  /** A draft's notice clauses (comments until…; 征求意见稿内容不代表最终政策): where it stands, beside the dates it would have. */
  draftNoticeOf(policyId: string): number[] {
    return this.draftNotice.get(policyId) ?? [];
  }

  interpretationOf(policyId: string): number | null {
    return this.interpretation.get(policyId) ?? null;
  }

  /** The clause that says whom the policy applies to (its first such clause). */
  applicabilityOf(policyId: string): number | null {
    return this.applicability.get(policyId) ?? null;
  }

  /** The clause that caps what one enterprise receives under the policy in all (its first such clause). */
  capOf(policyId: string): number | null {
    return this.cap.get(policyId) ?? null;
  }

  /** The clause that says which awards need no application (its last such clause). */
  exemptionOf(policyId: string): number | null {
    return this.exemption.get(policyId) ?? null;
  }

  /**
   * The clause that says when support is taken back: the one naming a clause already cited by its
   * article (获得第七条奖励的企业…追回), else the last, where supervision says it of all awards.
   */
  clawbackOf(policyId: string, cited: ReadonlySet<number> = new Set()): number | null {
    const clauses = this.clawback.get(policyId) ?? [];
    const articles = [...cited].map((p) => this.index.clauses[p]).filter((e) => e?.policy.id === policyId).map((e) => e?.clause.label ?? '').filter((l) => /^第.+条$/.test(l));
    return clauses.find((p) => articles.some((a) => this.index.clauses[p]?.clause.text.includes(a))) ?? clauses[clauses.length - 1] ?? null;
  }

  /** The clause that sets out how an application is handled (受理, 初审, 公示, 拨付…). */
  procedureOf(policyId: string): number | null {
    return this.procedure.get(policyId)?.position ?? null;
  }

  /** The first of a policy's clauses carrying one of these labels, in the order given. */
  clauseLabelled(policyId: string, labels: readonly string[]): number | null {
    const byLabel = this.labelled.get(policyId);
    for (const label of labels) {
      const position = byLabel?.get(label);
      if (position !== undefined) return position;
    }
    return null;
  }

  statusOf(policyId: string, asOf: IsoDate): ValidityStatus | null {
    const policy = this.policies.get(policyId);
    return policy ? statusOn(policy, asOf) : null;
  }

  /** For a policy abolished by the date asked, the clause of the later policy that abolished it. */
  abolitionOf(policyId: string, asOf: IsoDate): number | null {
    const policy = this.policies.get(policyId);
    if (!policy?.abolishedByClauseId || statusOn(policy, asOf) !== 'abolished') return null;
    return this.positionOfClause.get(policy.abolishedByClauseId) ?? null;
  }

  /** The policies a clause abolished by the date asked. */
  abolishedByClause(clauseId: string, asOf: IsoDate): Policy[] {
    return (this.abolishedBy.get(clauseId) ?? []).filter((p) => statusOn(p, asOf) === 'abolished');
  }

  /** The clause that best stands for a policy as a whole: its validity clause, else its first. */
  representative(policyId: string): number | null {
    return this.validity.get(policyId) ?? this.first.get(policyId) ?? null;
  }
}

/** In force first, keeping each policy's clauses together and the order chosen otherwise. */
export function orderByCurrency(passages: Passage[]): Passage[] {
  const firstAt = new Map<string, number>();
  passages.forEach((p, i) => {
    if (!firstAt.has(p.policy.id)) firstAt.set(p.policy.id, i);
  });
  return passages
    .map((p, i) => ({ p, i }))
    .sort((a, b) => {
      const byStatus = currencyRank(a.p.status) - currencyRank(b.p.status);
      if (a.p.policy.id === b.p.policy.id) return a.i - b.i;
      return byStatus || (firstAt.get(a.p.policy.id) ?? 0) - (firstAt.get(b.p.policy.id) ?? 0);
    })
    .map(({ p }) => p);
}
