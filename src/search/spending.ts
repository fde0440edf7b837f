/**
 * What the asker says they spent (投了800万, 设备花了1200万元, 投到600多万): their own figure, which an
 * estimate is worked from and which picks the tier of a graded grant, but which no clause need state.
 */

/** A spending verb, then a figure with its unit. */
const SPENT = /(?:投资|投入|投了|投到|花了|花费|用了|购置|购买|买了|采购)[^，。？?；;！!\d]{0,8}?(\d+(?:\.\d+)?)\s*多?\s*(亿|万)?\s*(元)?/;
const SPENT_FIGURES = new RegExp(SPENT.source, 'g');

export const inTenThousands = (value: string, unit: string | undefined): number => Number(value) * (unit === '亿' ? 10000 : unit === '万' ? 1 : 0.0001);

/** The asker's spending in 万元, or null when the question states none with a unit of money. */
export function spentIn(question: string): number | null {
  const match = SPENT.exec(question.normalize('NFKC'));
  if (!match || (!match[2] && !match[3])) return null;
  return inTenThousands(match[1] ?? '', match[2]);
}

/** A spoken verb with its particle (投了, 投到, 花了): how the asker tells it, never a clause's word. */
const SPOKEN_VERB = /^(?:投了|投到|花了|用了|买了)/;

/**
 * The question without what the asker spent: the figure goes, and a spoken verb with it; a verb
 * clauses use (投资, 购置) stays, since with the thing before it (设备投资) it says what on.
 */
export function withoutSpentFigures(question: string): string {
  return question.replace(SPENT_FIGURES, (whole: string, figure: string, unit: string | undefined, yuan: string | undefined) => {
    if (!unit && !yuan) return whole;
    return `${whole.slice(0, whole.lastIndexOf(figure)).replace(SPOKEN_VERB, '')} `;
  });
}

/** A share of a spending base (按设备投资额的12%, 按项目总投资的30%, 按审计确认费用的50%). */
const SHARE = /按[^，。；;]{0,20}?(?:投资额|投资|投入|费用|支出|价款|购置额|合同额|金额)[^，。；;\d]{0,6}?(\d+(?:\.\d+)?)\s*[%％]/;
/** A bare share (按6%给予补助) in a sentence that names its spending base before it (设备投资额100万元以上…). */
const BARE_SHARE = /按\s*(\d+(?:\.\d+)?)\s*[%％]/;
const BASE = /投资额|投资|投入|费用|支出/;
/** The spending a project must reach or stay under, before the share (500 万元及以上, 300万元以下). */
const LOWER = /(\d+(?:\.\d+)?)\s*(亿|万)?\s*元\s*(?:\(含\))?\s*(?:及|或)?以上/;
const UPPER = /(\d+(?:\.\d+)?)\s*(亿|万)?\s*元\s*(?:以下|以内)/;
/** Both ends at once, as a tier table's cell gives them: 300万元（含）至1000万元 (NFKC: (含)). */
const SPAN = /(\d+(?:\.\d+)?)\s*(亿|万)?\s*元?\s*(?:\(含\))?\s*(?:至|到|~|—|-)\s*(\d+(?:\.\d+)?)\s*(亿|万)?\s*元/;

/** The first share of spending a text grants: its figure is match[1]. */
export function shareOfSpending(text: string): RegExpExecArray | null {
  return SHARE.exec(text) ?? (BASE.test(text) ? BARE_SHARE.exec(text) : null);
}

export interface SpendingRange {
  /** In 万元; null where the range is open. */
  lower: number | null;
  upper: number | null;
}

const amountOf = (match: RegExpExecArray | null): number | null => (match ? inTenThousands(match[1] ?? '', match[2]) : null);

/** The range of spending a text states (300万元以上、2000万元以下; 300万元（含）至1000万元). Text in NFKC. */
export function rangeIn(text: string): SpendingRange {
  const span = SPAN.exec(text);
  const spanLower = span ? inTenThousands(span[1] ?? '', span[2] ?? span[4]) : null;
  const spanUpper = span ? inTenThousands(span[3] ?? '', span[4]) : null;
  return { lower: amountOf(LOWER.exec(text)) ?? spanLower, upper: amountOf(UPPER.exec(text)) ?? spanUpper };
}

/** The range of spending written before a share (300万元以上、2000万元以下的…按7%). */
export function rangeBefore(text: string, share: RegExpExecArray): SpendingRange {
  return rangeIn(text.slice(0, share.index));
}

/** Whether a range holds a spending: from its lower end (以上 includes it) to below its upper. */
export function rangeHolds(range: SpendingRange, spent: number): boolean {
  return (range.lower === null || spent >= range.lower) && (range.upper === null || spent < range.upper);
}
