import type { SearchIndex } from './index.js';
import type { Clause } from '../corpus/types.js';
import { rangeBefore, rangeHolds, rangeIn, shareOfSpending, type SpendingRange } from './spending.js';

/**
 * A graded grant often states its tiers as consecutive items of one section (2.1.1 300万元以上、
 * 2000万元以下的按7%; 2.1.2 2000万元以上的按9%) or as the rows of a tier table: the item that best
 * matches a question's words may be a tier that does not hold what the asker spent, and the one that
 * does is a neighbour.
 */

/** How far a tier's neighbours are looked for: tier ladders in the genre run to three or four steps. */
export const TIER_NEIGHBOURS = 3;

/**
 * The spending range an item grants for: the one written before its share (按设备投资额的7%); in a
 * tier table's row (第二档 ¦ 1000万元（含）至5000万元 ¦ 7% ¦), the range its cells state.
 */
function rangeOf(clause: Clause): SpendingRange | null {
  const normalised = clause.text.normalize('NFKC');
  const share = shareOfSpending(normalised);
  const range = share ? rangeBefore(normalised, share) : clause.kind === 'table-row' ? rangeIn(normalised) : null;
  return range === null || (range.lower === null && range.upper === null) ? null : range;
}

/** A clause that sets its rates out in a table: 标准见表1, 按附表2执行. */
const TABLE_REFERENCE = /(?:见|详见|按照?|依照|参照)\s*(附?表\s*[\d一二三四五六七八九十]+)(?![\d一二三四五六七八九十])/;

/** The row of the table a clause refers to (标准见表1) whose range holds the spending, or null. */
function referredRow(index: SearchIndex, position: number, spent: number): number | null {
  const entry = index.clauses[position];
  const label = entry ? TABLE_REFERENCE.exec(entry.clause.text)?.[1]?.replace(/\s+/g, '') : undefined;
  if (!entry || label === undefined) return null;
  // A policy's clauses are indexed together, in order: its table is among them.
  for (const step of [1, -1]) {
    for (let at = position + step; index.clauses[at]?.policy === entry.policy; at += step) {
      const row = index.clauses[at]?.clause;
      const caption = row?.sectionPath[row.sectionPath.length - 1]?.replace(/\s+/g, '') ?? '';
      if (row?.kind !== 'table-row' || !caption.startsWith(label)) continue;
      const range = rangeOf(row);
      if (range !== null && rangeHolds(range, spent)) return at;
    }
  }
  return null;
}

/**
 * The neighbouring item of the same policy and section whose range holds the spending, when the
 * clause at `position` grants by a range that does not, or the row holding it of the table the clause
 * refers to; null when the clause holds it, states none, or no neighbour does.
 */
export function tierHolding(index: SearchIndex, position: number, spent: number): number | null {
  const entry = index.clauses[position];
  if (!entry) return null;
  const own = rangeOf(entry.clause);
  if (own === null) return referredRow(index, position, spent);
  if (rangeHolds(own, spent)) return null;
  const section = entry.clause.sectionPath.join('/');
  for (let distance = 1; distance <= TIER_NEIGHBOURS; distance++) {
    for (const neighbour of [position - distance, position + distance]) {
      const other = index.clauses[neighbour];
      if (!other || other.policy !== entry.policy || other.clause.kind !== entry.clause.kind || other.clause.sectionPath.join('/') !== section) continue;
      const range = rangeOf(other.clause);
      if (range !== null && rangeHolds(range, spent)) return neighbour;
    }
  }
  return null;
}
