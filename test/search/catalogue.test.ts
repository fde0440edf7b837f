import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine, DEFAULT_INDEX_DIR } from '../../src/engine.js';
import { assembleIndexDir } from '../../src/eval/corpus.js';
import { EVAL_DATE } from '../helpers.js';

/** The twenty-three policies of set #5: 新都区's title says 制造业, a word a minority of clauses use. */
const folders = ['blind', 'blind3', 'blind5'].map((set) => fileURLToPath(new URL(`../fixtures/${set}/policies`, import.meta.url)));
const dir = assembleIndexDir(DEFAULT_INDEX_DIR, folders);
const engine = createEngine(dir, 'off');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lists of a place’s policies', () => {
  it('lists the policies whose titles name the topic asked about, each cited to its validity clause', () => {
    const result = engine.retriever.retrieve('成都市新都区有哪些支持制造业的政策文件？', { region: null, asOf: EVAL_DATE });
    expect(result.catalogue).toBe(true);
    expect(result.passages.map((p) => [p.policy.region, p.clause.label, p.role])).toEqual([['新都区', '（十五）', 'catalogue']]);
    expect(result.passages[0]?.clause.text).toContain('有效期至2028年8月14日');
  });
});
