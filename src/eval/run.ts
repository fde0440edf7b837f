import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { answerExtractive } from '../answer/answer.js';
import type { AnswerObject } from '../answer/types.js';
import { createEngine, DEFAULT_INDEX_DIR, type Engine } from '../engine.js';
import { assembleIndexDir } from './corpus.js';
import { aggregate, parseEvalSet, type EvalFigures, type EvalQuestion } from './score.js';

/**
 * npm run eval [-- options]: answers evaluation questions as of 2026-11-21 (the date their notes
 * assume) and prints the figures, with the lexicon files and again with them emptied.
 *   --file F.jsonl      the questions (default: the development set); repeat for several sets
 *   --policies DIR      add the policy files of DIR to the shipped corpus; repeat for several
 *   --index DIR         answer over another index folder (dict/ and policies/) instead of the shipped one
 *   --no-lexicon        only the run with the lexicon emptied;  --lexicon  only the run with it
 *   --verbose           one line per question: what was cited and what was missed
 *   --by-category       the figures per question category
 */

const args = process.argv.slice(2);
const values = (flag: string): string[] => args.flatMap((a, i) => (a === flag && args[i + 1] ? [args[i + 1] as string] : []));
const files = values('--file');
if (files.length === 0) files.push(fileURLToPath(new URL('../../test/eval/dev.jsonl', import.meta.url)));
const extraPolicies = values('--policies');
const verbose = args.includes('--verbose');
const byCategory = args.includes('--by-category');
const modes: ('files' | 'empty')[] = args.includes('--no-lexicon') ? ['empty'] : args.includes('--lexicon') ? ['files'] : ['files', 'empty'];
const AS_OF = '2026-11-21';

const baseIndex = values('--index')[0] ?? DEFAULT_INDEX_DIR;
const indexDir = extraPolicies.length > 0 ? assembleIndexDir(baseIndex, extraPolicies) : baseIndex;
const questions = files.flatMap((file) => parseEvalSet(readFileSync(file, 'utf8')));
const label = `${files.map((f) => f.split('/').pop()).join(' + ')}${extraPolicies.length > 0 ? ` over ${extraPolicies.length} more folder(s)` : ''}`;

function answerAll(engine: Engine): AnswerObject[] {
  return questions.map((q) => answerExtractive({ question: q.question, region: q.region ?? null, asOf: q.asOf ?? AS_OF }, engine, q.history ?? []));
}

const f = (x: number): string => x.toFixed(3);
function print(figures: EvalFigures, heading: string): void {
  console.log(heading);
  console.log(`questions          ${figures.questions}  (${label}, as of ${AS_OF})`);
  console.log(`anchorRecall       ${f(figures.anchorRecall)}`);
  console.log(`docRecall          ${f(figures.docRecall)}`);
  console.log(`fullyCited         ${f(figures.fullyCited)}`);
  console.log(`factRecall         ${f(figures.factRecall)}`);
  console.log(`refusalAccuracy    ${f(figures.refusalAccuracy)}  (false refusals: ${figures.falseRefusals})`);
  console.log(`citationsPerAnswer ${figures.citationsPerAnswer.toFixed(2)}  (on target: ${f(figures.onTargetCitations)})`);
}

function printCategories(answers: AnswerObject[]): void {
  const categories = [...new Set(questions.map((q) => q.category))].sort();
  for (const category of categories) {
    const picked = questions.map((q, i) => [q, answers[i]] as [EvalQuestion, AnswerObject]).filter(([q]) => q.category === category);
    const { figures } = aggregate(picked.map(([q]) => q), picked.map(([, a]) => a));
    console.log(
      `  ${category.padEnd(16)} n=${String(figures.questions).padStart(3)}  anchor ${f(figures.anchorRecall)}  facts ${f(figures.factRecall)}  refusal ${f(figures.refusalAccuracy)}  falseRefusals ${figures.falseRefusals}  cites ${figures.citationsPerAnswer.toFixed(2)}`,
    );
  }
}

modes.forEach((mode, i) => {
  // One tokenizer serves both runs: only the word lists differ, and nodejieba loads once per process.
  const engine = createEngine(indexDir, mode === 'files' && indexDir === DEFAULT_INDEX_DIR ? 'use' : 'off', { lexicon: mode });
  const answers = answerAll(engine);
  const { figures, results } = aggregate(questions, answers);
  if (i > 0) console.log('');
  if (verbose) {
    results.forEach((r, k) => {
      const problems = [
        r.missingEvidence.length > 0 ? `missing evidence ${JSON.stringify(r.missingEvidence)}` : '',
        r.missingFacts.length > 0 ? `missing facts ${JSON.stringify(r.missingFacts)}` : '',
        r.refusedWrongly ? 'refused an answerable question' : '',
        r.answeredWrongly ? 'answered an unanswerable question' : '',
      ].filter(Boolean);
      const citations = (answers[k]?.citations ?? []).map((c) => `${c.policyId}:${c.clause}`).join(' ');
      console.log(`${problems.length === 0 ? 'ok ' : 'BAD'} ${r.id} [${citations}] ${problems.join('; ')}`);
    });
    console.log('');
  }
  print(figures, mode === 'files' ? 'with the lexicon (index/dict/)' : 'with the lexicon emptied (--no-lexicon)');
  if (byCategory) printCategories(answers);
});
