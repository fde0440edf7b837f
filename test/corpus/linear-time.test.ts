import { describe, expect, it } from 'vitest';
import { parsePolicyFiles } from '../../src/corpus/load.js';
import { fixSpacing, normalise } from '../../src/corpus/normalise.js';

/**
 * Normalising and parsing take time in proportion to the text: one huge line or one huge table row in
 * an imported file must not stall the import or the server's start.
 */

const FILE = (body: string): { name: string; text: string } => ({ name: 'huge.md', text: `---\ntitle: 测试政策\nregion: 松江区\n---\n${body}\n` });

function timed<T>(run: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = run();
  return { result, ms: performance.now() - started };
}

describe('linear-time normalising and parsing', () => {
  it('normalises and parses a 1,000,000-character spaced line in under 2 s', () => {
    let line = '';
    while (line.length < 1_000_000) line += '对 企 业 给 予 最 高 二 百 万 元 补 贴 ， ';
    const spacing = timed(() => fixSpacing(line));
    expect(spacing.result.startsWith('对企业给予最高二百万元补贴，对企业')).toBe(true);
    expect(spacing.ms).toBeLessThan(2000);
    const parsed = timed(() => parsePolicyFiles([FILE(`第一条 ${line}`)]));
    expect(parsed.result[0]?.clauses[0]?.text.length).toBeGreaterThan(450_000);
    expect(parsed.ms).toBeLessThan(2000);
  });

  it('normalises and parses a 100,000-cell table row in under 2 s', () => {
    const row = `|${Array.from({ length: 100_000 }, (_, i) => (i % 7 === 0 ? '   ' : ` 单元 ${i} `)).join('|')}|`;
    const normalised = timed(() => normalise(`| 指标 | 2025年 |\n${row}\n`));
    expect(normalised.result.paragraphs.length).toBe(2);
    expect(normalised.ms).toBeLessThan(2000);
    const parsed = timed(() => parsePolicyFiles([FILE(`第一条 说明。\n\n| 指标 | 2025年 |\n${row}`)]));
    expect(parsed.result[0]?.clauses.some((c) => c.kind === 'table-row')).toBe(true);
    expect(parsed.ms).toBeLessThan(2000);
  });
});
