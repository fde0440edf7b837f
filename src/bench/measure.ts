import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { answerExtractive } from '../answer/answer.js';
import { validityStatus } from '../corpus/dates.js';
import { createEngine, type SnapshotMode } from '../engine.js';
import { aggregate, parseEvalSet } from '../eval/score.js';
import { ParagraphBaseline } from './baseline.js';
import { peakRssMb, percentile } from './stats.js';

/**
 * One corpus, measured in a process of its own (so that its memory is its own): build or load the
 * index, answer the development questions after warm-up, and do the same through the naive baseline.
 * Prints one JSON line. Usage: node dist/bench/measure.js INDEX_DIR rebuild|use [--baseline]
 * (--baseline measures only the baseline, so that its memory is not counted as ours).
 */

const [indexDir, mode = 'use', ...flags] = process.argv.slice(2);
if (!indexDir) throw new Error('usage: measure.js INDEX_DIR rebuild|use [--baseline]');
const AS_OF = '2026-11-21';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 50);
const WARMUP_ROUNDS = 10;

const started = performance.now();
const engine = createEngine(indexDir, mode as SnapshotMode);
const readyMs = performance.now() - started;
const questions = parseEvalSet(readFileSync(fileURLToPath(new URL('../../test/eval/dev.jsonl', import.meta.url)), 'utf8'));
const requests = questions.map((q) => ({ question: q.question, region: null, asOf: AS_OF }));

function time(run: (i: number) => unknown): number[] {
  for (let r = 0; r < WARMUP_ROUNDS; r++) requests.forEach((_, i) => run(i));
  const timings: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    requests.forEach((_, i) => {
      const t = performance.now();
      run(i);
      timings.push(performance.now() - t);
    });
  }
  return timings;
}

const onlyBaseline = flags.includes('--baseline');
const ours = onlyBaseline ? [] : time((i) => answerExtractive(requests[i] as (typeof requests)[number], engine));
const quality = aggregate(questions, requests.map((r) => answerExtractive(r, engine))).figures;

let baseline: Record<string, number> | null = null;
if (onlyBaseline) {
  const buildStart = performance.now();
  const naive = new ParagraphBaseline(engine.policies, engine.tokenizer);
  const buildMs = performance.now() - buildStart;
  const status = (p: (typeof engine.policies)[number]) => validityStatus(p.validFrom, p.validTo, AS_OF);
  const timings = time((i) => naive.answer(questions[i]?.question ?? '', status));
  const figures = aggregate(questions, questions.map((q) => naive.answer(q.question, status))).figures;
  baseline = {
    buildMs,
    p50: percentile(timings, 50),
    p99: percentile(timings, 99),
    anchorRecall: figures.anchorRecall,
    citationsPerAnswer: figures.citationsPerAnswer,
    onTarget: figures.onTargetCitations,
  };
}

const { stats } = engine;
process.stdout.write(
  `${JSON.stringify({
    mode,
    source: stats.source,
    policies: stats.policies,
    clauses: stats.clauses,
    textMB: stats.textBytes / 1e6,
    dictionaryMs: stats.dictionaryMs,
    buildMs: stats.buildMs,
    snapshotMs: stats.snapshotMs,
    readyMs,
    p50: percentile(ours, 50),
    p99: percentile(ours, 99),
    anchorRecall: quality.anchorRecall,
    citationsPerAnswer: quality.citationsPerAnswer,
    onTarget: quality.onTargetCitations,
    peakRssMb: peakRssMb(),
    baseline,
  })}\n`,
);
