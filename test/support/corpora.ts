import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll } from 'vitest';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from '../../src/bench/corpus-generator.js';
import type { Policy } from '../../src/corpus/types.js';
import { createEngine, DEFAULT_INDEX_DIR, type Engine } from '../../src/engine.js';
import { assembleIndexDir } from '../../src/eval/corpus.js';

/** Policy texts written independently of the engine, in other regions and layouts. */
export const BLIND_POLICIES = fileURLToPath(new URL('../fixtures/blind/policies', import.meta.url));

/**
 * An index folder with the shipped policies, the blind policies and generated look-alike policies
 * (other regions, clauses of the real texts with amounts changed) adding up to `distractorClauses`.
 */
export function grownIndexDir(seedPolicies: Policy[], distractorClauses: number): string {
  const dir = assembleIndexDir(DEFAULT_INDEX_DIR, [BLIND_POLICIES]);
  const generated = join(dir, 'policies');
  mkdirSync(generated, { recursive: true });
  let clauses = 0;
  // Each generated policy has 6–10 clauses: generate enough, then keep what reaches the target.
  for (const policy of generateCorpus(seedPolicies, Math.ceil(distractorClauses / 5))) {
    if (clauses >= distractorClauses) break;
    writeFileSync(join(generated, `${policy.id}.txt`), policy.text);
    clauses += (policy.text.match(/\n\n(第[一二三四五六七八九十]+条 |\d+[.、]|（[一二三四五六七八九十]+）)/g) ?? []).length;
  }
  return dir;
}

/**
 * An engine over the shipped policies and some fixture sets (`blind`, `blind3`, …), built for one test
 * file; its index folder is removed after the file's tests.
 */
export function engineWithFixtures(sets: string[]): Engine {
  const dir = assembleIndexDir(
    DEFAULT_INDEX_DIR,
    sets.map((set) => fileURLToPath(new URL(`../fixtures/${set}/policies`, import.meta.url))),
  );
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return createEngine(dir, 'off');
}
