import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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

  it('imports an uploaded file through the import step, refusing a taken id, an unreadable file and one over the limit', async () => {
    const bytes = readFileSync(new URL('../fixtures/raw-policies/taicang-2021.txt', import.meta.url));
    const upload = (fields: Record<string, unknown>, data: Buffer | string = bytes) =>
      server.app.inject({
        method: 'POST',
        url: '/api/admin/policies',
        headers: bearer(TOKEN),
        payload: { name: 'taicang.txt', data: typeof data === 'string' ? data : data.toString('base64'), ...fields },
      });
    const created = await upload({ id: 'taicang-new' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ id: 'taicang-new', region: '太仓市', docNumber: '太政发〔2021〕3号', file: 'policies/taicang-new.md' });
    expect(readFileSync(join(indexDir, 'policies', 'taicang-new.md'), 'utf8')).toContain('两化融合');
    const taken = await upload({ id: 'taicang-new' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ error: { code: 'exists', message: expect.stringMatching(/exists already.*replace/) } });
    expect((await upload({ id: 'taicang-new', replace: true })).statusCode).toBe(201);
    // The id comes from the file's name when none is given.
    expect((await upload({})).json()).toMatchObject({ id: 'taicang' });

    const refusals: [Record<string, unknown>, Buffer | string, string][] = [
      [{ id: '../escape' }, bytes, 'bad-id'],
      [{ id: 'blank' }, Buffer.from('\n\n'), 'empty'],
      [{ id: 'program' }, readFileSync('/bin/ls'), 'binary'],
      [{ id: 'notes' }, Buffer.from('meeting notes\n'), 'no-chinese'],
      [{ id: 'no-region' }, Buffer.from('第一条 对企业给予奖励10万元。\n第二条 本办法自2024年1月1日起施行。\n'), 'no-region'],
      [{ id: 'not-base64' }, '第一条!!', 'bad-request'],
    ];
    for (const [fields, data, code] of refusals) {
      const response = await upload(fields, data);
      expect({ code, status: response.statusCode, body: response.json<{ error: { code: string } }>().error.code }).toEqual({ code, status: 400, body: code });
    }
    // The region a text does not name is taken from the form.
    const regioned = await upload({ id: 'with-region', region: '合肥市' }, Buffer.from('第一条 对企业给予奖励10万元。\n第二条 本办法自2024年1月1日起施行。\n'));
    expect(regioned.json()).toMatchObject({ id: 'with-region', region: '合肥市' });

    // One byte over the limit, and a body over it: 413 with a clear message, nothing stored.
    const over = await upload({ id: 'huge' }, Buffer.alloc(16 * 1024 * 1024 + 1, 0x41));
    expect(over.statusCode).toBe(413);
    expect(over.json()).toMatchObject({ error: { code: 'too-large', message: expect.stringMatching(/larger than the upload limit of 16 MB.*policy-qa import/) } });
    const body = await upload({ id: 'huger' }, 'A'.repeat(24 * 1024 * 1024));
    expect(body.statusCode).toBe(413);
    expect(body.json()).toMatchObject({ error: { code: 'too-large', message: expect.stringMatching(/upload limit/) } });
    expect(readdirSync(join(indexDir, 'policies')).sort()).toEqual(['taicang-new.md', 'taicang.md', 'with-region.md']);

    expect((await server.app.inject({ method: 'POST', url: '/api/admin/policies', payload: { name: 'x.txt', data: '' } })).statusCode).toBe(401);
  });

  it('never writes the token to its logs', () => {
    expect(server.logs.join('')).not.toContain(TOKEN);
  });
});
