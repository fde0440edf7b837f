/**
 * Text of PDF pages from the positions of their text runs: runs on one baseline make a line; a wide
 * gap inside a line separates table cells; lines that repeat at the top or bottom of most pages
 * (running headers, footers) and page numbers are dropped; a line that runs to the right margin
 * continues on the next unless that one is indented, so hard-wrapped paragraphs are rejoined, across
 * pages too. Pure: pdf.js does the reading.
 */

import { detectMarker } from '../corpus/lines.js';

export interface TextRun {
  str: string;
  x: number;
  /** Baseline, from the bottom of the page. */
  y: number;
  width: number;
  /** Font size, in the same units. */
  size: number;
}

export interface PageRuns {
  height: number;
  runs: TextRun[];
}

interface Line {
  y: number;
  x: number;
  right: number;
  size: number;
  cells: string[];
}

/** Runs whose baselines differ by less than this share of the font size are one line. */
const SAME_LINE = 0.5;
/** A gap wider than this many font sizes between runs of a line separates table cells. */
const CELL_GAP = 1.5;
/** The top and bottom shares of a page where running headers and footers sit. */
const MARGIN_SHARE = 0.1;
/** A line in the margins on at least this share of pages (and two or more) is page furniture. */
const REPEAT_SHARE = 0.5;
/**
 * A line ending within this many font sizes of the right edge runs on into the next: line breaking
 * may move two characters down (a character may not be left before 。，), so a wrapped line can
 * stop two short of the margin.
 */
const FULL_LINE_SLACK = 2.5;
/** A line starting this many font sizes right of the left edge starts a paragraph (首行缩进). */
const INDENT = 1;

const PAGE_NUMBER = /^(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|\d{1,4}|page\s*\d+(\s*of\s*\d+)?)$/i;

function linesOf(page: PageRuns): Line[] {
  const runs = page.runs.filter((r) => r.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { y: number; size: number; runs: TextRun[] }[] = [];
  for (const run of runs) {
    const line = lines.find((l) => Math.abs(l.y - run.y) < SAME_LINE * Math.max(l.size, run.size));
    if (line) line.runs.push(run);
    else lines.push({ y: run.y, size: run.size, runs: [run] });
  }
  return lines
    .sort((a, b) => b.y - a.y)
    .map((line) => {
      const sorted = line.runs.sort((a, b) => a.x - b.x);
      const cells: string[] = [];
      let end = -Infinity;
      for (const run of sorted) {
        const gap = run.x - end;
        if (cells.length === 0 || gap > CELL_GAP * line.size) cells.push(run.str.trim());
        else cells[cells.length - 1] += (gap > 0.25 * line.size ? ' ' : '') + run.str.trim();
        end = Math.max(end, run.x + run.width);
      }
      const first = sorted[0] as TextRun;
      return { y: line.y, x: first.x, right: end, size: line.size, cells };
    });
}

const furnitureKey = (line: Line): string => line.cells.join(' ').replace(/\d+/g, '#').replace(/\s+/g, '');

function inMargin(line: Line, height: number): boolean {
  return line.y > height * (1 - MARGIN_SHARE) || line.y < height * MARGIN_SHARE;
}

/** The page's text lines without running headers, footers and page numbers. */
function bodyLines(pages: PageRuns[]): Line[][] {
  const perPage = pages.map(linesOf);
  const seen = new Map<string, number>();
  perPage.forEach((lines, i) => {
    const keys = new Set(lines.filter((l) => inMargin(l, pages[i]?.height ?? 0)).map(furnitureKey));
    for (const key of keys) seen.set(key, (seen.get(key) ?? 0) + 1);
  });
  const repeats = (key: string): boolean => pages.length >= 2 && (seen.get(key) ?? 0) >= Math.max(2, REPEAT_SHARE * pages.length);
  return perPage.map((lines, i) =>
    lines.filter((l) => {
      if (!inMargin(l, pages[i]?.height ?? 0)) return true;
      return !repeats(furnitureKey(l)) && !PAGE_NUMBER.test(l.cells.join(' ').trim());
    }),
  );
}

/** The text, one paragraph or table row a line. */
export function layoutText(pages: PageRuns[]): string {
  const out: string[] = [];
  let open: { line: Line; left: number; right: number } | null = null;
  for (const lines of bodyLines(pages)) {
    const prose = lines.filter((l) => l.cells.length === 1);
    const left = Math.min(...prose.map((l) => l.x));
    const right = Math.max(...prose.map((l) => l.right));
    for (const line of lines) {
      if (line.cells.length > 1) {
        out.push(`${line.cells.join(' | ')} |`);
        open = null;
        continue;
      }
      const text = line.cells[0] ?? '';
      const indented = line.x > left + INDENT * line.size;
      // A finished sentence followed by a numbered one is two paragraphs, however full the line.
      const newClause = detectMarker(text) !== null && /[。；;：:！？]$/.test(out[out.length - 1] ?? '');
      if (open && !indented && !newClause && out.length > 0) out[out.length - 1] += text;
      else out.push(text);
      const full = line.right >= right - FULL_LINE_SLACK * line.size;
      open = full ? { line, left, right } : null;
    }
  }
  return `${out.join('\n')}\n`;
}

/** Non-space characters across the pages: a scanned PDF has (almost) none. */
export function textAmount(pages: PageRuns[]): number {
  return pages.reduce((sum, p) => sum + p.runs.reduce((s, r) => s + r.str.replace(/\s/g, '').length, 0), 0);
}
