import type { SearchIndex } from './index.js';
import { rangeBefore, rangeHolds, shareOfSpending, type SpendingRange } from './spending.js';

/**
 * A graded grant often states its tiers as consecutive items of one section (2.1.1 300万元以上、
 * 2000万元以下的按7%; 2.1.2 2000万元以上的按9%): the item that best matches a question's words may
 * be a tier that does not hold what the asker spent, and the one that does is a neighbour.
 */

/** How far a tier's neighbours are looked for: tier ladders in the genre run to three or four steps. */
export const TIER_NEIGHBOURS = 3;

function rangeOf(text: string): SpendingRange | null {
  const normalised = text.normalize('NFKC');
  const share = shareOfSpending(normalised);
  if (!share) return null;
  const range = rangeBefore(normalised, share);
  return range.lower === null && range.upper === null ? null : range;
}

/**
 * The neighbouring item of the same policy and section whose range holds the spending, when the
 * clause at `position` grants by a range that does not; null when it holds it, states none, or no
 * neighbour does.
 */
export function tierHolding(index: SearchIndex, position: number, spent: number): number | null {
  const entry = index.clauses[position];
  if (!entry) return null;
  const own = rangeOf(entry.clause.text);
  if (own === null || rangeHolds(own, spent)) return null;
  const section = entry.clause.sectionPath.join('/');
  for (let distance = 1; distance <= TIER_NEIGHBOURS; distance++) {
    for (const neighbour of [position - distance, position + distance]) {
      const other = index.clauses[neighbour];
      if (!other || other.policy !== entry.policy || other.clause.kind !== entry.clause.kind || other.clause.sectionPath.join('/') !== section) continue;
      const range = rangeOf(other.clause.text);
      if (range !== null && rangeHolds(range, spent)) return neighbour;
    }
  }
  return null;
}
