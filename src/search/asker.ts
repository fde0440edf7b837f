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
