import type { Concept } from './analysis.js';

/**
 * Details of the asker's own situation. Telling what they did (今年上了一批数控设备投了800万), an asker
 * narrows a thing a policy states generally: 数控设备 is a kind of 设备 (Chinese compounds end in their
 * head), and a clause on 设备投资 speaks of it. In the question proper (数控设备补多少？) the word
 * written before is what is asked about, and the key-concept rule holds.
 */

/** A narrowing word counts this much covered where the clause has its head: near the topic, as a piece of a word is. */
export const NARROWING_DETAIL_CREDIT = 0.5;

/** A piece of the question that asks something (多少, 吗, 哪, 怎么…), as opposed to one that tells. */
const ASKS = /吗|么|呢|嘛|多少|几|哪|什么|啥|怎么|怎样|如何|是否|能否|可否|有没有|是不是|能不能|可不可以|要不要|\?/;
const PIECES = /[，,。；;！!？?\n]+/;

export interface NarrowingDetail {
  modifier: number;
  head: number;
}

/**
 * Content words the corpus has, written right before a common noun (`isNoun`) in a piece that tells
 * rather than asks. A word the corpus lacks (出口信用 of 出口信用保险) narrows to something no policy
 * here speaks of; a verb (统计 of 纳入规上统计) is what was done, not a kind of thing.
 */
export function narrowingDetails(concepts: readonly Concept[], question: string, isNoun: (word: string) => boolean): NarrowingDetail[] {
  const out: NarrowingDetail[] = [];
  for (const piece of question.split(PIECES)) {
    if (piece === '' || ASKS.test(piece)) continue;
    for (let m = 0; m < concepts.length; m++) {
      const modifier = concepts[m] as Concept;
      if (!modifier.content || modifier.generic || modifier.status !== 'known') continue;
      for (let h = 0; h < concepts.length; h++) {
        const head = concepts[h] as Concept;
        if (h !== m && head.content && isNoun(head.text) && piece.includes(modifier.text + head.text)) out.push({ modifier: m, head: h });
      }
    }
  }
  return out;
}
