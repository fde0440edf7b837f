/**
 * Whether a clause grants an amount: a sentence that states a figure beside a word of granting
 * (给予…20万元, 支持比例不超过30%). A target (比例达到90%) or a count is not a grant. Read once per
 * clause when it is indexed, from its text with its heading or table caption.
 */

const SENTENCE = /[。；;！!？?\n]/;
/** An amount or share written in Chinese numerals, as formal documents do (五十万元, 百分之十五). */
export const HAN_AMOUNT = /[零〇一二两三四五六七八九十百千]+\s*(?:万|萬|亿|億)?\s*元|百分之[零〇一二两三四五六七八九十百]+/;
const FIGURE_IN_TEXT = new RegExp(`[\\d０-９]+([.．][\\d０-９]+)?\\s*(万|萬|亿|億|千元|元|%|％)|${HAN_AMOUNT.source}`);
const UNIT_HEADING = /[（(]\s*(万元|萬元|元|亿元|億元|%|％)\s*[)）]/;
/** Words that grant: a figure beside one of them is support given, not a target reached. */
const GRANT = /给予|補貼|补贴|奖励|獎勵|资助|資助|补助|補助|支持|贴息|貼息|奖补|獎補|扶持|补足|返还|減免|减免/;

export function grantsAmountIn(text: string): boolean {
  if (text.split(SENTENCE).some((s) => FIGURE_IN_TEXT.test(s) && GRANT.test(s))) return true;
  // A table row of amounts: the unit is in its column heading (奖励金额（万元）), the number in the row.
  return UNIT_HEADING.test(text) && GRANT.test(text) && /\d/.test(text.split('\n').pop() ?? '');
}
