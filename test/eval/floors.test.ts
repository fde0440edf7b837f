import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answerExtractive } from '../../src/answer/answer.js';
import { aggregate, normaliseAnswer, parseEvalSet, scoreQuestion } from '../../src/eval/score.js';
import { EVAL_DATE, sharedEngine } from '../helpers.js';

const questions = parseEvalSet(readFileSync(new URL('./dev.jsonl', import.meta.url), 'utf8'));

describe('development set', () => {
  it('meets the quality floors', () => {
    const engine = sharedEngine();
    const answers = questions.map((q) => answerExtractive({ question: q.question, region: null, asOf: EVAL_DATE }, engine));
    const { figures } = aggregate(questions, answers);
    expect(figures.anchorRecall).toBeGreaterThanOrEqual(0.9);
    expect(figures.fullyCited).toBeGreaterThanOrEqual(0.85);
    expect(figures.factRecall).toBeGreaterThanOrEqual(0.85);
    expect(figures.refusalAccuracy).toBeGreaterThanOrEqual(0.67);
    expect(figures.citationsPerAnswer).toBeLessThanOrEqual(4);
  });
});

describe('the scoring rules', () => {
  const q = questions.find((x) => x.id === 'g061');
  if (!q) throw new Error('g061 missing from the dev set');

  it('compares traditional text to simplified evidence, ignoring whitespace', () => {
    const result = scoreQuestion(q, {
      question: q.question,
      answer: '試點補貼資金1億元及區配套資金1.02 億元',
      mode: 'extractive',
      noAnswer: false,
      citations: [
        {
          n: 1, policyId: 'p', title: 't', docNumber: null, issuer: null, region: '松江区', clause: '（六）',
          text: '試點資金由中央財政下達的中小企業數字化轉型城市試點補貼資金1億元及區配套資金1.02億元兩部分組成', validFrom: null, validTo: null, status: 'unknown',
        },
      ],
    });
    expect(result.missingEvidence).toEqual([]);
    expect(result.missingFacts).toEqual([]);
  });

  it('reads 1,000 as 1000 and ISO dates as Chinese dates', () => {
    expect(normaliseAnswer('最高1,000万元，至2026-08-17')).toBe('最高1000万元，至2026年8月17日');
  });

  it('counts a refusal of an answerable question against it', () => {
    const result = scoreQuestion(q, { question: q.question, answer: '没有依据', mode: 'extractive', noAnswer: true, citations: [] });
    expect(result.refusedWrongly).toBe(true);
    expect(result.missingEvidence.length).toBe(q.evidence.length);
  });
});
