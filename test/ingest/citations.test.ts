import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { answerExtractive } from '../../src/answer/answer.js';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { formatSources } from '../../src/cli/format.js';
import { createEngine } from '../../src/engine.js';
import { FRONT_MATTER_OF } from '../support/ingest-fixtures.js';

// The fixtures as a corpus of their own; one folder for the file, as nodejieba loads one dictionary.
const dir = mkdtempSync(join(tmpdir(), 'policy-qa-fixtures-'));
cpSync(new URL('../fixtures/ingest', import.meta.url).pathname, join(dir, 'policies'), { recursive: true });
cpSync(new URL('../../index/dict', import.meta.url).pathname, join(dir, 'dict'), { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const engine = createEngine(dir, 'off');
const ask = (question: string, asOf = '2024-08-01') => answerExtractive({ question, region: null, asOf }, engine);

describe('answers never cite front matter', () => {
  const noise = Object.values(FRONT_MATTER_OF).flat();
  // Questions made of the front matter itself, and ordinary questions of each document.
  const questions = [
    ...noise,
    '工业互联网平台建设补助多少',
    '专精特新小巨人奖励多少',
    '国家级智能制造示范工厂奖励',
    '智能化生产线补助',
    '軟件企業營業收入獎勵',
    '数字化车间奖励多少',
    '这些政策的发文机关和发文字号是什么',
    '投资政策',
    '各区人民政府',
  ];
  it.each(questions)('%s', (question) => {
    for (const citation of ask(question).citations) for (const piece of noise) expect(citation.text).not.toContain(piece);
  });

  it('still answers from the documents themselves', () => {
    expect(ask('工业互联网平台建设补助多少').citations[0]).toMatchObject({ policyId: 'header-inline', clause: '（一）' });
    expect(ask('天河区软件企业营业收入奖励').citations[0]).toMatchObject({ policyId: 'header-traditional', clause: '一', docNumber: '穗天工信規〔2024〕2號' });
  });
});

describe('an abolished policy', () => {
  const question = '合肥国家级智能制造示范工厂奖励多少';

  it('shows 已废止 from the day the abolishing document takes effect, citing the clause that abolishes it', () => {
    const answer = ask(question, '2024-08-01');
    const old = answer.citations.find((c) => c.policyId === 'superseded-old');
    expect(old).toMatchObject({ status: 'abolished', abolishedBy: 'header-database', abolishedOn: '2024-07-01' });
    const abolishing = answer.citations.find((c) => c.policyId === 'header-database' && c.clause === '第三条');
    expect(abolishing?.text).toContain('《合肥市智能制造专项资金管理办法》（合经信〔2021〕10号）同时废止');
    expect(answer.answer).toContain('已于2024年7月1日废止');
    // Quoted under the heading that cites the abolishing clause.
    expect(answer.answer).toContain(`** [${abolishing?.n}]\n> 《合肥市智能制造专项资金管理办法》（合经信〔2021〕10号）同时废止。`);
    expect(formatSources(answer.citations)).toMatch(/《合肥市智能制造专项资金管理办法》（合经信〔2021〕10号）第二条 · 合肥市 · 已废止（2024年7月1日）/);
  });

  it('is in force, with no abolition cited, the day before', () => {
    const answer = ask(question, '2024-06-30');
    expect(answer.citations.find((c) => c.policyId === 'superseded-old')).toMatchObject({ status: 'in-force' });
    expect(answer.citations.find((c) => c.policyId === 'superseded-old')).not.toHaveProperty('abolishedBy');
    expect(answer.citations.some((c) => c.clause === '第三条' && c.policyId === 'header-database')).toBe(false);
  });
});

describe('GET /api/policies', () => {
  it('lists an abolished policy as abolished, with the policy that abolished it and the date', async () => {
    const app = await buildApp({ config: loadConfig({}), engine, llm: null, logger: false });
    const body = (await app.inject({ method: 'GET', url: '/api/policies' })).json() as { asOf: string; policies: Record<string, unknown>[] };
    await app.close();
    expect(body.asOf >= '2024-07-01').toBe(true);
    expect(body.policies.find((p) => p.id === 'superseded-old')).toMatchObject({ status: 'abolished', abolishedBy: 'header-database', abolishedOn: '2024-07-01' });
    expect(body.policies.find((p) => p.id === 'header-database')).not.toHaveProperty('abolishedBy');
  });
});
