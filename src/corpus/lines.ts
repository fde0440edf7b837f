import { parseChineseNumber } from '../text/numerals.js';
import { toSimplified } from '../text/script.js';

/**
 * Line classifiers shared by the normaliser (which decides where paragraphs end) and the clause
 * parser (which decides what a paragraph is). They look at simplified text so that traditional
 * documents are classified by the same rules.
 */

const CN_NUM = '[一二三四五六七八九十百零〇两]+';

export type MarkerStyle =
  | 'chapter' // 第一章, 第二节, 第三部分
  | 'article' // 第一条
  | 'stage' // 第一阶段
  | 'cn-dun' // 一、
  | 'paren-cn' // （一）
  | 'arabic-dot' // 1.
  | 'arabic-dun' // 1、
  | 'paren-arabic' // （1）
  | 'circled' // ①
  | 'question' // 问1：… in a 政策解读's 一问一答: the 答 after it belongs to its clause
  // Decimal numbering (GB/T 1.1 style, common in 实施细则): 2 总则 / 2.1 技术改造 / 2.1.1 对企业…
  | 'decimal-1'
  | 'decimal-2'
  | 'decimal-3';

export interface Marker {
  style: MarkerStyle;
  /** The numbering as the clause field shows it: 第五条, （三）, 5, 一 */
  label: string;
  ordinal: number;
  /** The paragraph text after the marker. */
  rest: string;
}

/** After a decimal number, a unit makes it a quantity (2.5亿元, 1.5倍, 3年内), not a clause number. */
const NOT_A_QUANTITY = '\\s*(?![万亿千百元%％倍个家项台套年月日号])';

const MARKER_PATTERNS: { style: MarkerStyle; re: RegExp }[] = [
  { style: 'chapter', re: new RegExp(`^(第${CN_NUM}|第\\d{1,3})\\s*(章|节|節|部分|编|編)`) },
  { style: 'article', re: new RegExp(`^(第${CN_NUM}|第\\d{1,3})\\s*(条|條|款)`) },
  { style: 'stage', re: new RegExp(`^(第${CN_NUM}|第\\d{1,3})\\s*(阶段|階段)`) },
  { style: 'paren-cn', re: new RegExp(`^[（(]\\s*(${CN_NUM})\\s*[）)]`) },
  { style: 'paren-arabic', re: /^[（(]\s*(\d{1,3})\s*[）)]/ },
  { style: 'cn-dun', re: new RegExp(`^(${CN_NUM})\\s*[、，,．]`) },
  { style: 'arabic-dun', re: /^(\d{1,3})\s*、/ },
  { style: 'arabic-dot', re: /^(\d{1,3})\s*[.．](?!\d)/ },
  { style: 'circled', re: /^([①-⑳])/ },
  { style: 'question', re: /^[问問]\s*(\d{1,3})\s*[：:.．、]/ },
  // Three levels are never a quantity: 2.1.3项目列入… is clause 2.1.3.
  { style: 'decimal-3', re: /^\d{1,2}[.．]\d{1,2}[.．](\d{1,2})(?![\d.．])\s*/ },
  { style: 'decimal-2', re: new RegExp(`^\\d{1,2}[.．](\\d{1,2})(?![\\d.．])${NOT_A_QUANTITY}`) },
  // A bare number is a section only as a heading (1　总则): a line may also begin with a count or a year.
  { style: 'decimal-1', re: new RegExp(`^(\\d{1,2})(?=\\p{Script=Han})${NOT_A_QUANTITY}`, 'u') },
];

/** A bare-number heading (1　总则, 3　申报程序) is a short name, not a sentence. */
const DECIMAL_HEADING_MAX = 16;

/** Strips markdown decoration that conversions leave around numbered headings. */
export function stripDecoration(line: string): string {
  return line.replace(/^#+\s*/, '').replace(/\*\*/g, '').trim();
}

export function detectMarker(paragraph: string): Marker | null {
  const text = stripDecoration(paragraph);
  for (const { style, re } of MARKER_PATTERNS) {
    const match = re.exec(text);
    if (!match) continue;
    const numeral = match[1] ?? '';
    const ordinal =
      style === 'circled' ? numeral.charCodeAt(0) - '①'.charCodeAt(0) + 1 : parseChineseNumber(numeral.replace(/^第/, ''));
    if (ordinal === null || ordinal <= 0) continue;
    const rest = text.slice(match[0].length).trim();
    // "2026年…" or "2.0" are not numbering; a marker must be followed by text.
    if (rest === '' && style !== 'article' && style !== 'chapter') continue;
    if (style === 'decimal-1' && (rest.length > DECIMAL_HEADING_MAX || ANY_PUNCT.test(rest))) continue;
    return { style, label: markerLabel(style, match[0]), ordinal, rest };
  }
  return null;
}

function markerLabel(style: MarkerStyle, raw: string): string {
  const compact = raw.replace(/\s+/g, '');
  switch (style) {
    case 'chapter':
    case 'article':
    case 'stage':
      return compact;
    case 'paren-cn':
    case 'paren-arabic':
      return `（${compact.replace(/^[（(]|[）)]$/g, '')}）`;
    case 'cn-dun':
    case 'arabic-dun':
    case 'arabic-dot':
      return compact.replace(/[、，,．.]$/, '');
    case 'circled':
      return compact;
    case 'question':
      return compact.replace(/[：:.．、]$/, '');
    case 'decimal-1':
    case 'decimal-2':
    case 'decimal-3':
      return compact.replace(/．/g, '.');
  }
}

/** A numbered line that names a section (一、总则) rather than stating a rule. */
export function isHeadingLine(paragraph: string): boolean {
  const text = stripDecoration(paragraph);
  const marker = detectMarker(text);
  // An article (第三条) is a clause by definition; a line ending in a colon introduces a list.
  if (marker === null || marker.style === 'article') return false;
  return !SENTENCE_PUNCT.test(text) && !/[，,]/.test(text) && !/[：:]$/.test(text) && text.length <= 40;
}

/** A heading set between dashes, as web articles and infographics print one: ——政策速览——, —— 01｜谁可以申报 ——. */
const DASHED_HEADING = /^[—–－-]{2,}\s*[^—–－-]{1,24}?\s*[—–－-]{2,}$/;

export function isDashedHeading(line: string): boolean {
  return DASHED_HEADING.test(stripDecoration(line));
}

/** Sentence punctuation: a line with any of it is prose, not a heading or a title. */
export const SENTENCE_PUNCT = /[。；;！!？?]/;
const ANY_PUNCT = /[，,。；;：:！!？?、]/;

/** Cells ruled off (a | b |) or set apart by white space in the source (a ¦ b ¦, see aligned-table). */
export function isTableRow(line: string): boolean {
  return (line.match(/[|\u00a6]/g)?.length ?? 0) >= 2;
}

/** 2024年3月1日, ２０２４年３月１日 or 二〇二四年三月一日, as signatures print dates. */
const DATE = String.raw`(?:[\d０-９]{4}|[〇○零一二三四五六七八九]{4})\s*年\s*(?:[\d０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:[\d０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*日`;
const ORG_SUFFIX = '(委员会|人民政府|政府|办公室|办公厅|管委会|管理委员会|局|厅|委|部|中心|办)';
/** A signature may add a short note in brackets: 某某指挥部（代）, （盖章）. */
const ORG = `[\\p{Script=Han}（）()]{2,40}?${ORG_SUFFIX}(?:[（(]\\p{Script=Han}{1,3}[）)])?`;
const DATE_LINE = new RegExp(`^${DATE}\\s*(印发|发布)?$`, 'u');
const ORG_LINE = new RegExp(`^${ORG}(\\s+${ORG})*$`, 'u');
const ORG_DATE_LINE = new RegExp(`^(${ORG}(\\s+${ORG})*)\\s*${DATE}\\s*(印发|发布)?\\s*\\|?$`, 'u');
/** 某政办发〔2024〕11号, with the brackets and digits every conversion makes of 〔〕. */
export const DOC_NUMBER = String.raw`[\p{Script=Han}]{1,15}\s*[〔［[(（【]\s*[\d０-９]{4}\s*[〕］\])）】]\s*第?\s*[\d０-９]{1,4}\s*[号號]`;
const DOC_NUMBER_LINE = new RegExp(`^${DOC_NUMBER}$`, 'u');

export function isDateLine(simplified: string): boolean {
  return DATE_LINE.test(simplified);
}
export function isOrgLine(simplified: string): boolean {
  return ORG_LINE.test(simplified) && !ANY_PUNCT.test(simplified);
}
export function isOrgDateLine(simplified: string): boolean {
  return ORG_DATE_LINE.test(simplified);
}
export function isDocNumberLine(simplified: string): boolean {
  return DOC_NUMBER_LINE.test(simplified);
}

/** Issuer, date, document-number lines: metadata, never clause text. */
export function isSignatureLine(line: string): boolean {
  const s = toSimplified(stripDecoration(line)).trim();
  return isDateLine(s) || isOrgLine(s) || isOrgDateLine(s) || isDocNumberLine(s) || /^[（(]此件.{0,8}[）)]$/.test(s);
}

/**
 * A sum of money, a rate or a full date: titles name documents and years, while a panel, a row or a
 * label's value (政策有效期2026年3月1日至2028年12月31日) states these.
 */
const STATED_FIGURE = /\d(?:\.\d+)?\s*(?:万元|萬元|亿元|億元|元|%|％)|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/;

/** A short line without punctuation: a document title, an annex caption, a lone word. */
export function isTitleLike(line: string): boolean {
  const text = stripDecoration(line);
  return text.length <= 60 && !ANY_PUNCT.test(text) && !isTableRow(text) && !STATED_FIGURE.test(text);
}

const CLOSING_PHRASE = /^(本|以上)(政策|通知|办法|意见|实施意见|措施|方案|细则|规定|文件|条款|决定)/;

/** Paragraphs like 本政策自…起实施 close a document and are clauses of their own. */
export function startsWithClosingPhrase(paragraph: string): boolean {
  return CLOSING_PHRASE.test(toSimplified(stripDecoration(paragraph)));
}

/** Addressee lines (各有关单位：) belong to the covering notice, not to the policy. */
export function isAddresseeLine(paragraph: string): boolean {
  const text = stripDecoration(paragraph);
  if (detectMarker(text) !== null || !/[：:]$/.test(text)) return false;
  // A list of addressees may use ；between groups, never a full stop.
  if (/[。！!？?]/.test(text)) return false;
  if (/^各/.test(toSimplified(text))) return true;
  if (SENTENCE_PUNCT.test(text)) return false;
  return text.length <= 15 || namesOnlyOrganisations(text);
}

const ADDRESSEE_SUFFIX = /(委|办|局|厅|处|室|部|政府|办事处|管委会|委员会|单位|部门|公司|集团|学院|学校|中心|院|所|会|街道|镇|乡)$/;

/** 区府各委、办、局，各开发区管委会，各镇人民政府、街道办事处： every name is an organisation's. */
function namesOnlyOrganisations(text: string): boolean {
  const parts = toSimplified(text.replace(/[：:]$/, ''))
    .split(/[，,、；;]/)
    .map((p) => p.replace(/[（(][^（）()]*[）)]$/, '').trim())
    .filter((p) => p !== '');
  return parts.length >= 2 && parts.every((p) => ADDRESSEE_SUFFIX.test(p));
}
