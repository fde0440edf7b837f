/** Re-exported for tests: the benchmark uses the same fake server. */
export * from '../../src/bench/fake-openai.js';
