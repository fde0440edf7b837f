import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { answerExtractive } from '../answer/answer.js';
import { createEngine } from '../engine.js';
import { parseEvalSet } from '../eval/score.js';
import { peakRssMb, percentile } from './stats.js';

/**
 * npm run bench: how long the index takes to build, and how long retrieve + extractive answer
 * takes per question after warm-up, over the development questions. Prints figures; asserts nothing.
 */

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 50);
const WARMUP_ROUNDS = 5;
const AS_OF = '2026-11-21';

const engine = createEngine();
const questions = parseEvalSet(readFileSync(fileURLToPath(new URL('../../test/eval/dev.jsonl', import.meta.url)), 'utf8'));
const requests = questions.map((q) => ({ question: q.question, region: null, asOf: AS_OF }));

for (let i = 0; i < WARMUP_ROUNDS; i++) for (const r of requests) answerExtractive(r, engine);

const timings: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  for (const request of requests) {
    const start = performance.now();
    answerExtractive(request, engine);
    timings.push(performance.now() - start);
  }
}

const { stats } = engine;
const mbPerSecond = stats.textBytes / 1e6 / (stats.buildMs / 1000);
const lines = [
  `corpus           ${stats.policies} policies, ${stats.clauses} clauses, ${stats.tokens} tokens, ${stats.textChars} characters`,
  `dictionary load  ${stats.dictionaryMs.toFixed(0)} ms (nodejieba + user dictionary, once per process)`,
  `index build      ${stats.buildMs.toFixed(1)} ms (parse + tokenise + index; ${mbPerSecond.toFixed(2)} MB/s of clause text)`,
  `answers          ${timings.length} (${questions.length} questions × ${ROUNDS} rounds, after ${WARMUP_ROUNDS} warm-up rounds)`,
  `latency p50      ${percentile(timings, 50).toFixed(3)} ms (retrieve + extractive answer)`,
  `latency p99      ${percentile(timings, 99).toFixed(3)} ms`,
  `latency max      ${Math.max(...timings).toFixed(3)} ms`,
  `peak RSS         ${peakRssMb().toFixed(0)} MB`,
];
console.log(lines.join('\n'));
