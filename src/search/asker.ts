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
