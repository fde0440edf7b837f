import { isAddresseeLine, detectMarker, isDateLine, isDocNumberLine, isOrgDateLine, isOrgLine, isTitleLike, DOC_NUMBER } from './lines.js';
import { isFrontMatter } from './front-matter.js';
import { awaitsValue } from './header.js';
import { toSimplified } from '../text/script.js';

/**
 * A policy's title, from what the text offers, best first: the 《》 of a covering notice (印发《…》的通知),
 * the line printed just above the document number, then the document's heading. Breadcrumbs, dates,
 * publication marks, addressee lines, issuers and site metadata are never titles.
 */

const TITLE_IN_NOTICE = [
  /印[发發]《([^》]+)》的通知/,
  // A notice that issues several policies names the first, whose text follows: 印发《…》等4项政策的通知.
  /印[发發]《([^》]+)》等[^《》]{1,16}的通知/,
  /[现現]将《([^》]+)》印[发發]/,
  /将《([^》]+)》[予]?以?印[发發]/,
];
/** A site's label before a title (某区高新技术企业奖励政策：关于…的若干政策意见): the title is what follows. */
const LABELLED = /^[^：:，,。；;《》]{2,30}[：:]\s*(.{6,80})$/;
/** Navigation bullets (• 首页) mark a site's menu, never a title. */
const BULLET = /^[•▪●■◆►]/;
/** 某某区人民政府关于印发某某区若干措施的通知, written without 《》. */
const NOTICE_WITHOUT_QUOTES = /关于印发(.{4,80}?)的通知$/;
/** A title that ends with its document number: 关于…的通知（某政发〔2024〕5号）. */
const TRAILING_NUMBER = new RegExp(`\\s*[（(](${DOC_NUMBER})[）)]$`, 'u');
const DOC_KIND = /(通知|意见|办法|措施|举措|方案|规定|细则|决定|政策|计划|规划|公告|通告|批复|纲要|条例|指南|指引|要点|清单|目录|若干|解读)(?:[（(][^（()）]{1,20}[）)])?$/;
const MIN_TITLE_LENGTH = 6;

export interface TitleFound {
  title: string | null;
  /** A document number printed with the title, when the title line carries one. */
  docNumber: string | null;
  /** The issuer a report of the issue names (某区人民政府印发《…》), when that is where the title came from. */
  issuer?: string | null;
}

/**
 * A news report or an article that passes a policy on (a government account's post) has no heading of
 * the policy's own, but says who issued it, its title and its number: 某区人民政府印发《…》（某政发〔2026〕19号）.
 */
const REPORTED_ISSUE = new RegExp(
  String.raw`(?:^|[，,。：:\s])([\p{Script=Han}]{4,40}?(?:人民政府办公室|人民政府办公厅|人民政府|办公室|办公厅|委员会|管委会|管理委员会|局))(?:近日|日前|正式|联合)?印[发發]了?《([^》]{6,80})》\s*[（(]\s*(${DOC_NUMBER})`,
  'u',
);

function reportedIssue(lines: string[]): TitleFound | null {
  for (const line of lines) {
    const match = REPORTED_ISSUE.exec(line);
    if (match?.[2]) return { title: match[2], docNumber: match[3] ?? null, issuer: match[1] ?? null };
  }
  return null;
}

function isCandidate(line: string, simplified: string): boolean {
  return (
    isTitleLike(line.replace(TRAILING_NUMBER, '')) &&
    simplified.length >= MIN_TITLE_LENGTH &&
    !isOrgLine(simplified) &&
    !isDateLine(simplified) &&
    !isDocNumberLine(simplified) &&
    !isOrgDateLine(simplified) &&
    !isAddresseeLine(line) &&
    !isFrontMatter(line) &&
    !BULLET.test(line) &&
    !/^附件/.test(simplified)
  );
}

/** The policy a covering notice names, or the notice's own title; read in simplified script, cut from the title as printed. */
function fromNotice(title: string): string {
  const printed = title.replace(/[“”"]/g, '');
  const simplified = toSimplified(printed);
  const match = NOTICE_WITHOUT_QUOTES.exec(simplified);
  if (!match?.[1] || /[《》]/.test(title)) return title;
  const start = match.index + match[0].indexOf(match[1]);
  return simplified.length === printed.length ? printed.slice(start, start + match[1].length) : match[1];
}

/** A title under a site's label (某区奖励政策：关于…的若干政策意见): the title, else null. */
export function labelledTitle(line: string): string | null {
  const title = LABELLED.exec(line)?.[1];
  if (!title) return null;
  const simplified = toSimplified(title);
  return isCandidate(title, simplified) && DOC_KIND.test(simplified) ? title : null;
}

function split(line: string): TitleFound {
  const match = TRAILING_NUMBER.exec(line);
  return match ? { title: fromNotice(line.slice(0, match.index)), docNumber: match[1] ?? null } : { title: fromNotice(line), docNumber: null };
}

export function findTitle(lines: string[], simplified: string[]): TitleFound {
  for (const re of TITLE_IN_NOTICE) {
    for (const line of lines) {
      const match = re.exec(line);
      if (match?.[1]) return { title: match[1], docNumber: null };
    }
  }
  const body = lines.findIndex((line) => detectMarker(line) !== null);
  const front = body < 0 ? lines.length : body;
  // A title printed right above its document number.
  for (let i = 1; i < front; i++) {
    if (!isDocNumberLine(simplified[i] ?? '')) continue;
    const above = lines[i - 1] ?? '';
    if (isCandidate(above, simplified[i - 1] ?? '') && DOC_KIND.test(simplified[i - 1] ?? '')) return printedOne(split(above), simplified);
  }
  // Else the heading: a line that names a kind of document, or the first title-like line.
  const candidates: { line: string; simplified: string }[] = [];
  for (let i = 0; i < front; i++) {
    // A header's value on the line after its label (索引号：⏎113…) is not a heading.
    if (i > 0 && awaitsValue(lines[i - 1] ?? '')) continue;
    const line = lines[i] ?? '';
    const s = simplified[i] ?? '';
    if (isCandidate(line, s)) {
      candidates.push({ line, simplified: s });
      continue;
    }
    const labelled = labelledTitle(line);
    if (labelled) candidates.push({ line: labelled, simplified: toSimplified(labelled) });
  }
  const named = candidates.find((c) => DOC_KIND.test(c.simplified.replace(TRAILING_NUMBER, '')));
  if (named) return printedOne(split(named.line), simplified);
  // A line that names no kind of document (点击上方蓝字关注我们) is a heading only when nothing better is said.
  const reported = reportedIssue(lines);
  if (reported) return reported;
  const first = candidates[0];
  return first === undefined ? { title: null, docNumber: null } : printedOne(split(first.line), simplified);
}

/**
 * A notice that issues two documents (关于印发A和B的通知) names both; the text that follows is the
 * one whose title is printed as a line of its own.
 */
function printedOne(found: TitleFound, simplified: string[]): TitleFound {
  if (!found.title) return found;
  const parts = found.title.split(/和|及|、/);
  if (parts.length < 2 || !parts.every((p) => p.length >= MIN_TITLE_LENGTH && DOC_KIND.test(toSimplified(p)))) return found;
  const printed = parts.find((p) => simplified.includes(toSimplified(p)));
  return printed ? { ...found, title: printed } : found;
}
