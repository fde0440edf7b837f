import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerObject } from '../../src/answer/types.js';
import { idFromFileName } from '../../src/ingest/policy-id.js';
import { writeVariants } from '../support/ingest-variants.js';

const BIN = new URL('../../bin/policy-qa.js', import.meta.url).pathname;
const FIXTURES = new URL('../fixtures/ingest/', import.meta.url).pathname;
const SHIPPED = new URL('../../index/policies/', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'policy-qa-import-'));
const indexDir = join(work, 'index');
const run = (args: string[], env: Record<string, string> = { INDEX_DIR: indexDir }) => {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};
let files: Record<string, string> = {};
const shippedBefore = readdirSync(SHIPPED).sort();

beforeAll(async () => {
  cpSync(new URL('../../index/policies', import.meta.url).pathname, join(indexDir, 'policies'), { recursive: true });
  cpSync(new URL('../../index/dict', import.meta.url).pathname, join(indexDir, 'dict'), { recursive: true });
  files = (await writeVariants(join(work, 'files'))).files;
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('policy-qa import refuses what it cannot trust, exit code 2 and the reason', () => {
  it.each([
    ['a program', () => '/bin/ls', /import refused \/bin\/ls: the file is binary \(a program\), not a policy text/],
    ['an empty file', () => (writeFileSync(join(work, 'empty.txt'), ''), join(work, 'empty.txt')), /the file is empty/],
    ['a missing file', () => join(work, 'nowhere.txt'), /cannot read .*nowhere\.txt: ENOENT/],
    ['a text with no Chinese', () => (writeFileSync(join(work, 'notes.txt'), 'meeting notes\nbring coffee\n'), join(work, 'notes.txt')), /no Chinese text/],
    ['a text with no region', () => (writeFileSync(join(work, 'noregion.txt'), '第一条 对企业给予奖励10万元。\n第二条 本办法自2024年1月1日起施行。\n'), join(work, 'noregion.txt')), /no region could be read.*--region/],
  ])('%s', (_, file, message) => {
    const { code, stderr, stdout } = run(['import', file()]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stdout).toBe('');
  });

  it('an id that exists already, unless --force', () => {
    const copy = join(work, 'songjiang-2023.txt');
    copyFileSync(join(SHIPPED, 'songjiang-2023.md'), copy);
    const refused = run(['import', copy]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/a policy "songjiang-2023" exists already .*pass --force/);
    const forced = run(['import', copy, '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/title +松江区制造业数字化转型发展若干政策/);
  });

  it('nothing at all when one file of several is refused', () => {
    const { code, stderr } = run(['import', files['政策-gbk.txt'] ?? '', '/bin/ls']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/nothing imported \(1 of 2 files refused\)/);
    expect(existsSync(join(indexDir, 'policies', `${idFromFileName(files['政策-gbk.txt'] ?? '')}.md`))).toBe(false);
  });

  it('creates policies/ in an INDEX_DIR that has none yet', () => {
    const empty = join(work, 'fresh-index');
    mkdirSync(empty);
    const { code } = run(['import', files['政策-gbk.txt'] ?? '', '--id', 'first'], { INDEX_DIR: empty });
    expect(code).toBe(0);
    expect(existsSync(join(empty, 'policies', 'first.md'))).toBe(true);
  });

  it('an INDEX_DIR that does not exist', () => {
    const { code, stderr } = run(['import', files['政策-gbk.txt'] ?? ''], { INDEX_DIR: join(work, 'missing') });
    expect(code).toBe(2);
    expect(stderr).toMatch(/index folder .*missing does not exist/);
  });
});

describe('policy-qa import stores what it read and says what it found', () => {
  it('a Word file with a Chinese name: a pinyin id, the metadata, and answers from it with the same INDEX_DIR', () => {
    const named = join(work, '鄞州区数字化改造办法.docx');
    copyFileSync(files['政策.docx'] ?? '', named);
    const { code, stdout, stderr } = run(['import', named]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const target = join(indexDir, 'policies', 'yin-zhou-qu-shu-zi-hua-gai-zao-ban-fa.md');
    expect(stdout).toContain(`→ ${target}`);
    expect(stdout).toMatch(/title +鄞州区工业企业数字化改造专项资金管理办法\n +number +鄞经信〔2024〕8号\n +issuer +宁波市鄞州区经济和信息化局\n +region +鄞州区\n +validity +2024-05-01 \.\. 2026-12-31 .*\n +clauses +11\n/);
    expect(readFileSync(target, 'utf8')).toContain('第三条 对企业实施数字化改造项目');

    const answer = JSON.parse(run(['ask', '鄞州区智能工厂奖励多少', '--json', '--as-of', '2025-01-01']).stdout) as AnswerObject;
    expect(answer.citations[0]).toMatchObject({ policyId: 'yin-zhou-qu-shu-zi-hua-gai-zao-ban-fa', region: '鄞州区' });
    expect(run(['index']).stdout).toMatch(/yin-zhou-qu-shu-zi-hua-gai-zao-ban-fa +11 clauses {2}鄞州区/);
    // The installed package's own folder is left alone.
    expect(readdirSync(SHIPPED).sort()).toEqual(shippedBefore);
  });

  it('warns for each field it could not read', () => {
    const { code, stdout } = run(['import', join(FIXTURES, 'header-title-above-number.txt'), '--id', 'xindu-2024']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/warning: no issue date found/);
    expect(stdout).toMatch(/warning: no start date found/);
    expect(stdout).toMatch(/warning: signature date "2024229" is not a readable date; left blank/);
    expect(stdout).not.toMatch(/warning: no document number/);
  });

  it('reports an abolition in both directions, and takes --region for a text that names none', () => {
    run(['import', join(FIXTURES, 'superseded-old.txt'), '--id', 'hefei-2021']);
    const { stdout } = run(['import', join(FIXTURES, 'header-database.txt'), '--id', 'hefei-2024']);
    expect(stdout).toMatch(/note: abolishes hefei-2021 《合肥市智能制造专项资金管理办法》 from 2024-07-01/);
    expect(run(['index']).stdout).toMatch(/^hefei-2021 .*\n +abolished by hefei-2024 from 2024-07-01$/m);
    const noRegion = join(work, 'noregion.txt');
    const { code, stdout: out } = run(['import', noRegion, '--region', '合肥市', '--id', 'no-region']);
    expect(code).toBe(0);
    expect(out).toMatch(/region +合肥市/);
    expect(readFileSync(join(indexDir, 'policies', 'no-region.md'), 'utf8')).toMatch(/^---\nregion: 合肥市\n---\n/);
  });
});

describe('ids from file names', () => {
  it.each([
    ['/x/wuxi-2024.txt', 'wuxi-2024'],
    ['/x/松江区数字化转型政策2024.pdf', 'song-jiang-qu-shu-zi-hua-zhuan-xing-zheng-ce-2024'],
    ['/x/关于印发《某某办法》的通知（2024）.docx', 'guan-yu-yin-fa-mou-mou-ban-fa-de-tong-zhi-2024'],
  ])('%s → %s', (file, id) => {
    expect(idFromFileName(file)).toBe(id);
  });
});
