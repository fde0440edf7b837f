import { toSimplified } from '../text/script.js';
import { isOrgLine } from './lines.js';

/**
 * Repairs of what copying a page does to a text, applied to raw lines before spacing is tidied:
 * pinyin glosses a converter wrote into words, line breaks flattened into spaces, a flipbook's page
 * labels, and issuers printed side by side on one line.
 */

const TONE_MARKED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
/**
 * A syllable in brackets right after a character, with a tone mark: 發(fā), 工(gōng). Some sites
 * gloss characters this way and copying keeps the gloss inside the word. Plain Latin in brackets
 * (DCMM, LPR) has no tone marks and stays.
 */
const PINYIN_GLOSS = new RegExp(`(?<=\\p{Script=Han})[(（](?=[a-zü]*[${TONE_MARKED}])[a-zü${TONE_MARKED}]{1,6}[)）]`, 'gu');

const ANY_TONE_MARK = new RegExp(`[${TONE_MARKED}]`);

export function removePinyinGlosses(line: string): string {
  return ANY_TONE_MARK.test(line) ? line.replace(PINYIN_GLOSS, '') : line;
}

/** A line this long that holds several numbered headings after spaces is a whole document on one line. */
const FLATTENED_MIN_LENGTH = 400;
const FLATTENED_MIN_HEADINGS = 3;
const HEADING_AFTER_SPACE = /\s(?=[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十百]{1,4}[条章])/g;
/** A space between two characters that are not Latin letters or digits: in a flattened text, a line break. */
const BREAK_SPACE = /(?<=[^\sA-Za-z0-9])\s+(?=[^\sA-Za-z0-9])|\s+(?=\d{1,2}[.．、](?!\d))/g;

/**
 * A page whose line breaks were flattened into single spaces (one paragraph holding the notice, its
 * number, the addressees, the signature and every clause) is cut back into lines at those spaces.
 * Chinese text has no spaces between words, so in such a line each one was a break.
 */
export function unflatten(line: string): string[] {
  if (line.length < FLATTENED_MIN_LENGTH) return [line];
  const headings = line.match(HEADING_AFTER_SPACE)?.length ?? 0;
  if (headings < FLATTENED_MIN_HEADINGS) return [line];
  return line.split(BREAK_SPACE).filter((part) => part.trim() !== '');
}

/** "Page 8 - " before a flipbook page's title; "P. 8" alone on a line. */
const PAGE_LABEL = /^\s*page\s*\d{1,4}\s*[-–—:]\s*/i;
export const FLIPBOOK_PAGE_NUMBER = /^\s*(?:p\.|page)\s*\d{1,4}\s*$/i;

export function stripPageLabel(line: string): string {
  return PAGE_LABEL.test(line) ? line.replace(PAGE_LABEL, '') : line;
}

/** The last character of an organisation's name (委员会, 人民政府, 办公室, 厅, 局, 中心, 办, 部), in either script, or of a note after it. */
const ISSUER_END = /[会會府室厅廳局心办辦部委)）]$/;
/** Longer than this, a line is not a row of signing organisations. */
const MAX_ISSUER_ROW = 80;

/**
 * Joint issuers printed side by side with a single space (江苏省工业和信息化厅 江苏省财政厅) keep a
 * layout gap between them, so that tidying the spacing does not run the names together.
 */
export function separateIssuers(line: string): string {
  const text = line.trim();
  if (text.length > MAX_ISSUER_ROW || !ISSUER_END.test(text) || !/\S\s\S/.test(text) || /\s{2,}|[，,。；;：:、]/.test(text)) return line;
  return isOrgLine(toSimplified(text)) ? text.split(/\s+/).join('  ') : line;
}
