import type { QueryAnalysis } from './analysis.js';
import { NARROWING_DETAIL_CREDIT } from './details.js';
import { CREDIT, type ScoredClause } from './score.js';

/**
 * Whether a clause answers a question: for each sub-question, whether it covers enough of the
 * sub-question's weight, its key concept included. One rule for retrieval and composition alike.
 */

/** A clause answers a (sub-)question when it covers this share of its weight, the key concept included. */
export const MIN_COVERAGE = 0.5;

/** The answering rule, the same for retrieval and for choosing clauses per sub-question. */
export const answers = (s: ScoredClause): boolean => s.answersPart.some(Boolean);

/** What a sub-question needs of a clause, worked out once per question rather than per clause. */
export interface PartMeasure {
  /** The concepts coverage is measured over: the content ones, or all when none is content. */
  measured: number[];
  weight: number;
  key: number;
  /** Weight the key concept must be covered with (an abbreviation's credit of its weight); 0: no key. */
  keyNeeds: number;
  /** Asked how much in one part: a clause that states no amount or share does not answer. */
  needsAmount: boolean;
  /** The asker's narrowing words (数控 of 数控设备), with the weight they count where the head is held. */
  details: { modifier: number; head: number; credit: number }[];
}

/** A policy as its title is read. */
export interface PolicyTitle {
  id: string;
  title: string;
}

/** What each policy's title covers of the question's concepts (TitleCoverage). */
export interface TitleReader {
  of(policy: PolicyTitle): ArrayLike<number>;
}

export function partMeasures(analysis: QueryAnalysis): PartMeasure[] {
  // (Whether the amount is granted, not a target, is checked on the answering clauses: grantsFigure.)
  // Each sentence of a longer question is held to a figure when it asks one itself (怎么申报？每年拿多少？).
  const single = analysis.parts.length === 1;
  return analysis.parts.map((part) => {
    // Qualifiers and everyday words (一年, 现在, 公司) rank clauses but do not decide whether one answers:
    // 单个企业一年最多 is answered by 单个企业每年度不超过….
    const content = part.concepts.filter((i) => analysis.concepts[i]?.content);
    const measured = content.length > 0 ? content : part.concepts;
    const key = analysis.concepts[part.key];
    return {
      measured,
      weight: measured.reduce((sum, i) => sum + (analysis.concepts[i]?.weight ?? 0), 0),
      key: part.key,
      keyNeeds: key ? CREDIT.abbreviation * key.weight : 0,
      needsAmount: single ? analysis.asksFigure : part.asksFigure === true,
      details: analysis.details
        .filter((d) => d.modifier !== part.key && measured.includes(d.modifier) && measured.includes(d.head))
        .map((d) => ({ ...d, credit: NARROWING_DETAIL_CREDIT * (analysis.concepts[d.modifier]?.weight ?? 0) })),
    };
  });
}

/**
 * Which sub-questions a clause answers, from the weight it covers of each concept. Asked how much, a
 * one-part question is not answered by a clause that states no amount or share (a target of 20 家 is
 * not a reward of 20万元); a part of a longer question may be about something else (哪个部门).
 * `titles`: what the policy's title covers of each concept (never the key), read only for a part
 * whose key the clause holds and which it falls short on by itself.
 */
export function answeredParts(
  parts: PartMeasure[],
  covered: ArrayLike<number>,
  statesAmount: boolean,
  titles?: TitleReader,
  policy?: PolicyTitle,
): boolean[] {
  const out = new Array<boolean>(parts.length);
  let title: ArrayLike<number> | undefined;
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p] as PartMeasure;
    const holdsKey = part.keyNeeds === 0 || (covered[part.key] ?? 0) >= part.keyNeeds;
    if (!holdsKey || part.weight <= 0 || (part.needsAmount && !statesAmount)) {
      out[p] = false;
      continue;
    }
    const needed = MIN_COVERAGE * part.weight;
    let got = coveredWeight(part, covered);
    if (got < needed && titles && policy) {
      title ??= titles.of(policy);
      got = coveredWeight(part, covered, title);
    }
    out[p] = got >= needed;
  }
  return out;
}

/**
 * Weight a part's concepts are covered with, a narrowing detail counted where its head is held; with
 * the policy's title, each concept as well covered as the clause or the title covers it.
 */
function coveredWeight(part: PartMeasure, clause: ArrayLike<number>, title?: ArrayLike<number>): number {
  let got = 0;
  for (const i of part.measured) got += coverOf(i, clause, title);
  for (const d of part.details) if (coverOf(d.head, clause, title) > 0) got += Math.max(0, d.credit - coverOf(d.modifier, clause, title));
  return got;
}

function coverOf(concept: number, clause: ArrayLike<number>, title?: ArrayLike<number>): number {
  return Math.max(clause[concept] ?? 0, title?.[concept] ?? 0);
}

/**
 * Asked how much, whether a clause grants an amount (read once per clause when it is indexed: see
 * grants.ts). A target (比例达到90%) or a count is not a grant.
 */
export function grantsFigure(grantsAmount: boolean, analysis: QueryAnalysis): boolean {
  return !analysis.asksGrant || analysis.parts.length !== 1 || grantsAmount;
}
