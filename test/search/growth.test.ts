import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answerExtractive, retrieveFor } from '../../src/answer/answer.js';
import { createEngine } from '../../src/engine.js';
import { parseEvalSet } from '../../src/eval/score.js';
import { MAX_POLICIES_SHOWN } from '../../src/search/select.js';
import { EVAL_DATE, sharedEngine } from '../helpers.js';
import { grownIndexDir } from '../support/corpora.js';

/**
 * Answers about the policies on file must not move when look-alike documents arrive: a city policy
 * with the same title as a county's, other districts' clauses on the same topics, and a thousand
 * generated clauses from other regions. A question that names its region keeps its cited clauses.
 */

const DISTRACTOR_CLAUSES = 1000;
const questions = parseEvalSet(readFileSync(new URL('../eval/dev.jsonl', import.meta.url), 'utf8'));

describe('a growing corpus', () => {
  const seeds = sharedEngine();
  const grown = createEngine(grownIndexDir(seeds.policies, DISTRACTOR_CLAUSES), 'off');
  const naming = questions.filter((q) => seeds.retriever.analyse(q.question).regions.length > 0);
  // What answers (and which regions are said to have nothing); clauses shown only for reference
  // from elsewhere may change as other regions' documents arrive.
  const cited = (engine: typeof seeds, question: string): { answer: string[]; missing: string[] } => {
    const retrieval = retrieveFor({ question, region: null, asOf: EVAL_DATE }, engine);
    return {
      answer: retrieval.passages.filter((p) => p.role !== 'related').map((p) => `${p.policy.id}:${p.clause.label}`),
      missing: retrieval.missing.map((m) => m.region),
    };
  };

  it('really grew: the look-alikes and at least a thousand more clauses are in it', () => {
    expect(grown.index.clauses.length - seeds.index.clauses.length).toBeGreaterThanOrEqual(DISTRACTOR_CLAUSES);
    expect(grown.policies.map((p) => p.id)).toContain('suzhou-2024');
    expect(naming.length).toBeGreaterThanOrEqual(20);
  });

  it.each(naming.map((q) => [q.id, q.question]))('%s keeps its cited clauses: %s', (_, question) => {
    expect(cited(grown, question)).toEqual(cited(seeds, question));
  });

  it('sets out at most a dozen policies for a question naming no region, and says how many more answer', () => {
    const question = '我能拿多少两化融合奖励';
    const retrieval = retrieveFor({ question, region: null, asOf: EVAL_DATE }, grown);
    const shown = new Set(retrieval.passages.filter((p) => p.role === 'answer').map((p) => p.policy.id));
    expect(shown.size).toBe(MAX_POLICIES_SHOWN);
    expect(retrieval.omittedPolicies ?? 0).toBeGreaterThan(0);
    // In force first: no expired policy is set out while an in-force one is left out.
    const statuses = retrieval.passages.filter((p) => p.role === 'answer').map((p) => p.status);
    expect(statuses.every((s) => s === 'in-force')).toBe(true);
    const answer = answerExtractive({ question, region: null, asOf: EVAL_DATE }, grown).answer;
    expect(answer).toContain(`另有${retrieval.omittedPolicies}份政策也涉及此事项`);
  });
});
