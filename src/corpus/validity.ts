import { parseChineseNumber } from '../text/numerals.js';
import { toSimplified } from '../text/script.js';
import { endOfTerm, foldDigits, parseChineseDate } from './dates.js';
import type { Clause, IsoDate } from './types.js';

const DATE = String.raw`(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日`;
const FROM_DATE = new RegExp(String.raw`自\s*(${DATE})\s*起\s*(?:施行|实施|执行|生效|试行)`);
const FROM_ISSUE = /自\s*(发布|印发|公布|发文|颁布|下发)之日起\s*(?:施行|实施|执行|生效|试行)?/;
const UNTIL_DATE = new RegExp(String.raw`(?:有效期|试行期)\s*(?:至|到|截至)\s*(${DATE})|至\s*(${DATE})\s*(?:止|废止|失效)`);
/** 执行期限为2023年11月21日至2026年11月20日, 有效期自…至…: both ends in one sentence. */
const RANGE = new RegExp(String.raw`(?:有效期|执行期限|实施期限|试行期|施行期限|执行期|实施期)\s*(?:为|是|[：:])?\s*(?:自|从)?\s*(${DATE})\s*(?:起)?\s*(?:至|到|—|－|-|～|~)\s*(${DATE})`);
const TERM_YEARS = /(?:有效期|试行期)\s*(?:为|暂定)?\s*([一二三四五六七八九十两\d]+)\s*年/;
/** Wording in quotation marks is another text's (an amendment quotes the old and new article), not the document's own window. */
export const QUOTED_WORDING = /“[^”]*”|「[^」]*」|"[^"]*"/g;

export interface ValidityDates {
  /** The dates the document states about itself, and those a header gives. */
  issued: IsoDate | null;
  published: IsoDate | null;
  headerFrom: IsoDate | null;
  headerTo: IsoDate | null;
}

export interface Validity {
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
  clauseId: string | null;
}

/**
 * The closing clause states the window; documents quote other documents' dates earlier on, and
 * an amendment quotes the window it replaces. An
 * explicit date wins over a header's, which wins over one derived from the issue date.
 */
export function findValidity(clauses: Clause[], dates: ValidityDates): Validity {
  for (let i = clauses.length - 1; i >= 0; i--) {
    const clause = clauses[i];
    // A table row compares windows (修改前 / 修改后) rather than stating the document's own.
    if (!clause || clause.kind === 'table-row') continue;
    const text = foldDigits(toSimplified(clause.text)).replace(QUOTED_WORDING, '');
    const range = RANGE.exec(text);
    const from = FROM_DATE.exec(text) ?? (range ? [range[0], range[1]] : null);
    const fromIssue = FROM_ISSUE.exec(text);
    const until = UNTIL_DATE.exec(text) ?? (range ? [range[0], range[2], undefined] : null);
    const term = TERM_YEARS.exec(text);
    if (!from && !fromIssue && !until && !(term && dates.headerFrom)) continue;

    const derived = fromIssue
      ? /发布|公布|颁布/.test(fromIssue[1] ?? '')
        ? (dates.published ?? dates.issued)
        : (dates.issued ?? dates.published)
      : null;
    const validFrom = (from?.[1] ? parseChineseDate(from[1]) : null) ?? dates.headerFrom ?? derived;
    let validTo = until ? parseChineseDate(until[1] ?? until[2] ?? '') : null;
    if (validTo === null && term?.[1] && validFrom !== null) {
      const years = parseChineseNumber(term[1]);
      if (years !== null && years > 0) validTo = endOfTerm(validFrom, years);
    }
    return { validFrom, validTo: validTo ?? dates.headerTo, clauseId: clause.id };
  }
  return { validFrom: dates.headerFrom, validTo: dates.headerTo, clauseId: null };
}
