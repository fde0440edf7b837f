import { formatChineseDate } from '../corpus/dates.js';
import type { Clause, IsoDate, Policy, ValidityStatus } from '../corpus/types.js';
import { splitCells } from '../corpus/clauses.js';
import type { Passage, Retrieval } from '../search/retrieve.js';
import { amountsIn as figureAmounts } from '../text/figures.js';
import { prepareForTokens } from '../text/tokenizer.js';
import { displayLabel, toCitation } from './citations.js';
import { neutraliseMarkers } from './grounding.js';
import type { AnswerObject } from './types.js';

/**
 * The answer with no language model: for each cited clause, the sentences that answer the question,
 * quoted as the clause words them, with the amounts they state, the responsible department and the
 * policy's validity on the date asked. Every line carries the [n] of the clause it comes from.
 */

export interface ComposeOptions {
  asOf: IsoDate;
  /** How much a term says (its IDF); sentences are ranked by the weight of the concepts they hold. */
  termWeight: (term: string) => number;
}

type Language = 'zh' | 'en';

const MAX_SENTENCES = 5;
const SENTENCE_END = /(?<=[。；;！!？?])/;
/** （责任部门：区经委） or 【責任部門:區數據局、相關街鎮(經開區);時間:…】: names, brackets inside included. */
const RESPONSIBLE = /[（(【]\s*(责任部门|責任部門)\s*[:：]((?:[^（()）【】;；]|[（(][^（()）]*[）)])+)[^】）)]*[）)】]?/;

export function splitSentences(text: string): string[] {
  return text
    .split('\n')
    .flatMap((line) => line.split(SENTENCE_END))
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The amounts a text states, as it states them: 10%、3000万元. */
export function amountsIn(text: string): string[] {
  return figureAmounts(text);
}

export function responsibleDepartment(text: string): string | null {
  const match = RESPONSIBLE.exec(text);
  return match?.[2]?.trim() ?? null;
}

function validityNote(policy: Policy, status: ValidityStatus, asOf: IsoDate, language: Language): string {
  const date = (d: IsoDate): string => (language === 'en' ? d : formatChineseDate(d));
  const asOfText = date(asOf);
  if (language === 'en') {
    switch (status) {
      case 'in-force':
        return `in force as of ${asOfText} (valid ${policy.validFrom ? `from ${date(policy.validFrom)} ` : ''}until ${date(policy.validTo ?? '')})`;
      case 'expired':
        return `expired on ${date(policy.validTo ?? '')}`;
      case 'not-yet-in-force':
        return `not yet in force: takes effect on ${date(policy.validFrom ?? '')}`;
      case 'unknown':
        return 'validity not stated in the text';
    }
  }
  switch (status) {
    case 'in-force':
      return `截至${asOfText}在有效期内（${policy.validFrom ? `${date(policy.validFrom)}起，` : ''}至${date(policy.validTo ?? '')}）`;
    case 'expired':
      return `已于${date(policy.validTo ?? '')}失效`;
    case 'not-yet-in-force':
      return `尚未施行，将于${date(policy.validFrom ?? '')}起施行`;
    case 'unknown':
      return '文件未载明有效期';
  }
}

/** A table row read with its column headings: 指标：2025年 20；2026年 20；总数 40. */
function readTableRow(clause: Clause): string {
  const cells = splitCells(clause.text);
  const header = splitCells(clause.context?.split('\n').pop() ?? '');
  const isNumber = (c: string): boolean => /^\d+(\.\d+)?%?$/.test(c);
  // The row's name is its first cell that is not a number; a number before it is the row's 序号.
  const nameAt = cells.findIndex((c) => !isNumber(c));
  if (nameAt < 0) return clause.text;
  const values = cells.slice(nameAt + 1).filter(isNumber);
  const headings = header.slice(-values.length);
  if (values.length === 0 || headings.length !== values.length) return clause.text;
  return `${cells[nameAt]}：${values.map((v, i) => `${headings[i]} ${v}`).join('；')}`;
}

type Concepts = Retrieval['analysis']['concepts'];

function conceptWeight(concept: Concepts[number], weight: (t: string) => number): number {
  return Math.max(0, ...concept.variants.map((v) => v.weight * weight(v.term)));
}

/** The concept with at least 40% of the question's weight, if there is one. */
function keyConcept(concepts: Concepts, weight: (t: string) => number): Concepts[number] | null {
  const weights = concepts.map((c) => conceptWeight(c, weight));
  const total = weights.reduce((a, b) => a + b, 0);
  const top = Math.max(0, ...weights);
  return concepts.length > 1 && top >= 0.4 * total ? (concepts[weights.indexOf(top)] ?? null) : null;
}

/** Whether a sentence (prepared for matching) says the concept itself or a synonym of it. */
function holds(text: string, concept: Concepts[number]): boolean {
  return concept.variants.some((v) => v.weight >= 0.8 && text.includes(v.term));
}

/** The IDF weight of the concepts a sentence (prepared for matching) holds. */
function sentenceScore(text: string, concepts: Concepts, weight: (t: string) => number): number {
  let score = 0;
  for (const concept of concepts) {
    let best = 0;
    for (const v of concept.variants) if (text.includes(v.term)) best = Math.max(best, v.weight * weight(v.term));
    score += best;
  }
  return score;
}

/** The sentences of a clause that answer the question, in the clause's order. */
export function answeringSentences(passage: Passage, retrieval: Retrieval, weight: (t: string) => number): string[] {
  const { clause } = passage;
  if (clause.kind === 'table-row') return [readTableRow(clause)];
  const sentences = splitSentences(clause.text.replace(RESPONSIBLE, ''));
  if (passage.role === 'validity') return pick(sentences, (s) => /有效期|起施行|起实施|起實施|起执行|起生效|施行期/.test(s));
  if (passage.role === 'interpretation') return pick(sentences, (s) => /负责解释|負責解釋/.test(s));
  const { analysis } = retrieval;
  const wantsAmount = analysis.intents.has('amount');
  // Each sub-question picks its own best sentences, so that "支持哪些主体？还能享受吗？" quotes both.
  const parts = analysis.parts.length > 0 ? analysis.parts : [analysis.concepts];
  // Each sentence is prepared and checked for amounts once, whatever the number of sub-questions.
  const prepared = sentences.map(prepareForTokens);
  const states = sentences.map((s) => amountsIn(s).length > 0);
  const chosen = new Set<number>();
  for (const concepts of parts) {
    const scores = prepared.map((text, i) => {
      const base = sentenceScore(text, concepts, weight);
      return wantsAmount && states[i] ? base * 1.3 + 0.5 : base;
    });
    const best = Math.max(0, ...scores);
    if (best === 0) continue;
    // Asked "how much", the sentences that state an amount answer; others only when as strong.
    const amountAnswers = wantsAmount && states.some((stated, i) => stated && (scores[i] ?? 0) > 0);
    const candidates = sentences
      .map((_, i) => ({ i, states: states[i] === true, score: scores[i] ?? 0 }))
      .filter((c) => c.score >= (amountAnswers && !c.states ? 0.9 : 0.6) * best);
    // A concept that carries most of the question (DCMM) decides between sentences of one kind: an
    // amount without it gives way to an amount with it. An amount that leans on its clause's
    // heading for its subject (对开展实质贯标的企业…30万元) stays when no amount names the concept.
    const key = keyConcept(concepts, weight);
    const keyed = new Set(candidates.filter((c) => key && holds(prepared[c.i] ?? '', key)).map((c) => c.i));
    const keyedAmount = candidates.some((c) => c.states && keyed.has(c.i));
    const keyedOther = candidates.some((c) => !c.states && keyed.has(c.i));
    for (const c of candidates) {
      if (!key || keyed.has(c.i) || (c.states ? !keyedAmount : !keyedOther)) chosen.add(c.i);
    }
  }
  if (chosen.size === 0) return sentences.slice(0, 2);
  return sentences.filter((_, i) => chosen.has(i)).slice(0, MAX_SENTENCES);
}

function pick(sentences: string[], test: (s: string) => boolean): string[] {
  const found = sentences.filter(test);
  return found.length > 0 ? found : sentences.slice(0, 1);
}

function heading(passage: Passage, n: number, language: Language): string {
  const { policy, clause } = passage;
  const number = policy.docNumber ? `（${neutraliseMarkers(policy.docNumber)}）` : '';
  const label = displayLabel(clause.label);
  const title = neutraliseMarkers(policy.title);
  if (language === 'en') return `**${policy.region} ·《${title}》${number} ${label}** [${n}]`;
  return `**${policy.region} ·《${title}》${number}${label}** [${n}]`;
}

export function composeExtractive(retrieval: Retrieval, options: ComposeOptions): AnswerObject {
  const { analysis, passages } = retrieval;
  const language: Language = analysis.language;
  const citations = passages.map((p, i) => toCitation(p, i + 1));
  const lines: string[] = [];

  if (retrieval.noAnswer) {
    const where = retrieval.regions.length > 0 ? retrieval.regions.join('、') : '';
    if (language === 'en') {
      lines.push(
        `No clause in the policies on file answers this question${where ? ` for ${where}` : ''}, so there is no basis for an answer.`,
      );
      if (passages.length > 0) lines.push('', 'Related clauses elsewhere, for reference only:');
    } else {
      lines.push(`在${where ? `${where}的` : '现有的'}政策文件中没有找到能回答这个问题的条款，无法给出有依据的答复。`);
      if (passages.length > 0) lines.push('', '其他地区或文件的相关条款（仅供参考）：');
    }
  } else if (new Set(passages.map((p) => p.policy.id)).size > 1) {
    const policies = [...new Map(passages.map((p) => [p.policy.id, p])).values()];
    const inForce = policies.filter((p) => p.status === 'in-force').length;
    lines.push(
      language === 'en'
        ? `${policies.length} policies have clauses on this; ${inForce} of them in force as of ${options.asOf}.`
        : `共有${policies.length}份政策涉及此事项，截至${formatChineseDate(options.asOf)}其中${inForce}份在有效期内。`,
    );
  }

  passages.forEach((passage, i) => {
    const n = i + 1;
    lines.push('', heading(passage, n, language));
    const sentences = answeringSentences(passage, retrieval, options.termWeight);
    // A [2] the policy itself writes is shown as its text, never as a citation of this answer.
    for (const sentence of sentences) lines.push(`> ${neutraliseMarkers(sentence)} [${n}]`);
    const details: string[] = [];
    const quoted = sentences.join('');
    const amounts = passage.clause.kind === 'table-row' ? [] : amountsIn(quoted);
    if (amounts.length > 0) details.push(language === 'en' ? `Amounts: ${amounts.join(', ')}` : `金额/比例：${amounts.join('、')}`);
    const department = responsibleDepartment(passage.clause.text);
    if (department) details.push(language === 'en' ? `Responsible: ${neutraliseMarkers(department)}` : `责任部门：${neutraliseMarkers(department)}`);
    details.push(
      language === 'en'
        ? `Status: ${validityNote(passage.policy, passage.status, options.asOf, language)}`
        : `状态：${validityNote(passage.policy, passage.status, options.asOf, language)}`,
    );
    for (const detail of details) lines.push(`- ${detail} [${n}]`);
  });

  return {
    question: analysis.question,
    answer: lines.join('\n').trim(),
    mode: 'extractive',
    noAnswer: retrieval.noAnswer,
    citations,
  };
}
