import { splitCells } from '../corpus/clauses.js';
import { CAP_CLAUSE, CLAWBACK_CLAUSE, EXEMPTION_CLAUSE } from '../search/passages.js';
import type { Clause } from '../corpus/types.js';
import { spansIn } from '../search/abbreviations.js';
import { holdsConcept } from '../search/holds.js';
import type { Concept, QueryAnalysis } from '../search/analysis.js';
import type { Passage } from '../search/passages.js';
import { CREDIT } from '../search/score.js';
import { prepareForTokens } from '../text/tokenizer.js';
import { withoutResponsibilityNotes } from '../corpus/responsible.js';
import { amountsIn } from '../text/figures.js';

/**
 * The sentences of a cited clause that answer the question, quoted as the clause words them: for
 * each sub-question, the sentences holding most of its concepts' weight, those that state an amount
 * first when an amount is asked, and among them those that hold the key concept.
 */

/** At most this many sentences are quoted from one clause: the rest is one click away. */
export const MAX_SENTENCES = 5;
/** Asked how much, a sentence stating an amount scores this much more… */
const AMOUNT_SENTENCE_FACTOR = 1.3;
/** …plus this, so that an amount leaning on its clause's heading for its subject still counts. */
const AMOUNT_SENTENCE_BONUS = 0.5;
/** A sentence is quoted when it scores this share of the best one… */
const SENTENCE_SHARE = 0.6;
/** …or this share when an amount is asked and it states none but amounts do answer. */
const SENTENCE_SHARE_WITHOUT_AMOUNT = 0.9;

const SENTENCE_END = /(?<=[。；;！!？?])/;
/** A sentence on a document's standing: its window, what it abolishes, or that it is a draft (征求意见稿…不代表最终政策). */
const VALIDITY_SENTENCE = /有效期|起施行|起实施|起實施|起执行|起執行|起生效|施行期|执行期限|執行期限|废止|廢止|继续执行|繼續執行|执行至|執行至|征求意见稿|徵求意見稿|不代表最终|不代表最終/;
const INTERPRETATION_SENTENCE = /负责解释|負責解釋/;
const NEW_BENEFICIARY = /^(对于?|對於?)[^，,；;。]{2,}?的/;
/** A sentence on how support is paid out: in instalments, on acceptance, by when. */
const DISBURSING_SENTENCE = /拨付|兑付|兑现|发放|拨款|分[两二三四\d]次|分期|到账|撥付|兌付|發放/;
const ABOLISHING_SENTENCE = /废止|廢止|停止执行|停止執行|不再执行|不再執行/;

export function splitSentences(text: string): string[] {
  return text
    .split('\n')
    .flatMap((line) => line.split(SENTENCE_END))
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The heading of a column that gives the unit of the row's figures (单位, 计量单位). */
const UNIT_HEADING = /^(计量)?单位$/;
const isNumber = (c: string): boolean => /^\d+(\.\d+)?%?$/.test(c);
/** A caption's unit for the whole table (单位：万元). */
const TABLE_UNIT = /(?:单位|單位)\s*[:：]\s*(万元|萬元|元|亿元|億元)/;
/** A cap written in a cell without its unit (1:0.5，最高30). */
const BARE_CAP = /((?:最高|不超过|上限)\s*\d+(?:\.\d+)?)$/;

/** A cell's figure with the table's unit: 30 → 30万元, 1:0.5，最高30 → 1:0.5，最高30万元. */
function withUnit(cell: string, unit: string): string {
  if (unit === '') return cell;
  if (isNumber(cell) && !cell.endsWith('%')) return `${cell}${unit}`;
  return cell.replace(BARE_CAP, `$1${unit}`);
}

/**
 * A table row read with its column headings: 上云企业（累计）：2027年 150家；2028年 220家；牵头单位 旗工信局.
 * When the row has a cell under every heading, each cell goes with its own heading, and a unit column's
 * unit goes with the figures; otherwise the figures go with the last headings.
 */
export function readTableRow(clause: Clause): string {
  const cells = splitCells(clause.text);
  const header = splitCells(clause.context?.split('\n').pop() ?? '');
  // The row's name is its first cell that is not a number; a number before it is the row's 序号.
  const nameAt = cells.findIndex((c) => !isNumber(c));
  if (nameAt < 0) return clause.text;
  const tableUnit = TABLE_UNIT.exec(clause.context ?? '')?.[1] ?? '';
  if (header.length === cells.length && header.length > nameAt + 1) {
    const unitAt = header.findIndex((h) => UNIT_HEADING.test(h));
    const unit = unitAt > nameAt ? (cells[unitAt] ?? '') : tableUnit;
    const fields = cells.flatMap((cell, i) => (i <= nameAt || i === unitAt || cell === '' ? [] : [`${header[i]} ${withUnit(cell, unit)}`]));
    return `${cells[nameAt]}：${fields.join('；')}`;
  }
  const values = cells.slice(nameAt + 1).filter(isNumber);
  const headings = header.slice(-values.length);
  if (values.length === 0 || headings.length !== values.length) return clause.text;
  return `${cells[nameAt]}：${values.map((v, i) => `${headings[i]} ${withUnit(v, tableUnit)}`).join('；')}`;
}

/** The concept weight a sentence holds, each concept counted once at its best wording. */
function sentenceScore(text: string, concepts: Concept[]): number {
  let score = 0;
  for (const concept of concepts) {
    let best = text.includes(concept.text) ? concept.weight : 0;
    for (const v of concept.variants) if (v.kind === 'span' ? spansIn(text, v.term) : text.includes(v.term)) best = Math.max(best, CREDIT[v.kind] * concept.weight);
    score += best;
  }
  return score;
}

export function answeringSentences(passage: Passage, analysis: QueryAnalysis): string[] {
  const { clause } = passage;
  if (clause.kind === 'table-row') return [readTableRow(clause)];
  const sentences = splitSentences(withoutResponsibilityNotes(clause.text));
  if (passage.role === 'validity' || passage.role === 'catalogue') return pick(sentences, (s) => VALIDITY_SENTENCE.test(s));
  if (passage.role === 'abolition') return pick(sentences, (s) => ABOLISHING_SENTENCE.test(s));
  if (passage.role === 'cap') return pick(sentences, (s) => CAP_CLAUSE.test(s));
  if (passage.role === 'exemption') return pick(sentences, (s) => EXEMPTION_CLAUSE.test(s));
  if (passage.role === 'clawback') return pick(sentences, (s) => CLAWBACK_CLAUSE.test(s));
  // How applications are handled is the clause's steps in their order.
  if (passage.role === 'procedure') return sentences.slice(0, MAX_SENTENCES);
  if (passage.role === 'interpretation') return pick(sentences, (s) => INTERPRETATION_SENTENCE.test(s));
  // One measure of a list: what it supports, up to the first sentence that says how much.
  if (passage.role === 'measure') return sentences.slice(0, Math.max(1, sentences.findIndex((s) => amountsIn(s).length > 0) + 1)).slice(0, MAX_SENTENCES);
  // Whom a policy applies to is its whole clause: the scope, then the conditions that follow it.
  if (passage.role === 'applicability') return sentences.slice(0, MAX_SENTENCES);
  // How to apply is the clause's steps in their order: which of them matters is the reader's to judge.
  if (analysis.intents.has('procedure') && !analysis.asksFigure) return sentences.slice(0, MAX_SENTENCES);
  const wantsAmount = analysis.intents.has('amount');
  const parts = analysis.parts.length > 0 ? analysis.parts : [{ concepts: analysis.concepts.map((_, i) => i), key: analysis.key }];
  const prepared = sentences.map(prepareForTokens);
  const states = sentences.map((s) => amountsIn(s).length > 0);
  const chosen = new Set<number>();
  for (const part of parts) {
    const concepts = part.concepts.map((i) => analysis.concepts[i]).filter((c): c is Concept => c !== undefined);
    const partKey = analysis.concepts[part.key] ?? null;
    const scores = prepared.map((text, i) => {
      const base = sentenceScore(text, concepts);
      return wantsAmount && states[i] ? base * AMOUNT_SENTENCE_FACTOR + AMOUNT_SENTENCE_BONUS : base;
    });
    const best = Math.max(0, ...scores);
    if (best === 0) continue;
    const amountAnswers = wantsAmount && states.some((stated, i) => stated && (scores[i] ?? 0) > 0);
    const candidates = sentences
      .map((_, i) => ({ i, states: states[i] === true, score: scores[i] ?? 0 }))
      .filter((c) => c.score >= (amountAnswers && !c.states ? SENTENCE_SHARE_WITHOUT_AMOUNT : SENTENCE_SHARE) * best);
    // The key concept decides between sentences of one kind: an amount without it gives way to an
    // amount with it; one leaning on the clause heading for its subject stays when none names it.
    const keyed = new Set(candidates.filter((c) => partKey && holdsConcept(prepared[c.i] ?? '', partKey)).map((c) => c.i));
    const keyedAmount = candidates.some((c) => c.states && keyed.has(c.i));
    const keyedOther = candidates.some((c) => !c.states && keyed.has(c.i));
    for (const c of candidates) if (!partKey || keyed.has(c.i) || (c.states ? !keyedAmount : !keyedOther)) chosen.add(c.i);
  }
  // A specific question word the clause says only in a sentence not chosen (初级 in …评定为初级的不予
  // 奖励) is answered there: that sentence is quoted too.
  if (chosen.size > 0) {
    for (const concept of analysis.concepts) {
      if (!concept.content || concept.generic || concept.weight <= 0 || [...chosen].some((i) => holdsConcept(prepared[i] ?? '', concept))) continue;
      const at = prepared.findIndex((text) => holdsConcept(text, concept));
      if (at >= 0) chosen.add(at);
    }
  }
  // Asked how much, when the sentences that name the topic state no amount, the clause's amounts
  // lean on its heading for their subject (…贯标。对开展实质贯标…的企业，给予最高30万元奖励): quote them.
  if (wantsAmount && chosen.size > 0 && ![...chosen].some((i) => states[i])) states.forEach((stated, i) => stated && chosen.add(i));
  // The further grades of one item, after a semicolon in the same sentence (…AAA 级…40万元；取得 AA 级
  // 证书的，给予 25 万元奖励；…), say how much too: quoted with it. One that opens with 对 names a
  // beneficiary of its own (对首次认定的省级…企业，给予…): another item, not a further grade.
  if (wantsAmount) {
    for (const i of [...chosen].sort((a, b) => a - b)) {
      for (let j = i + 1; j < sentences.length && /[；;]$/.test(sentences[j - 1] ?? '') && states[j] && !NEW_BENEFICIARY.test(sentences[j] ?? ''); j++) chosen.add(j);
    }
  }
  // A share is capped by the short sentence after it (…提高到10%。单个项目补助最高800万元。): quoted with it.
  if (wantsAmount) {
    for (const i of [...chosen]) if (/[%％]/.test(sentences[i] ?? '') && CAP_AFTER_SHARE.test(sentences[i + 1] ?? '')) chosen.add(i + 1);
  }
  // Asked how the money is paid out, the sentences that say so (分两次拨付：…拨付70%…) are quoted too.
  if (analysis.intents.has('disbursement') && chosen.size > 0) sentences.forEach((s, i) => DISBURSING_SENTENCE.test(s) && chosen.add(i));
  if (chosen.size === 0) return sentences.slice(0, 2);
  return sentences.filter((_, i) => chosen.has(i)).slice(0, MAX_SENTENCES);
}

/** A sentence that only caps the share before it: 单个项目补助最高800万元, 每家企业每年不超过50万元. */
const CAP_AFTER_SHARE = /^[^，,。；;]{0,14}?(?:最高|不超过|不超過|上限|封顶)[^，,。；;]{0,6}?[\d０-９][^。；;]{0,8}[。；;]?$/;

function pick(sentences: string[], test: (s: string) => boolean): string[] {
  const found = sentences.filter(test);
  return found.length > 0 ? found : sentences.slice(0, 1);
}
