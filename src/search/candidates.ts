/**
 * How the index finds candidate clauses for a question: by its selective terms only, and ranked by
 * the IDF weight of the terms each clause holds, without sorting every clause touched.
 */

/** A term in more than this share of clauses (and more than the floor) is not used to find candidates. */
export const COMMON_TERM_SHARE = 0.05;
export const COMMON_TERM_FLOOR = 50;
/** The rarest terms of a question are enough to find its clauses. */
export const MAX_CANDIDATE_TERMS = 8;
/** How many clauses of a common term's postings are read when it must be used at all. */
export const COMMON_TERM_REACH = 2000;
/**
 * Shares of the best clause's weight a candidate must hold, raised one at a time while more than
 * THINNING_SLACK times the limit remain: a clause below half the best one's weight misses most of
 * the question's rare terms, and thinning before sorting keeps the cost flat as the corpus grows.
 */
export const THINNING_SHARES = [0.5, 0.75, 0.9];
export const THINNING_SLACK = 4;

/** The document frequency above which a term is common in a corpus of this many clauses. */
export function commonThreshold(clauseCount: number): number {
  return Math.max(COMMON_TERM_FLOOR, clauseCount * COMMON_TERM_SHARE);
}

/** The terms that find candidates: the rarest few that are not common (the two rarest when all are). */
export function selectiveTerms<T extends { id: number }>(ids: T[], documentFrequency: (id: number) => number, common: number): T[] {
  const sorted = [...ids].sort((a, b) => documentFrequency(a.id) - documentFrequency(b.id));
  const selective = sorted.filter((t) => documentFrequency(t.id) <= common).slice(0, MAX_CANDIDATE_TERMS);
  return selective.length > 0 ? selective : sorted.slice(0, 2);
}

/**
 * The best `limit` of the `count` clauses touched (positions in `touched`, weights in `weights`),
 * best first; every weight is reset to 0 for the next question.
 */
export function rankTouched(weights: Float64Array, touched: Int32Array, count: number, limit: number): number[] {
  let best = 0;
  for (let i = 0; i < count; i++) best = Math.max(best, weights[touched[i] ?? 0] ?? 0);
  let kept = count;
  for (const share of THINNING_SHARES) {
    if (kept <= THINNING_SLACK * limit) break;
    let write = 0;
    for (let i = 0; i < kept; i++) {
      const position = touched[i] ?? 0;
      if ((weights[position] ?? 0) >= share * best) touched[write++] = position;
      else weights[position] = 0;
    }
    kept = write;
  }
  const ranked = bestOf(weights, touched.subarray(0, kept), limit);
  for (let i = 0; i < count; i++) weights[touched[i] ?? 0] = 0;
  return ranked;
}

/**
 * The `limit` best positions by weight, ties to the lower position, best first. Thousands of clauses
 * may share a rare term: the weight the last one kept needs is found with a native numeric sort, and
 * only the kept ones are sorted with a comparator.
 */
function bestOf(weights: Float64Array, positions: Int32Array, limit: number): number[] {
  const byWeight = (a: number, b: number): number => (weights[b] ?? 0) - (weights[a] ?? 0) || a - b;
  if (positions.length <= limit) return Array.from(positions).sort(byWeight);
  const sorted = new Float64Array(positions.length);
  for (let i = 0; i < positions.length; i++) sorted[i] = weights[positions[i] ?? 0] ?? 0;
  sorted.sort();
  const least = sorted[sorted.length - limit] ?? 0;
  const above: number[] = [];
  const tied: number[] = [];
  for (let i = 0; i < positions.length; i++) {
    const position = positions[i] ?? 0;
    const weight = weights[position] ?? 0;
    if (weight > least) above.push(position);
    else if (weight === least) tied.push(position);
  }
  tied.sort((a, b) => a - b);
  return above.concat(tied.slice(0, limit - above.length)).sort(byWeight);
}
