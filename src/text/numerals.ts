const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Parses Chinese numerals up to the thousands (一, 十二, 二十五, 一百零三) or Arabic digits. */
export function parseChineseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  if (trimmed === '') return null;
  let total = 0;
  let current = 0;
  for (const char of trimmed) {
    const digit = DIGITS[char];
    const unit = UNITS[char];
    if (digit !== undefined) {
      current = digit;
    } else if (unit !== undefined) {
      total += (current === 0 ? 1 : current) * unit;
      current = 0;
    } else {
      return null;
    }
  }
  return total + current;
}
