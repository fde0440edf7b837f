import type { Concept, Part } from './analysis.js';
import { holdsConcept } from './holds.js';
import { asksForFigure, countUnitOf } from './intents.js';
import { hasSpecific, partKey } from './key-concept.js';

/**
 * The sub-questions of a question. Each sentence is one (…支持哪些主体？…还能享受吗？); a sentence with
 * nothing specific of its own (…扣除比例是多少？) asks on about the one before and joins it. When items
 * are compared (A和B分别多少), each item is one, with the words they share, keyed on what sets it apart.
 */

const SENTENCES = /[？?；;。!！\n]+/;

/** The sentences of a question, each a question or a statement of its own (…多少？找哪个部门？). */
export function sentencesOf(text: string): string[] {
  return text.split(SENTENCES).filter((s) => s.trim() !== '');
}
const COORDINATION = /以及|[和与及跟、]/;

const conceptsIn = (text: string, concepts: Concept[]): number[] => concepts.flatMap((c, i) => (holdsConcept(text, c) ? [i] : []));

export function partsOf(concepts: Concept[], text: string, comparing: boolean): Part[] {
  const sentences = sentencesOf(text).filter((s) => conceptsIn(s, concepts).length > 0);
  const joined: { text: string; concepts: number[] }[] = [];
  for (const sentence of sentences) {
    const part = conceptsIn(sentence, concepts);
    const last = joined[joined.length - 1];
    if (last && (!hasSpecific(concepts, part) || !hasSpecific(concepts, last.concepts))) {
      last.concepts.push(...part.filter((i) => !last.concepts.includes(i)));
      last.text += sentence;
    } else {
      joined.push({ text: sentence, concepts: [...part] });
    }
  }
  const all = concepts.map((_, i) => i);
  const parts: Omit<Part, 'key'>[] = [];
  for (const sentence of joined) {
    const asksFigure = asksForFigure(sentence.text, countUnitOf(sentence.text));
    const items = comparing ? compared(sentence.text, sentence.concepts, concepts) : [{ concepts: sentence.concepts }];
    parts.push(...items.map((item) => ({ ...item, asksFigure })));
  }
  if (parts.length === 0) parts.push({ concepts: all });
  // Concepts no sentence claims (a wording found only across sentences) still belong to the question.
  const claimed = new Set(parts.flatMap((p) => p.concepts));
  const unclaimed = all.filter((i) => !claimed.has(i));
  if (unclaimed.length > 0) parts[parts.length - 1]?.concepts.push(...unclaimed);
  return parts.map((part) => ({ ...part, key: partKey(concepts, part) }));
}

/** The items of a sentence that compares them, when each has a content word of its own. */
function compared(text: string, inSentence: number[], concepts: Concept[]): Omit<Part, 'key'>[] {
  const segments = text.split(COORDINATION).map((s) => conceptsIn(s, concepts).filter((i) => inSentence.includes(i)));
  const distinct = segments.map((own) => own.filter((i) => concepts[i]?.content && segments.filter((other) => other.includes(i)).length === 1));
  if (segments.length < 2 || distinct.filter((d) => d.length > 0).length < 2) return [{ concepts: inSentence }];
  const shared = inSentence.filter((i) => !distinct.some((d) => d.includes(i)));
  return distinct.filter((d) => d.length > 0).map((d) => ({ concepts: [...d, ...shared], distinct: d }));
}
