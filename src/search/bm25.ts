/** Okapi BM25 parts, kept apart so the ranking can be read and tested on its own. */

export const K1 = 1.2;
export const B = 0.75;

/** Inverse document frequency, never negative (the +1 form of Lucene). */
export function idf(documentCount: number, documentFrequency: number): number {
  return Math.log(1 + (documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/** Term-frequency saturation with length normalisation. */
export function saturatedTf(tf: number, length: number, averageLength: number): number {
  if (tf <= 0) return 0;
  return (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / averageLength));
}
