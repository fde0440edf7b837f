/** The words a small business calls itself by: 企业, 公司, 工厂, 厂子, 单位. */
const ASKER_NAMES = ['企业', '公司', '工厂', '厂子', '厂家', '厂', '单位'];

/**
 * Text that starts with one of those names: what stands before it describes the asker (规上 in
 * 规上企业搞…) and is never the topic of the question.
 */
export const ASKER_NOUN = new RegExp(`^(${ASKER_NAMES.join('|')})`);

/** Whether a word is one of those names (厂子), not merely starts with one (厂房 is a building). */
export function namesAsker(word: string): boolean {
  return ASKER_NAMES.includes(word);
}

/**
 * A kind of enterprise named whole (中小企业, 规上企业, 科技型公司): it too describes the asker, beside a
 * topic. (A kind of 工厂 is an honour: 智能工厂, 绿色工厂.)
 */
export function isAskerKind(word: string): boolean {
  return /^\p{Script=Han}{2,}(企业|公司)$/u.test(word);
}

/** What the asker says they make or do: 做普通化工的, 我们是搞食品加工的, 从事电池材料生产的. */
const TRADE = /(?:做|搞|从事|干)([\p{Script=Han}A-Za-z]{2,10}?)的(?=[，,。；;！!？?\s]|$)/u;

export function tradeOf(question: string): string | null {
  return TRADE.exec(question)?.[1] ?? null;
}

/** The kinds of place inside a region an enterprise may sit in: 甘河园区, 老城经济开发区, 某某镇. */
const PLACE_KIND = /^(?:工业园区|产业园区|园区|工业园|产业园|开发区|高新区|片区|镇|乡|街道)/;

/** A word the question writes as the name of a place within a region: 甘河 in 在甘河园区. */
export function namesLocalPlace(question: string, word: string): boolean {
  const at = question.indexOf(word);
  return at >= 0 && !PLACE_KIND.test(word) && PLACE_KIND.test(question.slice(at + word.length));
}
