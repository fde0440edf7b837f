import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { AnswerObject } from '../../src/protocol.js';

const BIN = new URL('../../bin/policy-qa.js', import.meta.url).pathname;
const run = (args: string[], input?: string) => {
  const result = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', timeout: 30_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

describe('policy-qa ask', () => {
  it('streams a cited answer and a numbered source list with the clause text', () => {
    const { code, stdout } = run(['ask', '我能拿多少两化融合奖励', '--as-of', '2026-11-21']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/松江区 ·《松江区制造业数字化转型发展若干政策》（松科委规〔2023〕6号）第5条\*\* \[1\]/);
    expect(stdout).toMatch(/来源：\n\[1\] 《松江区制造业数字化转型发展若干政策》（松科委规〔2023〕6号）第5条 · 松江区 · 有效（至2029年1月27日）/);
    expect(stdout).toMatch(/\[4\] 《关于推进制造业智能化改造和数字化转型的若干措施》（太政发〔2021〕3号）（三） · 太仓市 · 已失效（2023年12月31日）\n {4}（三）支持企业两化融合管理体系贯标。/);
  });

  it('prints one JSON answer object with --json', () => {
    const { code, stdout } = run(['ask', '嘉定区工业互联网人才实训基地能拿到多少资金补助？', '--json', '--as-of', '2026-11-21']);
    expect(code).toBe(0);
    const answer = JSON.parse(stdout) as AnswerObject;
    expect(Object.keys(answer).sort()).toEqual(['answer', 'answerId', 'citations', 'mode', 'noAnswer', 'question']);
    expect(answer.answerId).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.mode).toBe('extractive');
    expect(answer.citations[0]).toMatchObject({ n: 1, policyId: 'jiading-2021', clause: '10', status: 'expired', validTo: '2025-12-31' });
    expect(answer.answer).toContain('100万元');
  });

  it('filters by --region', () => {
    const answer = JSON.parse(run(['ask', '两化融合奖励', '--region', '太仓', '--json']).stdout) as AnswerObject;
    // Only 太仓's policy: its answering clause and, as it has expired, its validity clause.
    expect(answer.citations.map((c) => c.region)).toEqual(['太仓市', '太仓市']);
  });

  it('answers questions from standard input as JSON Lines, in order', () => {
    const { code, stdout } = run(['ask', '--json'], '松江技改补贴\n\n太仓上云补贴\n高新技术企业有什么奖励\n');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as AnswerObject);
    expect(lines.map((l) => l.question)).toEqual(['松江技改补贴', '太仓上云补贴', '高新技术企业有什么奖励']);
    expect(lines.map((l) => l.noAnswer)).toEqual([false, false, true]);
    expect(new Set(lines.map((l) => l.answerId)).size).toBe(3);
  });

  it('reports a bad line in a batch and exits 1, still answering the others', () => {
    const { code, stdout } = run(['ask', '--json'], `${'长'.repeat(600)}\n松江技改补贴\n`);
    expect(code).toBe(1);
    const [bad, good] = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(bad).toMatchObject({ error: { code: 'question-too-long' } });
    expect(good).toMatchObject({ noAnswer: false });
  });

  it.each([
    ['an empty question', ['ask', ''], /question is empty/],
    ['a 501-character question', ['ask', '长'.repeat(501)], /501 characters; the limit is 500/],
    ['an unknown region', ['ask', '技改补贴', '--region', '浦东'], /no policies for region "浦东"/],
    ['a malformed date', ['ask', '技改补贴', '--as-of', 'yesterday'], /YYYY-MM-DD/],
    ['an unknown option', ['ask', '技改补贴', '--bogus'], /Unknown option/],
    ['an unknown command', ['frobnicate'], /unknown command/],
  ])('refuses %s with a clear message, exit code 2 and no stack trace', (_, args, message) => {
    const { code, stderr } = run(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

describe('policy-qa index', () => {
  it('prints corpus statistics', () => {
    const { code, stdout } = run(['index']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^policies +5$/m);
    expect(stdout).toMatch(/^clauses +\d{3}$/m);
    expect(stdout).toMatch(/^tokens +\d+$/m);
    expect(stdout).toMatch(/^build +\d+ ms \(\d+\.\d+ MB\/s\)$/m);
    expect(stdout).toMatch(/^snapshot +\S*index\/snapshot$/m);
    expect(stdout).toMatch(/songjiang-2023 +21 clauses {2}松江区 {2}2024-01-28\.\.2029-01-27/);
  });
});
