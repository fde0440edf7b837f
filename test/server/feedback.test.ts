import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerObject } from '../../src/protocol.js';
import { openStore } from '../../src/store/index.js';
import { startTestServer, TestClient, type TestServer } from '../support/app.js';
import { freshDatabase, postgresAvailable, startPostgres, type PostgresServer } from '../support/postgres.js';

const quiet = { info: () => undefined, warn: () => undefined };

async function askHttp(server: TestServer, question: string): Promise<AnswerObject> {
  const response = await server.app.inject({ method: 'POST', url: '/api/ask', payload: { question } });
  expect(response.statusCode).toBe(200);
  return response.json<AnswerObject>();
}

function rate(server: TestServer, payload: unknown) {
  return server.app.inject({ method: 'POST', url: '/api/feedback', payload: payload as Record<string, unknown> });
}

describe('POST /api/feedback (SQLite in DATA_DIR)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'policy-qa-feedback-'));
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { DATA_DIR: dataDir } });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('takes a rating with a comment for an answer given over HTTP (204)', async () => {
    const answer = await askHttp(server, '松江技改补贴最高多少');
    const response = await rate(server, { answerId: answer.answerId, rating: 'down', comment: '想知道申报时间' });
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
  });

  it('takes a rating the moment a websocket answer arrives', async () => {
    const client = await TestClient.connect(server.wsUrl);
    client.send({ type: 'ask', id: 'q', question: '太仓上云补贴' });
    const done = await client.end('q');
    expect((await rate(server, { answerId: done.answerId, rating: 'up' })).statusCode).toBe(204);
    client.close();
  });

  it('answers 404 for an answer it never gave', async () => {
    const response = await rate(server, { answerId: 'b3a1c0de-0000-4000-8000-000000000000', rating: 'up' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: 'unknown-answer' } });
  });

  it.each([
    ['no rating', { answerId: 'x' }],
    ['a rating that is neither up nor down', { answerId: 'x', rating: 'meh' }],
    ['an unknown key', { answerId: 'x', rating: 'up', stars: 5 }],
    ['a number for an id', { answerId: 5, rating: 'up' }],
    ['an id with markup', { answerId: '<script>', rating: 'up' }],
    ['a comment over 1000 characters', { answerId: 'x', rating: 'down', comment: '长'.repeat(1001) }],
    ['a comment with control characters', { answerId: 'x', rating: 'down', comment: 'a\u0000b' }],
    ['a list', [{ answerId: 'x', rating: 'up' }]],
  ])('refuses %s (400)', async (_name, payload) => {
    const response = await rate(server, payload);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'bad-request' } });
  });

  it('keeps a rating across a restart, and never stores the asker\'s address', async () => {
    const answer = await askHttp(server, '闵行智能制造政策现在还有效吗');
    expect((await rate(server, { answerId: answer.answerId, rating: 'down', comment: '重启后还要在' })).statusCode).toBe(204);
    await server.close();
    server = await startTestServer({ env: { DATA_DIR: dataDir } });
    // The same rating again is accepted (the answer is still on record), and the first one is there.
    const store = await openStore({ kind: 'sqlite', dataDir, retentionDays: 180 }, quiet);
    const rows = await store.questions(100);
    await store.close();
    expect(rows.find((r) => r.answerId === answer.answerId)).toMatchObject({ rating: 'down', comment: '重启后还要在', transport: 'http' });
    expect(rows.map((r) => r.question)).toEqual(expect.arrayContaining(['松江技改补贴最高多少', '太仓上云补贴']));
    expect((await rate(server, { answerId: answer.answerId, rating: 'up' })).statusCode).toBe(204);
    for (const file of readdirSync(dataDir)) expect(readFileSync(join(dataDir, file)).includes('127.0.0.1')).toBe(false);
  });
});

describe.skipIf(!postgresAvailable)('two instances on one PostgreSQL (DATABASE_URL)', () => {
  let postgres: PostgresServer;
  let url: string;
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    postgres = await startPostgres();
    url = await freshDatabase(postgres, 'instances');
    [a, b] = await Promise.all([startTestServer({ env: { DATABASE_URL: url } }), startTestServer({ env: { DATABASE_URL: url } })]);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await postgres?.stop();
  });

  it('logs questions from both, takes a rating on either for an answer from the other, and keeps it across restarts', async () => {
    const fromA = await askHttp(a, '松江技改补贴最高多少');
    const fromB = await askHttp(b, '嘉定区对DCMM认证有奖励吗？');
    expect((await rate(b, { answerId: fromA.answerId, rating: 'down', comment: '来自另一台' })).statusCode).toBe(204);
    expect((await rate(a, { answerId: fromB.answerId, rating: 'up' })).statusCode).toBe(204);

    await Promise.all([a.close(), b.close()]);
    a = await startTestServer({ env: { DATABASE_URL: url } });
    b = await startTestServer({ env: { DATABASE_URL: url } });
    const store = await openStore({ kind: 'postgres', url, retentionDays: 180 }, quiet);
    const rows = await store.questions(100);
    const disliked = await store.disliked(10);
    await store.close();
    expect(rows.map((r) => r.answerId).sort()).toEqual([fromA.answerId, fromB.answerId].sort());
    expect(disliked.map((d) => [d.answerId, d.comment])).toEqual([[fromA.answerId, '来自另一台']]);
    expect(rows.find((r) => r.answerId === fromB.answerId)).toMatchObject({ noAnswer: fromB.noAnswer, rating: 'up' });
  });
});
