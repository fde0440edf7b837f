import { describe, expect, it } from 'vitest';
import { toCitation } from '../../src/answer/citations.js';
import { readTableRow } from '../../src/answer/sentences.js';
import { parseClauses } from '../../src/corpus/clauses.js';
import { normalise } from '../../src/corpus/normalise.js';
import { parsePolicy } from '../../src/corpus/policy.js';

/** A table whose cells a page copy set apart with spaces only, under a caption that gives the unit. */
const TEXT = `某市工业企业配套奖励办法

第一条 对获得省级认定的企业，按下表给予市级配套。

某市配套奖励标准表
单位：万元
序号    支持事项                    市级配套         甲区叠加         乙县叠加
1       省级智能工厂                50               30               20
2       省级数字化车间              20               10               8
3       技术改造（获省补助）        1:1，最高300     1:0.3，最高100    5

第二条 本办法自2025年1月1日起施行，有效期三年。
`;

describe('a table laid out with spaces', () => {
  const clauses = parseClauses('x', normalise(TEXT).paragraphs);
  const rows = clauses.filter((c) => c.kind === 'table-row');

  it('gives one clause per row, with the caption and column headings as its context', () => {
    expect(rows.map((r) => r.label)).toEqual(['表第1行', '表第2行', '表第3行']);
    expect(rows[1]?.context).toContain('某市配套奖励标准表');
    expect(rows[1]?.context).toContain('单位：万元');
    expect(rows[1]?.context?.split('\n').pop()).toBe('序号 | 支持事项 | 市级配套 | 甲区叠加 | 乙县叠加');
  });

  it('reads a row cell by heading, in the caption’s unit', () => {
    expect(readTableRow(rows[1] ?? clauses[0]!)).toBe('省级数字化车间：市级配套 20万元；甲区叠加 10万元；乙县叠加 8万元');
    expect(readTableRow(rows[2] ?? clauses[0]!)).toBe('技术改造（获省补助）：市级配套 1:1，最高300万元；甲区叠加 1:0.3，最高100万元；乙县叠加 5万元');
  });

  it('quotes a row in a citation as the source prints it, cells apart by white space', () => {
    const policy = parsePolicy('x', TEXT);
    const row = policy.clauses.find((c) => c.label === '表第2行');
    expect(row).toBeDefined();
    const citation = toCitation({ clause: row!, policy, status: 'in-force', role: 'answer', score: 1, coverage: 1 }, 1);
    expect(citation.text).toBe('2 省级数字化车间 20 10 8');
    expect(citation.text.replace(/\s+/g, '')).toContain('省级数字化车间20108');
  });

  it('leaves prose with a wide gap alone', () => {
    const prose = parseClauses('y', normalise('某办法\n\n第一条  对企业给予奖励。\n\n第二条  本办法自2025年1月1日起施行。\n').paragraphs);
    expect(prose.every((c) => c.kind !== 'table-row')).toBe(true);
  });
});
