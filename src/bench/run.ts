import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPolicies } from '../corpus/load.js';
import { DEFAULT_INDEX_DIR } from '../engine.js';
import { generateCorpus } from './corpus-generator.js';

/**
 * npm run bench: the figures of the README's Performance section.
 *   1. the shipped corpus and generated corpora of about 1,000, 10,000 and 100,000 clauses: index build
 *      rate, snapshot load ("ready"), retrieve + extractive answer latency after warm-up, peak RSS,
 *      and the same questions through a naive paragraph-BM25 top-5 baseline;
 *   2. load over real websockets on loopback (see load.ts), unless --no-load;
 *   3. a 10-minute soak with --soak (not part of the default run).
 * Options: --sizes 1000,10000 (clause counts), --no-load, --soak.
 */

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const sizes = (option('--sizes') ?? '1000,10000,100000').split(',').map(Number);
const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const DATA = here('../../bench-data/');
const GENERATOR_VERSION = 'g2';
const CLAUSES_PER_GENERATED_POLICY = 10.85;

interface Measured {
  source: string;
  policies: number;
  clauses: number;
  textMB: number;
  dictionaryMs: number;
  buildMs: number;
  snapshotMs: number;
  readyMs: number;
  p50: number;
  p99: number;
  anchorRecall: number;
  citationsPerAnswer: number;
  onTarget: number;
  peakRssMb: number;
  baseline: { buildMs: number; p50: number; p99: number; anchorRecall: number; citationsPerAnswer: number; onTarget: number } | null;
}

function measure(indexDir: string, mode: 'rebuild' | 'use', baseline: boolean): Measured {
  const output = execFileSync(process.execPath, [here('./measure.js'), indexDir, mode, ...(baseline ? ['--baseline'] : [])], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(output.trim().split('\n').pop() ?? '{}') as Measured;
}

/** A generated corpus with about `clauses` clauses, the shipped policies among them; kept for reuse. */
function corpusOf(clauses: number): string {
  const dir = join(DATA, `corpus-${clauses}-${GENERATOR_VERSION}`);
  if (existsSync(join(dir, 'policies'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'policies'), { recursive: true });
  cpSync(join(DEFAULT_INDEX_DIR, 'dict'), join(dir, 'dict'), { recursive: true });
  for (const name of readdirSync(join(DEFAULT_INDEX_DIR, 'policies'))) cpSync(join(DEFAULT_INDEX_DIR, 'policies', name), join(dir, 'policies', name));
  const real = loadPolicies(join(DEFAULT_INDEX_DIR, 'policies'));
  const count = Math.max(1, Math.round((clauses - 128) / CLAUSES_PER_GENERATED_POLICY));
  for (const policy of generateCorpus(real, count)) writeFileSync(join(dir, 'policies', `${policy.id}.md`), policy.text);
  return dir;
}

const f = (x: number, digits = 2): string => x.toFixed(digits);
const rows: string[] = [];
const header =
  'corpus            policies  clauses   text MB  build s  MB/s   ready s  p50 ms  p99 ms  peak RSS MB  anchorRecall  cites/answer';
console.log('Growth (retrieve + extractive answer over the 34 development questions, after warm-up)\n');
console.log(header);

const corpora: [string, string][] = [['shipped', DEFAULT_INDEX_DIR], ...sizes.map((n): [string, string] => [`~${n} clauses`, corpusOf(n)])];
const baselines: string[] = [];
for (const [name, dir] of corpora) {
  const built = measure(dir, 'rebuild', false);
  const loaded = measure(dir, 'use', false);
  const compared = measure(dir, 'use', true);
  const row = `${name.padEnd(17)} ${String(loaded.policies).padStart(8)} ${String(loaded.clauses).padStart(8)} ${f(built.textMB).padStart(9)} ${f(built.buildMs / 1000, 1).padStart(8)} ${f(built.textMB / (built.buildMs / 1000)).padStart(6)} ${f(loaded.readyMs / 1000).padStart(8)} ${f(loaded.p50, 3).padStart(7)} ${f(loaded.p99, 3).padStart(7)} ${f(Math.max(built.peakRssMb, loaded.peakRssMb), 0).padStart(12)} ${f(loaded.anchorRecall, 3).padStart(13)} ${f(loaded.citationsPerAnswer).padStart(13)}`;
  console.log(row);
  rows.push(row);
  const b = compared.baseline;
  if (b) {
    baselines.push(
      `${name.padEnd(17)} ours: anchorRecall ${f(loaded.anchorRecall, 3)}, ${f(loaded.citationsPerAnswer)} citations/answer (${f(loaded.onTarget, 2)} on target), p50 ${f(loaded.p50, 3)} ms, p99 ${f(loaded.p99, 3)} ms\n` +
        `${''.padEnd(17)} baseline: anchorRecall ${f(b.anchorRecall, 3)}, ${f(b.citationsPerAnswer)} citations/answer (${f(b.onTarget, 2)} on target), p50 ${f(b.p50, 3)} ms, p99 ${f(b.p99, 3)} ms`,
    );
  }
}
console.log('\n"build" parses, tokenises and indexes (MB/s of clause text); "ready" loads the snapshot and the dictionary in a new process.');
console.log('\nNaive baseline (every paragraph a passage, plain jieba words, BM25, top 5 cited), same questions:\n');
console.log(baselines.join('\n'));

if (!args.includes('--no-load')) {
  console.log('');
  execFileSync(process.execPath, [here('./load.js'), ...(args.includes('--soak') ? ['--soak'] : [])], { stdio: 'inherit' });
}
