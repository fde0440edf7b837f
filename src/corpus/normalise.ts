import { alignedTableRows, GAP_CELL } from './aligned-table.js';
import { toSimplified } from '../text/script.js';
import {
  detectMarker,
  isAddresseeLine,
  isSignatureLine,
  isDashedHeading,
  isHeadingLine,
  isTableRow,
  stripDecoration,
} from './lines.js';
import { isBreadcrumb, isFrontMatter, isSiteChrome } from './front-matter.js';
import { isGarbledDate } from './dates.js';
import { awaitsValue } from './header.js';
import { FLIPBOOK_PAGE_NUMBER, removePinyinGlosses, separateIssuers, stripPageLabel, unflatten } from './repair.js';
import { joinConnectives, joinPanels, rebuildCellTables } from './fragments.js';

/**
 * Turns a policy text as it comes from a government website or a document conversion (hard-wrapped
 * lines, blank lines inside sentences, spaces between characters, bookmarks, page furniture, site
 * footers) into clean paragraphs. Idempotent: normalising normalised text changes nothing, so the
 * loader applies it to every file and a raw text dropped into index/policies/ still parses.
 */

export interface NormalisedText {
  /** Metadata written by hand at the top of a file (front matter); wins over extraction. */
  overrides: Record<string, string>;
  /** One per paragraph; an infographic's panel keeps its printed lines (see fragments.ts). */
  paragraphs: string[];
}

const FRONT_MATTER = /^---\n((?:[A-Za-z][\w-]*:.*\n)+)---\n/;

export function splitFrontMatter(raw: string): { overrides: Record<string, string>; body: string } {
  const match = FRONT_MATTER.exec(raw);
  if (!match) return { overrides: {}, body: raw };
  const overrides: Record<string, string> = {};
  for (const line of (match[1] ?? '').split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const value = line.slice(colon + 1).trim().replace(/^["']|["']$/g, '');
    if (value !== '') overrides[line.slice(0, colon).trim()] = value;
  }
  return { overrides, body: raw.slice(match[0].length) };
}

const CJK_CHAR = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’《》〔〕【】…—·]/u;
const DIGIT_OR_PUNCT = /[0-9%％.,:;!?()[\]（）]/;

/**
 * Single spaces next to Chinese text are conversion noise ("最高 200 万元"); wider gaps are layout
 * (an issuer name and a date on one line, a tab) and become two spaces, so that normalising again keeps
 * them. Spaces between Latin words stay.
 */
export function fixSpacing(line: string): string {
  // A tab is a column stop (发布机构：某县人民政府⇥生成日期：…): layout, like a wide gap.
  const collapsed = line.replace(/\t/g, '  ').replace(/[\u00a0\u3000]/g, ' ').replace(/ {2,}/g, '\u0000');
  let out = '';
  // The last character written, kept aside: reading it back from `out` would flatten the growing
  // string at every space and make a long spaced line quadratic.
  let before = '';
  for (let i = 0; i < collapsed.length; i++) {
    const char = collapsed[i] ?? '';
    if (char !== ' ') {
      out += char;
      before = char;
      continue;
    }
    let j = i;
    while (collapsed[j + 1] === ' ') j++;
    const after = collapsed[j + 1] ?? '';
    const cjkBefore = CJK_CHAR.test(before);
    const cjkAfter = CJK_CHAR.test(after);
    const drop =
      before === '' ||
      after === '' ||
      (cjkBefore && (cjkAfter || DIGIT_OR_PUNCT.test(after))) ||
      (cjkAfter && DIGIT_OR_PUNCT.test(before));
    if (!drop) {
      out += ' ';
      before = ' ';
    }
    i = j;
  }
  // "第一条 对落户的…", "第一章 总则": the number keeps its space, as policy texts print it.
  return out
    .replace(/\u0000/g, '  ')
    .trim()
    .replace(ARTICLE_START, '$1 ');
}

const ARTICLE_START = /^((?:#+ )?第[一二三四五六七八九十百零〇\d]+(?:条|條|章|节|節))(?=[\p{Script=Han}“（(])/u;

const FOOTER_PREFIX = 12;
const FOOTER_START = /^[【\[［]?\s*(原文链接|免责声明|责任编辑|分享到|打印本页|关闭窗口|打印|扫一扫|返回顶部|相关链接|上一篇|下一篇)/;

/** Three or more cells separated by tabs: a table row as a page or spreadsheet copy gives it. */
function tabRow(line: string): string {
  const cells = line.trim().split(/\t+/).map((c) => c.trim());
  return cells.length >= 3 && cells.every((c) => c !== '') ? `${cells.join(` ${GAP_CELL} `)} ${GAP_CELL}` : line;
}

function cleanLines(body: string): string[] {
  const rows = body
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\[bookmark:[^\]]*\]/g, '')
    .split('\n')
    .map(removePinyinGlosses)
    .flatMap(unflatten)
    .map(stripPageLabel)
    .map(separateIssuers)
    .map(tabRow);
  const lines = alignedTableRows(rows)
    .map((line) => line.replace(/\*\*/g, '').replace(/^(#+)\s*/, '$1 '))
    .map(fixSpacing);

  // A website footer (原文链接, 免责声明…) ends the document wherever it sits in its second half.
  const footerAt = lines.findIndex(
    // Only the line's start is converted to simplified script: the words are at its start.
    (line, i) => i > lines.length / 2 && FOOTER_START.test(toSimplified(stripDecoration(line).slice(0, FOOTER_PREFIX))),
  );
  const kept = footerAt >= 0 ? lines.slice(0, footerAt) : lines;

  // Share and print links and breadcrumbs say nothing about the document: dropped.
  const heads = runningHeads(kept);
  const printed = kept.filter((line) => !isFurniture(line) && !isSiteChrome(line) && !isBreadcrumb(line) && !heads.has(line.trim()));
  return rebuildCellTables(joinConnectives(printed));
}

/** A page number on a line of its own: — 3 —, 第3页, 3/6, and a scan's 一 3 一 (its dashes read as 一). */
const PAGE_NUMBER = /^(?:[-—–]?\s*\d{1,3}\s*[-—–]?|一\s*\d{1,3}\s*一|第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)$/;
/** How far from a page number (in non-blank lines) a running head or foot is printed. */
const RUNNING_HEAD_REACH = 2;

/**
 * A printed document's running head or foot (某某人民政府办公室行政规范性文件 on every page): a line
 * printed beside page numbers more than once. It is dropped, so a sentence the page break cut joins
 * up again.
 */
function runningHeads(lines: string[]): Set<string> {
  const printed = lines.map((line) => line.trim()).filter((line) => line !== '');
  const seen = new Map<string, number>();
  printed.forEach((line, i) => {
    if (!PAGE_NUMBER.test(stripDecoration(line))) return;
    for (let d = -RUNNING_HEAD_REACH; d <= RUNNING_HEAD_REACH; d++) {
      const near = printed[i + d];
      if (d === 0 || near === undefined || PAGE_NUMBER.test(stripDecoration(near)) || TERMINAL.test(near)) continue;
      seen.set(near, (seen.get(near) ?? 0) + 1);
    }
  });
  return new Set([...seen].filter(([, count]) => count >= 2).map(([line]) => line));
}

/** Separators, page numbers and markdown rules carry no text. */
function isFurniture(line: string): boolean {
  const text = stripDecoration(line);
  return (
    /^[-—–*_=]{3,}$/.test(text) ||
    // A drawn table's rules: +----+----+ and a markdown table's |---|:---|.
    /^[+|][-=+|:\s]*[-=]{3,}[-=+|:\s]*[+|]$/.test(text) ||
    PAGE_NUMBER.test(text) ||
    FLIPBOOK_PAGE_NUMBER.test(text) ||
    // A forum's view and reply counters (8052 1), a stray close mark (x), a contents heading (目录).
    (/^\d{1,7}(\s+\d{1,7}){1,3}$/.test(text) && !isGarbledDate(text)) ||
    /^[A-Za-z]$/.test(text) ||
    /^目\s*录$/.test(text) ||
    // A navigation menu's bullets and separators (• |), with at most a counter.
    /^[•▪●■◆]\s*[|｜\d\s]*$/.test(text)
  );
}

const TERMINAL = /[。！!？?；;：:][”’」』）)】》]*$/;
/** A bracketed note that closes a paragraph: （责任部门：区经委）, 【牵头单位：市经信局；配合单位：市财政局】 */
const CLOSING_NOTE = /[（(【〔［[][^（()）【】〔〕]{0,60}[：:][^【】〔〕]{0,80}[）)】〕］\]]$/;
/** A title's last word, with a parenthetical after it: 行动方案（2027—2029年）, 办法（试行）. */
const TITLE_ENDING = /(通知|意见|办法|措施|举措|方案|规定|细则|决定|政策|计划)(?:[（(][^（()）]{1,20}[）)])?$/;
const SHORT_LINE = 12;
/**
 * Kinds of document a title may name that a wrapped sentence also ends a line with (…推广应用指导目录,
 * …企业清单): a line ending so finishes its paragraph only in the front part, before the first
 * numbered line, where the title is printed.
 */
const FRONT_TITLE_ENDING = /(清单|目录|指南|指引|要点|解读|规划|公告|通告|纲要|条例|批复)(?:[（(][^（()）]{1,20}[）)])?$/;
/** A distribution list (抄送：…, 主送：…), which may run over several printed lines. */
const DISTRIBUTION = /^(抄送|主送|抄報|抄报)[：:]/;
/** A line this close to the wrap width ran on into the next (a line ending a paragraph is usually shorter). */
const WRAPPED_SHARE = 0.85;

/**
 * A form's field (事项名称：…, 承诺办结时限：20个工作日), as a service guide lists them one to a line: it
 * is whole without a full stop, so it neither shows the text to be hard-wrapped nor runs on into the next.
 */
const FORM_FIELD = /^[\p{Script=Han}]{2,8}[：:][^：:]{1,60}$/u;

function opensUnclosed(line: string): boolean {
  const opens = (line.match(/[《“（(]/g) ?? []).length;
  const closes = (line.match(/[》”）)]/g) ?? []).length;
  return opens > closes;
}

/**
 * The width a hard-wrapped text breaks its lines at (the median length of lines that stop
 * mid-sentence), or Infinity for texts that keep one paragraph per line. A numbered line that
 * reaches that width was wrapped, not written as a heading.
 */
export function wrapWidth(lines: string[]): number {
  const candidates = lines.map(stripDecoration).filter((line) => line.length >= 15);
  const open = candidates.filter((line) => !TERMINAL.test(line) && !FORM_FIELD.test(line)).map((line) => line.length);
  if (candidates.length === 0 || open.length / candidates.length < 0.3) return Infinity;
  open.sort((a, b) => a - b);
  return open[Math.floor(open.length / 2)] ?? Infinity;
}

/** A line that is one document's title in book quotes: an entry of a table of contents or a list of documents. */
function isQuotedTitle(text: string): boolean {
  return /^《[^《》]{4,80}》$/.test(text);
}

/** Whether a physical line finishes its paragraph, whatever follows it. `front`: no numbered line came before. */
function endsParagraph(line: string, width: number, front = false): boolean {
  const text = stripDecoration(line);
  if (line.startsWith('#') || isTableRow(text) || isQuotedTitle(text) || isDashedHeading(text)) return true;
  if (TERMINAL.test(text) || CLOSING_NOTE.test(text)) return true;
  // A 抄送 line as long as the lines the text wraps at goes on in the next one.
  if (DISTRIBUTION.test(text) && text.length >= WRAPPED_SHARE * width) return false;
  if (isSignatureLine(text) || isAddresseeLine(text) || isFrontMatter(text)) return true;
  if (opensUnclosed(text)) return false;
  if (text.length <= SHORT_LINE) return true;
  // In a text that is not hard-wrapped a field stands alone; in one that is, a field may be a wrapped
  // sentence's last piece (…材料包括：申报表、营业执照) and goes on.
  if (width === Infinity && FORM_FIELD.test(text)) return true;
  const simplified = toSimplified(text);
  if (!/[，,。；;、]/.test(simplified) && (TITLE_ENDING.test(simplified) || (front && FRONT_TITLE_ENDING.test(simplified)))) return true;
  // A numbered heading line (一、总则) stands alone; a numbered clause that wraps does not.
  return isHeadingLine(text) && text.length < WRAPPED_SHARE * width;
}

/** Whether a physical line must start a paragraph of its own. */
function startsParagraph(line: string): boolean {
  const text = stripDecoration(line);
  return line.startsWith('#') || isTableRow(text) || isQuotedTitle(text) || isDashedHeading(text) || detectMarker(text) !== null || isSignatureLine(text) || isFrontMatter(text);
}

export function normalise(raw: string): NormalisedText {
  const { overrides, body } = splitFrontMatter(raw.replace(/\r\n?/g, '\n'));
  const paragraphs: string[] = [];
  let current: string | null = null;
  let lastLine = '';
  // A header value on the line after its label (发文机关：⏎某某市人民政府) stands alone.
  let lastWasValue = false;
  const printed = joinPanels(cleanLines(body));
  const width = wrapWidth(printed.filter((line) => !line.panel).map((line) => line.text));
  let front = true;
  let lastWasPanel = false;
  for (const { text: line, panel } of printed) {
    const isValue = awaitsValue(lastLine) && !startsParagraph(line);
    const joins = !panel && !lastWasPanel && !isValue && !lastWasValue;
    if (current !== null && joins && !endsParagraph(lastLine, width, front) && !startsParagraph(line)) {
      current += line.replace(/^#+\s*/, '');
    } else {
      if (current !== null) paragraphs.push(current);
      current = line;
    }
    lastWasValue = isValue;
    lastWasPanel = panel;
    lastLine = line;
    if (detectMarker(stripDecoration(line)) !== null) front = false;
  }
  if (current !== null) paragraphs.push(current);
  return { overrides, paragraphs };
}

/** The normalised file as shipped in index/policies/: front matter (if any), paragraphs. */
export function renderNormalised(text: NormalisedText): string {
  const keys = Object.keys(text.overrides);
  const front = keys.length > 0 ? `---\n${keys.map((k) => `${k}: ${text.overrides[k]}`).join('\n')}\n---\n` : '';
  return `${front}${text.paragraphs.join('\n\n')}\n`;
}
