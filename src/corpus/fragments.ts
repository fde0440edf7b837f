import { GAP_CELL, MAX_ALIGNED_CELL_CHARS } from './aligned-table.js';
import { isFrontMatter } from './front-matter.js';
import { isHeaderLine } from './header.js';
import { detectMarker, isAddresseeLine, isSignatureLine, isTableRow, SENTENCE_PUNCT, stripDecoration } from './lines.js';
import { toSimplified } from '../text/script.js';

/**
 * Pages that print one fragment to a line. An 一图读懂 infographic's text gives a panel as its heading,
 * its subject and its figures on lines of their own (补贴比例 ⏎ 60% ⏎ 每家每年最高 ⏎ 8000元); a PDF
 * copy of a table whose borders were lost gives every cell a line. Read line by line, these are
 * titles and lone numbers that say nothing; read as blocks, they are clauses and table rows.
 */

/** A line this short is a fragment: a label, a figure, a heading (the normaliser's short line). */
export const FRAGMENT_MAX_CHARS = 12;
/** A panel has at least a subject, a label and a figure. */
const PANEL_MIN_LINES = 3;
/** At least this share of a panel's lines are fragments: prose wrapped short has few of them. */
const PANEL_FRAGMENT_SHARE = 0.5;
/** A table has at least three columns (a label and two figures), as the aligned-table reader asks. */
const TABLE_MIN_COLUMNS = 3;
/** More columns than this, one to a line, is beyond what a policy's table has. */
const TABLE_MAX_COLUMNS = 8;
/** A header row and at least two rows: one row under a header could be a panel's label and figure. */
const TABLE_MIN_ROWS = 3;
/**
 * A table worth reading by row and column compares figures in at least two columns (档次的投资额、
 * 比例、上限; 序号 and 金额); a panel's lines that happen to fall into threes have one.
 */
const TABLE_MIN_FIGURE_COLUMNS = 2;
/** A table's caption (表1 …, 单位：万元) may take this many lines above its header. */
const TABLE_MAX_CAPTION_LINES = 2;

/** A line that only joins the lines around it: 2026年3月1日 ⏎ 至 ⏎ 2028年12月31日. */
const CONNECTIVE = /^(至|到|—|－|-|~|～)$/;
const HAS_DIGIT = /[\d０-９]/;
/** A comma or a sentence stop: a cell or a panel fragment is a phrase, not a clause. */
const CLAUSE_PUNCT = /[，,。；;！!？?]/;

/** A label printed above a value (政策有效期 ⏎ 2026年3月1日): a fragment that states no figure. */
function isLabel(line: string): boolean {
  const text = line.trim();
  return text !== '' && [...text].length <= FRAGMENT_MAX_CHARS && !HAS_DIGIT.test(text) && !CLAUSE_PUNCT.test(text) && !hasRole(text);
}

/**
 * A range broken over three lines (2026年3月1日 ⏎ 至 ⏎ 2028年12月31日) is one line again, with the
 * label printed above it (政策有效期), so that the range is read as what the label names.
 */
export function joinConnectives(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const before = out[out.length - 1];
    const after = lines[i + 1];
    if (CONNECTIVE.test(line.trim()) && before !== undefined && HAS_DIGIT.test(before) && after !== undefined && HAS_DIGIT.test(after)) {
      const label = out[out.length - 2];
      const range = `${before.trim()}${line.trim()}${after.trim()}`;
      if (label !== undefined && isLabel(label)) out.splice(-2, 2, `${label.trim()}${range}`);
      else out[out.length - 1] = range;
      i++;
      continue;
    }
    out.push(line);
  }
  return out;
}

/** A line that a document's frame or numbering gives a role of its own: never a fragment. */
function hasRole(line: string): boolean {
  const text = stripDecoration(line);
  return (
    detectMarker(text) !== null ||
    isTableRow(text) ||
    isSignatureLine(text) ||
    isAddresseeLine(text) ||
    isFrontMatter(text) ||
    isHeaderLine(text)
  );
}

function isCell(line: string): boolean {
  const text = line.trim();
  return text !== '' && [...text].length <= MAX_ALIGNED_CELL_CHARS && !CLAUSE_PUNCT.test(text) && !hasRole(text);
}

/**
 * The column count of a run of cell lines read as caption, header and rows: the header row holds no
 * figure, every row holds one, and in every column the rows agree on holding a figure or not.
 */
function tableShape(run: string[]): { caption: number; columns: number } | null {
  for (let caption = 0; caption <= TABLE_MAX_CAPTION_LINES; caption++) {
    const cells = run.slice(caption);
    for (let columns = TABLE_MIN_COLUMNS; columns <= TABLE_MAX_COLUMNS; columns++) {
      if (cells.length % columns !== 0 || cells.length / columns < TABLE_MIN_ROWS) continue;
      const rows: string[][] = [];
      for (let i = 0; i < cells.length; i += columns) rows.push(cells.slice(i, i + columns));
      const [header, ...body] = rows;
      if (!header || header.some((cell) => HAS_DIGIT.test(cell))) continue;
      const pattern = (row: string[]): string => row.map((cell) => (HAS_DIGIT.test(cell) ? '1' : '0')).join('');
      const first = pattern(body[0] ?? []);
      if ((first.match(/1/g)?.length ?? 0) < TABLE_MIN_FIGURE_COLUMNS || body.some((row) => pattern(row) !== first)) continue;
      return { caption, columns };
    }
  }
  return null;
}

/** Tables printed one cell to a line become `a ¦ b ¦ c ¦` rows, as tables laid out with spaces do. */
export function rebuildCellTables(lines: string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    let end = i;
    while (end < lines.length && isCell(lines[end] ?? '')) end++;
    const run = lines.slice(i, end);
    const shape = run.length > 0 ? tableShape(run) : null;
    if (shape === null) {
      out.push(...(run.length > 0 ? run : [lines[i] ?? '']));
      i = Math.max(end, i + 1);
      continue;
    }
    out.push(...run.slice(0, shape.caption));
    const cells = run.slice(shape.caption).map((cell) => cell.trim());
    for (let r = 0; r < cells.length; r += shape.columns) {
      out.push(`${cells.slice(r, r + shape.columns).join(` ${GAP_CELL} `)} ${GAP_CELL}`);
    }
    i = end;
  }
  return out;
}

export interface PrintedLine {
  text: string;
  /** A panel joined from its fragments: a paragraph of its own, whatever is around it. */
  panel: boolean;
}

function isPanel(block: string[]): boolean {
  if (block.length < PANEL_MIN_LINES) return false;
  if (block.some((line) => hasRole(line) || SENTENCE_PUNCT.test(toSimplified(line)))) return false;
  const fragments = block.filter((line) => [...stripDecoration(line)].length <= FRAGMENT_MAX_CHARS).length;
  return fragments >= PANEL_FRAGMENT_SHARE * block.length;
}

/**
 * The non-blank lines, with each panel (a block between blank lines made of fragments) made one
 * paragraph. The panel keeps its printed lines, so that a stored normalised text shows the same
 * block and reads as the same panel again; `panelText` joins them for reading.
 */
export function joinPanels(lines: string[]): PrintedLine[] {
  const out: PrintedLine[] = [];
  let block: string[] = [];
  const flush = (): void => {
    if (isPanel(block)) out.push({ text: block.map((line) => line.trim()).join('\n'), panel: true });
    else out.push(...block.map((text) => ({ text, panel: false })));
    block = [];
  };
  for (const line of lines) {
    if (line.trim() === '') flush();
    else block.push(line);
  }
  flush();
  return out;
}

/** A paragraph as one run of text: a panel's lines joined, as a wrapped sentence's are. */
export function panelText(paragraph: string): string {
  return paragraph.includes('\n') ? paragraph.replace(/\n/g, '') : paragraph;
}
