import { describe, expect, it } from 'vitest';
import { rankTouched } from '../../src/search/candidates.js';

/** Every touched clause sorted by weight, ties to the lower position: what ranking must equal. */
function reference(weights: number[], positions: number[], limit: number): number[] {
  return [...positions].sort((a, b) => (weights[b] ?? 0) - (weights[a] ?? 0) || a - b).slice(0, limit);
}

describe('ranking the clauses a question’s terms touched', () => {
  it('keeps the best by weight, ties to the lower position, and resets every weight', () => {
    let seed = 7;
    const random = (): number => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (const [size, limit] of [[50, 300], [5000, 300], [3000, 40]] as const) {
      const weights = new Float64Array(size);
      const positions: number[] = [];
      // Few distinct weights, as sums of a handful of IDFs give: many ties at the cut.
      for (let p = size - 1; p >= 0; p--) if (random() < 0.8) positions.push(p);
      for (const p of positions) weights[p] = Math.ceil(random() * 4) * 1.5;
      const expected = reference(Array.from(weights), positions, limit);
      const touched = Int32Array.from(positions);
      // Thinning drops only clauses below a share of the best weight, which here more than `limit` hold.
      const ranked = rankTouched(weights, touched, positions.length, limit);
      expect(ranked.length).toBe(Math.min(limit, positions.length));
      expect(ranked).toEqual(expected);
      expect(weights.every((w) => w === 0)).toBe(true);
    }
  });
});
