import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import type { AnswerObject } from '../../src/protocol.js';
import { startTestServer, type TestServer } from '../support/app.js';

const TOKEN = 'console-token-for-tests-0123456789';
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const PATHS = ['/admin', '/admin/console.js', '/api/admin/no-basis', '/api/admin/disliked', '/api/admin/policies', '/api/admin/export/questions.csv'];

describe('console without ADMIN_TOKEN', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ listen: false });
  });
  afterAll(() => server.close());

  it.each(PATHS)('answers 404 for %s, with or without a token', async (url) => {
    expect((await server.app.inject(url)).statusCode).toBe(404);
    expect((await server.app.inject({ url, headers: bearer(TOKEN) })).statusCode).toBe(404);
  });

  it('serves no console file as a public file either', async () => {
    for (const url of ['/console.html', '/admin/console.html', '/admin.html', '/admin/console.css']) {
      expect((await server.app.inject(url)).statusCode).toBe(404);
    }
  });

  it('refuses a token too short to be safe', () => {
    expect(() => loadConfig({ ADMIN_TOKEN: 'short' })).toThrow(ConfigError);
  });
});

describe('console with ADMIN_TOKEN', () => {
  let server: TestServer;
  const indexDir = mkdtempSync(join(tmpdir(), 'policy-qa-index-'));
  beforeAll(async () => {
    mkdirSync(join(indexDir, 'policies'));
    server = await startTestServer({ listen: false, env: { ADMIN_TOKEN: TOKEN, INDEX_DIR: indexDir } });
  });
  afterAll(async () => {
    await server.close();
    rmSync(indexDir, { recursive: true, force: true });
  });

  const ask = async (question: string): Promise<AnswerObject> =>
    (await server.app.inject({ method: 'POST', url: '/api/ask', payload: { question } })).json<AnswerObject>();

  it('serves the sign-in page with 401 until the token is given, and 200 with it', async () => {
    const none = await server.app.inject('/admin');
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(none.body).toContain('id="sign-in"');
    expect((await server.app.inject({ url: '/admin', headers: bearer('wrong-token-of-the-same-length-xx') })).statusCode).toBe(401);
    const right = await server.app.inject({ url: '/admin', headers: bearer(TOKEN) });
    expect(right.statusCode).toBe(200);
    expect(right.headers['cache-control']).toBe('no-store');
  });

  it.each(PATHS.filter((p) => p.startsWith('/api/')).concat('/api/admin/anything'))('refuses %s without the token, or with a wrong one (401)', async (url) => {
    for (const headers of [{}, bearer('nope'), bearer(`${TOKEN}x`), bearer(TOKEN.replace(/.$/, 'x')), { authorization: TOKEN }, { authorization: `Basic ${TOKEN}` }]) {
      const response = await server.app.inject({ url, headers });
      expect(response.statusCode).toBe(401);
      expect(response.body).not.toContain('松江');
    }
  });

  it('groups the questions that got no basis, with counts, and lists disliked answers with comments', async () => {
    for (const q of ['高新技术企业有什么奖励', '高新技术企业有什么奖励？', '高新技术企业 有什么奖励', '<img src=x onerror=alert(1)>专精特新小巨人奖励多少']) {
      expect((await ask(q)).noAnswer).toBe(true);
    }
    const liked = await ask('松江技改补贴最高多少');
    expect(liked.noAnswer).toBe(false);
    const feedback = await server.app.inject({ method: 'POST', url: '/api/feedback', payload: { answerId: liked.answerId, rating: 'down', comment: '想看申报条件' } });
    expect(feedback.statusCode).toBe(204);

    const noBasis = (await server.app.inject({ url: '/api/admin/no-basis', headers: bearer(TOKEN) })).json<{ groups: { example: string; count: number }[] }>();
    expect(noBasis.groups[0]).toMatchObject({ count: 3, example: '高新技术企业 有什么奖励' });
    expect(noBasis.groups.map((g) => g.example)).toContain('<img src=x onerror=alert(1)>专精特新小巨人奖励多少');
    const disliked = (await server.app.inject({ url: '/api/admin/disliked', headers: bearer(TOKEN) })).json<{ answers: { question: string; comment: string }[] }>();
    expect(disliked.answers[0]).toMatchObject({ question: '松江技改补贴最高多少', comment: '想看申报条件' });
    const policies = (await server.app.inject({ url: '/api/admin/policies', headers: bearer(TOKEN) })).json<{ policies: { id: string; status: string }[] }>();
    expect(policies.policies.map((p) => p.id)).toContain('songjiang-2023');
  });

  it('exports CSV with formula cells neutralised', async () => {
    for (const q of ['=HYPERLINK("http://evil.example","点我")', '+1+2 松江', '-1 松江技改', '@SUM(A1) 松江']) await ask(q);
    const response = await server.app.inject({ url: '/api/admin/export/questions.csv', headers: bearer(TOKEN) });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="policy-qa-questions-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.body.startsWith('\ufeff"asked_at","question"')).toBe(true);
    expect(response.body).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
    expect(response.body).toContain(`"'+1+2 松江"`);
    expect(response.body).toContain(`"'-1 松江技改"`);
    expect(response.body).toContain(`"'@SUM(A1) 松江"`);
    // No cell anywhere starts with a formula character.
    expect(response.body.replace(/^\ufeff/, '')).not.toMatch(/(^|,)"[=+\-@]/m);
    for (const kind of ['no-basis', 'disliked']) {
      expect((await server.app.inject({ url: `/api/admin/export/${kind}.csv`, headers: bearer(TOKEN) })).statusCode).toBe(200);
    }
  });

  it('imports a policy file into INDEX_DIR/policies, refusing a taken id or a text with no clause', async () => {
    const text = readFileSync(new URL('../fixtures/raw-policies/taicang-2021.txt', import.meta.url), 'utf8');
    const post = (payload: unknown) =>
      server.app.inject({ method: 'POST', url: '/api/admin/policies', headers: bearer(TOKEN), payload: payload as Record<string, unknown> });
    const created = await post({ id: 'taicang-new', text });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ id: 'taicang-new', region: '太仓市', docNumber: '太政发〔2021〕3号' });
    expect(readFileSync(join(indexDir, 'policies', 'taicang-new.md'), 'utf8')).toContain('两化融合');
    expect((await post({ id: 'taicang-new', text })).statusCode).toBe(409);
    expect((await post({ id: 'taicang-new', text, replace: true })).statusCode).toBe(201);
    expect((await post({ id: '../escape', text })).statusCode).toBe(400);
    expect((await post({ id: 'blank', text: '\n\n' })).statusCode).toBe(400);
    expect((await server.app.inject({ method: 'POST', url: '/api/admin/policies', payload: { id: 'x', text } })).statusCode).toBe(401);
  });

  it('never writes the token to its logs', () => {
    expect(server.logs.join('')).not.toContain(TOKEN);
  });
});
