import type { Concept } from './analysis.js';

/**
 * A word said at length: its pieces written in order a few characters apart (两化融合管理体系贯标 for
 * 两化融合贯标), read in the text of the leading clauses.
 */

/**
 * At most this many characters may stand between two pieces of a word said at length (管理体系 in
 * 两化融合管理体系贯标), and never a conjunction or a list mark: 智能工厂和数字化车间 is two things.
 */
export const NEAR_PHRASE_GAP = 4;
const BETWEEN_THINGS = /[和与及或、，,；;。]/;

/** The longest pieces that cut a concept's text from left to right, when it has at least two. */
export function orderedPieces(concept: Concept): string[] {
  const pieces = concept.variants.filter((v) => v.kind === 'piece').map((v) => v.term);
  if (pieces.length < 2) return [];
  const out: string[] = [];
  let at = 0;
  while (at < concept.text.length) {
    const piece = pieces.filter((p) => concept.text.startsWith(p, at)).sort((a, b) => b.length - a.length)[0];
    if (!piece) return [];
    out.push(piece);
    at += piece.length;
  }
  return out.length >= 2 ? out : [];
}

/** Whether the pieces occur in order in the text, each within a few characters of the one before. */
export function nearPhrase(text: string, pieces: string[]): boolean {
  if (pieces.length < 2) return false;
  let from = text.indexOf(pieces[0] ?? '');
  while (from >= 0) {
    let end = from + (pieces[0]?.length ?? 0);
    let ok = true;
    for (const piece of pieces.slice(1)) {
      const next = text.indexOf(piece, end);
      if (next < 0 || next - end > NEAR_PHRASE_GAP || BETWEEN_THINGS.test(text.slice(end, next))) {
        ok = false;
        break;
      }
      end = next + piece.length;
    }
    if (ok) return true;
    from = text.indexOf(pieces[0] ?? '', from + 1);
  }
  return false;
}
