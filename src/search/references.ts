/**
 * A clause that grants on top of another (在第1、2项补助基础上，再给予3%; 在第二条补助基础上) is read
 * with the one it builds on: asked how much, the base and the addition together are the answer.
 */

const BUILDS_ON = /在(?:本(?:政策|办法|措施|细则))?第\s*([^项条款基。；;]{1,12}?)\s*(项|条)[^。；;]{0,10}?基础上/g;
/** The same in a 一问一答 解读: 在问4、问5所述补助基础上. */
const BUILDS_ON_ANSWER = /在((?:[问問]\s*\d{1,3}[、，,和及]?)+)所述[^。；;]{0,10}?基础上/g;

/** The labels the clauses a text builds on may carry (1, （1）, 第二条), in the order named. */
export function buildsOnLabels(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(BUILDS_ON)) {
    for (const raw of (match[1] ?? '').split(/[、，,和及至]/)) {
      const numeral = raw.replace(/[（()）\s]/g, '');
      if (numeral === '') continue;
      if (match[2] === '条') out.push(`第${numeral}条`);
      else out.push(numeral, `（${numeral}）`);
    }
  }
  for (const match of text.matchAll(BUILDS_ON_ANSWER)) out.push(...(match[1]?.match(/[问問]\s*\d{1,3}/g) ?? []).map((q) => `问${q.replace(/\D/g, '')}`));
  return [...new Set(out)];
}
