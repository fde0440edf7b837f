/**
 * Amounts as a clause states them, for quoting. (Amounts are compared and normalised elsewhere; here
 * they are shown exactly as the policy writes them.)
 */

const NUMBER = '[\\d０-９]+(?:[.．][\\d０-９]+)?';
const UNIT = '(?:万元|亿元|億元|萬元|千元|万|亿|億|萬|元|%|％)';
const AMOUNT_CORE = new RegExp(`${NUMBER}\\s*${UNIT}(?:\\s*[～~—-]\\s*${NUMBER}\\s*${UNIT})?`, 'g');


/** The amounts a text states, as it states them: 10%、3000万元. */
export function amountsIn(text: string): string[] {
  const found = text.match(AMOUNT_CORE) ?? [];
  return [...new Set(found.map((a) => a.replace(/\s+/g, '')))];
}
