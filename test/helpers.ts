import { createEngine, type Engine } from '../src/engine.js';

let engine: Engine | null = null;

/** One engine per test process: nodejieba loads its dictionary once. */
export function sharedEngine(): Engine {
  engine ??= createEngine(undefined, 'off');
  return engine;
}

export const EVAL_DATE = '2026-11-21';
