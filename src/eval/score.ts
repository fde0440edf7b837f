import { toSimplified } from '../text/script.js';
import type { AnswerObject } from '../answer/types.js';

/** The scoring rules of the evaluation set (shared/eval/README.md), as code. */

export interface EvalQuestion {
  id: string;
  question: string;
  category: string;
  docs: string[];
  evidence: string[];
  evidenceDocs: string[];
  facts: string[];
  answerable: boolean;
  notes?: string;
  /** Earlier questions of the same conversation, oldest first. */
  history?: string[];
  /** The region the asking window is scoped to (a widget on a district's site). */
  region?: string;
  /** The date the question is asked on, when not the evaluation date. */
  asOf?: string;
}

export interface EvalFigures {
  questions: number;
  anchorRecall: number;
  docRecall: number;
  fullyCited: number;
  factRecall: number;
  refusalAccuracy: number;
  falseRefusals: number;
  citationsPerAnswer: number;
  onTargetCitations: number;
}

export interface QuestionResult {
  id: string;
  missingEvidence: string[];
  missingFacts: string[];
  refusedWrongly: boolean;
  answeredWrongly: boolean;
  citations: number;
  onTarget: number;
}

/** Traditional → simplified, no whitespace: the form every comparison uses. */
export function normaliseForScoring(text: string): string {
  return toSimplified(text).replace(/\s+/g, '');
}

/** 1,000 → 1000 and 2026-08-17 → 2026年8月17日, as the rules allow. */
export function normaliseAnswer(text: string): string {
  return normaliseForScoring(text)
    .replace(/(\d),(?=\d{3})/g, '$1')
    .replace(/(\d{4})-(\d{2})-(\d{2})/g, (_, y: string, m: string, d: string) => `${y}年${Number(m)}月${Number(d)}日`);
}

export function scoreQuestion(q: EvalQuestion, a: AnswerObject): QuestionResult {
  const cited = a.citations.map((c) => normaliseForScoring(c.text));
  const evidence = q.evidence.map(normaliseForScoring);
  const answer = normaliseAnswer(a.answer);
  return {
    id: q.id,
    missingEvidence: q.evidence.filter((_, i) => !cited.some((t) => t.includes(evidence[i] ?? ''))),
    missingFacts: q.facts.filter((f) => !answer.includes(normaliseAnswer(f))),
    refusedWrongly: q.answerable && a.noAnswer,
    answeredWrongly: !q.answerable && !a.noAnswer,
    citations: a.citations.length,
    onTarget: cited.filter((t) => evidence.some((e) => t.includes(e))).length,
  };
}

export function aggregate(questions: EvalQuestion[], answers: AnswerObject[]): { figures: EvalFigures; results: QuestionResult[] } {
  const results = questions.map((q, i) => scoreQuestion(q, answers[i] as AnswerObject));
  const answerable = questions.filter((q) => q.answerable);
  const unanswerable = questions.filter((q) => !q.answerable);
  let evidenceTotal = 0;
  let evidenceFound = 0;
  let docsTotal = 0;
  let docsFound = 0;
  let factsTotal = 0;
  let factsFound = 0;
  questions.forEach((q, i) => {
    const r = results[i] as QuestionResult;
    evidenceTotal += q.evidence.length;
    evidenceFound += q.evidence.length - r.missingEvidence.length;
    for (const doc of q.docs) {
      docsTotal++;
      const docEvidence = q.evidence.filter((_, k) => q.evidenceDocs[k] === doc);
      if (docEvidence.some((e) => !r.missingEvidence.includes(e))) docsFound++;
    }
    factsTotal += q.facts.length;
    factsFound += q.facts.length - r.missingFacts.length;
  });
  const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);
  const citations = results.reduce((s, r) => s + r.citations, 0);
  return {
    results,
    figures: {
      questions: questions.length,
      anchorRecall: ratio(evidenceFound, evidenceTotal),
      docRecall: ratio(docsFound, docsTotal),
      fullyCited: ratio(
        answerable.filter((q) => (results[questions.indexOf(q)] as QuestionResult).missingEvidence.length === 0).length,
        answerable.length,
      ),
      factRecall: ratio(factsFound, factsTotal),
      refusalAccuracy: ratio(
        unanswerable.filter((q) => !(results[questions.indexOf(q)] as QuestionResult).answeredWrongly).length,
        unanswerable.length,
      ),
      falseRefusals: results.filter((r) => r.refusedWrongly).length,
      citationsPerAnswer: ratio(citations, answerable.length),
      onTargetCitations: ratio(
        results.reduce((s, r) => s + r.onTarget, 0),
        citations,
      ),
    },
  };
}

export function parseEvalSet(text: string): EvalQuestion[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as EvalQuestion);
}
