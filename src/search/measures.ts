import type { IsoDate, Policy } from '../corpus/types.js';
import type { QueryAnalysis } from './analysis.js';
import { holdsConcept } from './holds.js';
import type { SearchIndex } from './index.js';
import { passageAt, statusOn, type Passage } from './passages.js';

/**
 * "这份措施有哪些支持项目", "支持方向有哪几类": the measures one policy lists, each cited by its own
 * clause in the order the policy gives them. Which policy: the one the question names, or the only
 * one of the place asked about whose title says what the question says of it (家具产业智改数转措施).
 */

/** Beyond a dozen items a reader stops reading: the answer says how many more the policy lists. */
export const MAX_MEASURES_LISTED = 12;
/** A policy granting fewer than this lists no measures to speak of: its clauses answer as usual. */
export const MIN_MEASURES = 2;

export interface MeasureList {
  policy: Policy;
  /** The granting clauses, in document order, role 'measure'. */
  passages: Passage[];
  /** Granting clauses beyond MAX_MEASURES_LISTED, not set out. */
  omitted: number;
}

export interface MeasureSource {
  index: SearchIndex;
  /** The places a region asked about stands for: itself under each spelling on file. */
  ownPlaces(region: string): string[];
  positionsOf(region: string): readonly number[];
}

/** The policy whose measures are asked for, or null when the question does not single one out. */
export function policyAskedAbout(analysis: QueryAnalysis, asked: string[], source: MeasureSource, asOf: IsoDate): Policy | null {
  const { index } = source;
  if (analysis.policyIds.length === 1) return index.policies.find((p) => p.id === analysis.policyIds[0]) ?? null;
  if (analysis.policyIds.length > 1 || asked.length !== 1) return null;
  const places = new Set(asked.flatMap((r) => source.ownPlaces(r)));
  const topical = analysis.concepts.filter((c) => c.content && c.weight > 0 && !c.generic);
  const fitting = index.policies.filter((p) => places.has(p.region) && topical.every((c) => holdsConcept(p.title, c)));
  if (fitting.length === 1) return fitting[0] ?? null;
  const inForce = fitting.filter((p) => statusOn(p, asOf) === 'in-force');
  return inForce.length === 1 ? (inForce[0] ?? null) : null;
}

/**
 * The measures: the policy's numbered clauses in the sections where it grants (a free service or a
 * voucher there is a measure too, though it states no sum), or — for a policy that grants only in a
 * table — its granting rows. A table that sums up the body's measures is not listed again.
 */
export function measuresOf(policy: Policy, source: MeasureSource, asOf: IsoDate): MeasureList | null {
  const own = source.positionsOf(policy.region).filter((position) => source.index.clauses[position]?.policy.id === policy.id);
  const entry = (position: number) => source.index.clauses[position];
  const sectionOf = (position: number): string => entry(position)?.clause.sectionPath.join('/') ?? '';
  const grantingInBody = new Set(own.filter((p) => entry(p)?.grantsAmount && entry(p)?.clause.kind !== 'table-row'));
  let measures: number[];
  if (grantingInBody.size >= MIN_MEASURES) {
    const sections = new Set([...grantingInBody].map(sectionOf));
    measures = own.filter((p) => grantingInBody.has(p) || (entry(p)?.clause.kind === 'numbered' && sections.has(sectionOf(p))));
  } else {
    measures = own.filter((p) => entry(p)?.grantsAmount);
  }
  if (measures.length < MIN_MEASURES) return null;
  return {
    policy,
    passages: measures.slice(0, MAX_MEASURES_LISTED).map((position) => passageAt(source.index, position, 'measure', asOf)),
    omitted: Math.max(0, measures.length - MAX_MEASURES_LISTED),
  };
}
