/**
 * What character recognition makes of figures in a scanned page: the letter O (or 〇) for a zero
 * inside a number (1OO万元, 2〇23年), 兀 for the 元 after a sum, 曰 for the 日 of a date. A document
 * is quoted as printed; its figures are read as meant. Folding is one for one, so positions in the
 * folded text are those of the printed one.
 */

/** A run of digits and zero look-alikes holding at least one real digit: 1OO, 5O, 2〇23. */
const DIGIT_RUN = /[0-9０-９OoО〇○]*[0-9０-９][0-9０-９OoО〇○]*/g;
const ZERO_LOOKALIKE = /[OoО〇○]/g;
/** Look-alikes of a unit or a date's day, right after a number: 300兀, 31曰. */
const UNIT_LOOKALIKE = /(?<=[0-9０-９万萬亿億])兀|(?<=[0-9０-９]\s*)曰/g;
const MAYBE_NOISE = /[OoО〇○兀曰]/;

export function foldRecognitionNoise(text: string): string {
  if (!MAYBE_NOISE.test(text)) return text;
  return text
    .replace(DIGIT_RUN, (run) => (/[0-9０-９]/.test(run) ? run.replace(ZERO_LOOKALIKE, '0') : run))
    .replace(UNIT_LOOKALIKE, (char) => (char === '兀' ? '元' : '日'));
}
