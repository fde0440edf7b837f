import { cpSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { answerExtractive } from '../../src/answer/answer.js';
import { createEngine } from '../../src/engine.js';

// One folder for the whole file: nodejieba loads one user dictionary per process.
const dir = mkdtempSync(join(tmpdir(), 'policy-qa-index-'));
cpSync(new URL('../../index/policies', import.meta.url).pathname, join(dir, 'policies'), { recursive: true });
cpSync(new URL('../../index/dict', import.meta.url).pathname, join(dir, 'dict'), { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const headline = (engine: ReturnType<typeof createEngine>) =>
  answerExtractive({ question: '我能拿多少两化融合奖励', region: null, asOf: '2026-11-21' }, engine);

describe('index snapshot', () => {
  it('is written on the first start and loaded, with the same answers, on the next', () => {
    const built = createEngine(dir, 'use');
    expect(built.stats.source).toBe('built');
    expect(built.stats.snapshotNote).toBe('no snapshot; rebuilt');
    const loaded = createEngine(dir, 'use');
    expect(loaded.stats.source).toBe('snapshot');
    expect(loaded.stats.snapshotNote).toBeNull();
    expect(loaded.stats.clauses).toBe(built.stats.clauses);
    expect(loaded.stats.tokens).toBe(built.stats.tokens);
    expect(headline(loaded)).toEqual(headline(built));
    const traditional = { question: '松江中小企業數字化轉型城市試點的資金有多少？', region: null, asOf: '2026-11-21' };
    expect(answerExtractive(traditional, loaded)).toEqual(answerExtractive(traditional, built));
  });

  it('is refused and rebuilt when a file in it is truncated', () => {
    createEngine(dir, 'use');
    truncateSync(join(dir, 'snapshot', 'vectors.bin'), 100);
    const engine = createEngine(dir, 'use');
    expect(engine.stats.source).toBe('built');
    expect(engine.stats.snapshotNote).toBe('snapshot file vectors.bin is corrupt or truncated; rebuilt');
    expect(headline(engine).citations.length).toBe(4);
    expect(createEngine(dir, 'use').stats.source).toBe('snapshot');
  });

  it('is refused and rebuilt when a file in it is corrupt', () => {
    createEngine(dir, 'use');
    const path = join(dir, 'snapshot', 'corpus.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace('两化融合', '两化融和'));
    const engine = createEngine(dir, 'use');
    expect(engine.stats.snapshotNote).toBe('snapshot file corpus.json is corrupt or truncated; rebuilt');
    expect(headline(engine).answer).toContain('两化融合');
  });

  it('is refused when the policies changed, and when the dictionaries changed', () => {
    createEngine(dir, 'use');
    writeFileSync(join(dir, 'policies', 'extra.md'), '第一条 对首次认定的企业，给予一次性奖励10万元。\n\n第二条 本办法自2024年1月1日起施行。\n');
    expect(createEngine(dir, 'use').stats.snapshotNote).toBe('the policy files changed since the snapshot was built; rebuilt');
    const synonyms = join(dir, 'dict', 'synonyms.tsv');
    writeFileSync(synonyms, `${readFileSync(synonyms, 'utf8')}厂房\t场地\n`);
    expect(createEngine(dir, 'use').stats.snapshotNote).toBe('snapshot was built with another tokenizer or dictionary; rebuilt');
    expect(createEngine(dir, 'use').stats.source).toBe('snapshot');
  });

  it('is refused when another version of the parser built it', () => {
    createEngine(dir, 'use');
    const path = join(dir, 'snapshot', 'manifest.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/"parser": "parser@\d+\+/, '"parser": "parser@1+'));
    expect(createEngine(dir, 'use').stats.snapshotNote).toBe('snapshot was built by another version of the parser; rebuilt');
    expect(createEngine(dir, 'use').stats.source).toBe('snapshot');
  });

  it('is rebuilt on request', () => {
    const engine = createEngine(dir, 'rebuild');
    expect(engine.stats.source).toBe('built');
    expect(createEngine(dir, 'use').stats.source).toBe('snapshot');
  });
});
