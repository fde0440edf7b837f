import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { answerExtractive } from '../answer/answer.js';
import { createEngine } from '../engine.js';
import { aggregate, parseEvalSet } from './score.js';

/**
 * npm run eval [-- --verbose] [-- --file other.jsonl]: answers the evaluation questions as of
 * 2026-11-21 (the date their notes assume) and prints the figures.
 */

const args = process.argv.slice(2);
const fileArg = args.indexOf('--file');
const file = fileArg >= 0 ? (args[fileArg + 1] ?? '') : fileURLToPath(new URL('../../test/eval/dev.jsonl', import.meta.url));
const verbose = args.includes('--verbose');
const AS_OF = '2026-11-21';

const engine = createEngine();
const questions = parseEvalSet(readFileSync(file, 'utf8'));
const answers = questions.map((q) => answerExtractive({ question: q.question, region: null, asOf: AS_OF }, engine));
const { figures, results } = aggregate(questions, answers);

if (verbose) {
  results.forEach((r, i) => {
    const problems = [
      r.missingEvidence.length > 0 ? `missing evidence ${JSON.stringify(r.missingEvidence)}` : '',
      r.missingFacts.length > 0 ? `missing facts ${JSON.stringify(r.missingFacts)}` : '',
      r.refusedWrongly ? 'refused an answerable question' : '',
      r.answeredWrongly ? 'answered an unanswerable question' : '',
    ].filter(Boolean);
    const citations = (answers[i]?.citations ?? []).map((c) => `${c.policyId}:${c.clause}`).join(' ');
    console.log(`${problems.length === 0 ? 'ok ' : 'BAD'} ${r.id} [${citations}] ${problems.join('; ')}`);
  });
  console.log('');
}

const f = (x: number): string => x.toFixed(3);
console.log(`questions          ${figures.questions}  (${file.split('/').pop()}, as of ${AS_OF})`);
console.log(`anchorRecall       ${f(figures.anchorRecall)}`);
console.log(`docRecall          ${f(figures.docRecall)}`);
console.log(`fullyCited         ${f(figures.fullyCited)}`);
console.log(`factRecall         ${f(figures.factRecall)}`);
console.log(`refusalAccuracy    ${f(figures.refusalAccuracy)}  (false refusals: ${figures.falseRefusals})`);
console.log(`citationsPerAnswer ${figures.citationsPerAnswer.toFixed(2)}  (on target: ${f(figures.onTargetCitations)})`);
