import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assembleIndexDir } from '../../src/eval/corpus.js';
import { createEngine, DEFAULT_INDEX_DIR } from '../../src/engine.js';
import { BLIND_POLICIES } from '../support/corpora.js';

/**
 * Which level an answering clause comes from, for a question about a region: its own policies
 * (self), those of a region inside it (within: 太仓市 for 苏州), or those of a region above it that
 * apply there (above: 上海市 for a district with no policy of its own). Over the shipped and the
 * blind policies, with one municipal policy added.
 */

const SHANGHAI = `上海市经济和信息化委员会

沪经信规〔2024〕5号

关于支持数字化转型服务商发展的若干措施

第一条 对经认定的市级数字化转型服务商，按其上年度服务合同额的5%给予奖励，最高100万元。

第二条 本措施自2024年1月1日起施行，有效期五年。

上海市经济和信息化委员会

2023年12月28日
`;

const dir = assembleIndexDir(DEFAULT_INDEX_DIR, [BLIND_POLICIES]);
writeFileSync(join(dir, 'policies', 'shanghai-providers.md'), SHANGHAI);
const engine = createEngine(dir, 'off');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const AS_OF = '2025-06-01';
const answering = (question: string, region: string | null = null) => {
  const retrieval = engine.retriever.retrieve(question, { region, asOf: AS_OF });
  expect(retrieval.noAnswer).toBe(false);
  return retrieval.passages.filter((p) => p.role === 'answer').map((p) => ({ region: p.policy.region, relation: p.relation }));
};

describe('the level each answering clause comes from', () => {
  it('a 苏州 question cites 苏州市’s own policy (self) and 太仓市’s (within)', () => {
    const cited = answering('苏州两化融合贯标有什么奖励');
    expect(cited[0]).toEqual({ region: '苏州市', relation: 'self' });
    expect(cited).toContainEqual({ region: '太仓市', relation: 'within' });
    expect(cited.every((c) => (c.region === '苏州市' ? c.relation === 'self' : c.region === '太仓市' && c.relation === 'within'))).toBe(true);
  });

  it('where 苏州市 has nothing, 太仓市 answers, marked within', () => {
    const cited = answering('苏州对工业互联网标识解析有什么支持');
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.every((c) => c.region === '太仓市' && c.relation === 'within')).toBe(true);
    // The same when the region comes from the request rather than the question.
    expect(answering('工业互联网标识解析有什么支持', '苏州')).toEqual(cited);
  });

  it('a district with no policy of its own is answered by its municipality’s, marked above', () => {
    const cited = answering('徐汇区的数字化转型服务商有什么奖励');
    expect(cited).toEqual([{ region: '上海市', relation: 'above' }]);
  });

  it('a question about no region carries no relation', () => {
    const retrieval = engine.retriever.retrieve('两化融合贯标有什么奖励', { region: null, asOf: AS_OF });
    expect(retrieval.passages.length).toBeGreaterThan(0);
    expect(retrieval.passages.every((p) => p.relation === undefined)).toBe(true);
  });
});
