/**
 * A table laid out with spaces, as a page or a PDF copy gives it when its cells lose their borders:
 *
 *   序号    支持事项              市级配套    柳江区叠加
 *   1       自治区级智能工厂      50          30
 *
 * Rows of such a block become `a ¦ b ¦ c ¦` rows: cells as every other table has them here, with the
 * mark that the source separated them by white space (so that a citation gives the row as printed). A block is
 * a run of lines that each split on wide gaps into the same number of short cells: prose has no
 * such runs, and a heading line with one wide gap (第一条  对…) splits into two cells only.
 */

/** Fewer rows than this (a heading and one row) could be two lines of a spaced signature. */
export const MIN_ALIGNED_ROWS = 3;
/** Fewer cells than this is a label and its value (发布机构：…  生成日期：…), not a table row. */
export const MIN_ALIGNED_CELLS = 3;
/** A cell longer than this is a sentence: the line is prose with wide gaps in it. */
export const MAX_ALIGNED_CELL_CHARS = 30;

/** Between cells that the source separated by white space (a tab or a wide gap), not by a rule. */
export const GAP_CELL = '\u00a6';

/** Two spaces (ASCII, no-break or full-width) or a tab between cells. */
const GAP = /(?:[ \u00a0\u3000]{2,}|\t+)/;

function cellsOf(line: string): string[] | null {
  const cells = line.trim().split(GAP).map((c) => c.trim());
  if (cells.length < MIN_ALIGNED_CELLS || cells.some((c) => c === '' || [...c].length > MAX_ALIGNED_CELL_CHARS)) return null;
  return cells;
}

export function alignedTableRows(lines: string[]): string[] {
  const cells = lines.map(cellsOf);
  const out = [...lines];
  for (let start = 0; start < lines.length; ) {
    const width = cells[start]?.length;
    let end = start;
    while (width !== undefined && end < lines.length && cells[end]?.length === width) end++;
    if (end - start >= MIN_ALIGNED_ROWS) {
      for (let i = start; i < end; i++) out[i] = `${(cells[i] ?? []).join(` ${GAP_CELL} `)} ${GAP_CELL}`;
      start = end;
    } else {
      start++;
    }
  }
  return out;
}
