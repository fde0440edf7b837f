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

/** Sentence stops: a text without any lists its sums rather than saying them in sentences. */
const SENTENCE_STOP = /[。；;！!？?]/;
/**
 * A sum of money that is not a threshold or a size: not followed by 以上/以下/（含）/的, and not after a
 * word that measures a project or a firm (投资额200万元, 营业收入突破1亿元) or a budget (安排资金5000万元).
 */
const GRANTED_SUM =
  /(?<!(?:投资|投资额|投入|营业收入|营收|收入|销售额|销售|产值|规模|突破|达到|超过|资金|预算|总额)\s*)(?<![\d.．])[\d０-９]+(?:[.．][\d０-９]+)?\s*(?:万|萬|亿|億)?\s*元(?!\s*(?:[（(]含[）)])?\s*(?:及|或)?(?:以上|以下|以内|的))/;

/**
 * `row`: the text is a table row under its caption and header, which name what the row grants
 * (技术改造补助分档标准; 补助比例 | 单个项目上限) while the row states the figures.
 */
export function grantsAmountIn(text: string, row = false): boolean {
  if (text.split(SENTENCE).some((s) => FIGURE_IN_TEXT.test(s) && GRANT.test(s))) return true;
  const last = text.split('\n').pop() ?? '';
  // A table row of amounts: the unit is in its column heading (奖励金额（万元）), the number in the row.
  if (UNIT_HEADING.test(text) && GRANT.test(text) && /\d/.test(last)) return true;
  if (row) return GRANT.test(text) && FIGURE_IN_TEXT.test(last);
  // An infographic's panel or a list of labels and sums (A级4万元、AA级9万元) drops the verb: a sum
  // in it that is not a threshold is what it grants.
  return !SENTENCE_STOP.test(text) && GRANTED_SUM.test(text);
}
