import { validityStatus } from '../corpus/dates.js';
import type { Clause, IsoDate, Policy, ValidityStatus } from '../corpus/types.js';
import type { SearchIndex } from './index.js';

/** A clause chosen for an answer, with the part it plays in it. */

export type PassageRole = 'answer' | 'validity' | 'interpretation' | 'catalogue' | 'related';

export interface Passage {
  clause: Clause;
  policy: Policy;
  status: ValidityStatus;
  role: PassageRole;
  score: number;
  coverage: number;
}

/** Where a policy stands on a date: what a reader can still apply for comes first. */
export function statusOn(policy: Policy, asOf: IsoDate): ValidityStatus {
  return validityStatus(policy.validFrom, policy.validTo, asOf);
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

/** Each policy's clauses that state its validity and who interprets it, found once per corpus. */
export class PolicyAspects {
  private readonly validity = new Map<string, number>();
  private readonly interpretation = new Map<string, number>();
  private readonly first = new Map<string, number>();

  constructor(index: SearchIndex) {
    index.clauses.forEach((entry, position) => {
      const id = entry.policy.id;
      if (!this.first.has(id)) this.first.set(id, position);
      if (entry.clause.id === entry.policy.validityClauseId) this.validity.set(id, position);
      if (INTERPRETATION.test(entry.clause.text)) this.interpretation.set(id, position);
    });
  }

  validityOf(policyId: string): number | null {
    return this.validity.get(policyId) ?? null;
  }

  interpretationOf(policyId: string): number | null {
    return this.interpretation.get(policyId) ?? null;
  }

  /** The clause that best stands for a policy as a whole: its validity clause, else its first. */
  representative(policyId: string): number | null {
    return this.validity.get(policyId) ?? this.first.get(policyId) ?? null;
  }
}
