import { cpSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import type { LlmAnswerer } from '../../src/answer/llm-answer.js';
import { loadConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine.js';
import { LiveEngine } from '../../src/live-engine.js';
import { loadPromptTemplates } from '../../src/llm/prompt.js';
import { TestClient } from '../support/app.js';

// One index folder for the file: nodejieba loads one dictionary per process.
const dir = mkdtempSync(join(tmpdir(), 'policy-qa-reload-'));
cpSync(new URL('../../index/policies', import.meta.url).pathname, join(dir, 'policies'), { recursive: true });
cpSync(new URL('../../index/dict', import.meta.url).pathname, join(dir, 'dict'), { recursive: true });
const FIXTURES = new URL('../fixtures/ingest/', import.meta.url).pathname;
const TOKEN = 'admin-token-for-tests-3b9f';

/** A model that takes its time: answers in flight while the policies are swapped. */
const slowModel: LlmAnswerer = {
  templates: loadPromptTemplates(),
  streamer: {
    model: 'slow',
    async *stream() {
      for (const piece of ['根据', '所引条款', '，', '奖励见', '条款 [1]。']) {
        await new Promise((resolve) => setTimeout(resolve, 300));
        yield piece;
      }
    },
  },
};

let app: FastifyInstance;
let live: LiveEngine;
let url = '';
const logs: string[] = [];

beforeAll(async () => {
  const stream = new Writable({ write: (chunk: Buffer, _e, done) => (logs.push(chunk.toString()), done()) });
  live = new LiveEngine(dir, createEngine(dir, 'off'), { info: (d, m) => app.log.info(d, m), error: (d, m) => app.log.error(d, m) }, { debounceMs: 50 });
  app = await buildApp({ config: loadConfig({ ADMIN_TOKEN: TOKEN, LOG_LEVEL: 'info' }), engine: live, llm: slowModel, logger: { level: 'info', stream } });
  url = await app.listen({ host: '127.0.0.1', port: 0 });
  live.watch();
});
afterAll(async () => {
  live.close();
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

const policyIds = async (): Promise<string[]> => {
  const body = (await (await fetch(`${url}/api/policies`)).json()) as { policies: { id: string }[] };
  return body.policies.map((p) => p.id);
};
const reload = (token?: string) => fetch(`${url}/api/admin/reload`, { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {} });
async function until(test: () => Promise<boolean>, ms = 10_000): Promise<number> {
  const start = Date.now();
  while (!(await test())) {
    if (Date.now() - start > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return Date.now() - start;
}

describe('policies change under a running server', () => {
  it('picks up an added file by itself, then a removed one', async () => {
    writeFileSync(join(dir, 'policies', 'wuxi-2023.md'), (await import('node:fs')).readFileSync(join(FIXTURES, 'header-two-line.txt')));
    await until(async () => (await policyIds()).includes('wuxi-2023'));
    unlinkSync(join(dir, 'policies', 'wuxi-2023.md'));
    await until(async () => !(await policyIds()).includes('wuxi-2023'));
    expect(logs.join('')).toMatch(/"msg":"policies reloaded"/);
  });

  it('keeps answering from the old policies when a rebuild fails, and logs why', async () => {
    const before = await policyIds();
    writeFileSync(join(dir, 'policies', 'broken.md'), '---\nvalidTo: 明年\n---\n第一条 给予奖励。\n');
    await until(async () => logs.join('').includes('policy reload failed'));
    expect(logs.join('')).toMatch(/front matter validTo must be a YYYY-MM-DD date/);
    expect(await policyIds()).toEqual(before);
    const answer = await fetch(`${url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: '两化融合奖励' }) });
    expect(answer.status).toBe(200);
    unlinkSync(join(dir, 'policies', 'broken.md'));
    await until(async () => (await (await reload(TOKEN)).json() as { changed?: boolean }).changed !== undefined);
  });

  it('finishes an answer in flight on the engine it started with', async () => {
    writeFileSync(join(dir, 'policies', 'hefei-2024.md'), (await import('node:fs')).readFileSync(join(FIXTURES, 'header-database.txt')));
    await until(async () => (await policyIds()).includes('hefei-2024'));
    const client = await TestClient.connect(`${url.replace(/^http/, 'ws')}/ws`);
    client.send({ type: 'ask', id: 'q1', question: '合肥国家级智能制造示范工厂奖励多少', asOf: '2024-08-01' });
    await client.next((f) => f.id === 'q1' && f.type === 'sources');
    unlinkSync(join(dir, 'policies', 'hefei-2024.md'));
    await until(async () => !(await policyIds()).includes('hefei-2024'));
    // Swapped while q1 was still being answered.
    expect(client.of('q1').some((f) => f.type === 'done')).toBe(false);
    const done = await client.end('q1');
    expect(done.type).toBe('done');
    expect((done.citations as { policyId: string }[])[0]?.policyId).toBe('hefei-2024');
    // The next question meets the new engine.
    client.send({ type: 'ask', id: 'q2', question: '合肥国家级智能制造示范工厂奖励多少', asOf: '2024-08-01' });
    const next = await client.end('q2');
    expect((next.citations as { policyId: string }[]).some((c) => c.policyId === 'hefei-2024')).toBe(false);
    client.close();
  });
});

describe('POST /api/admin/reload', () => {
  it('needs the admin token', async () => {
    expect((await reload()).status).toBe(401);
    expect((await reload('wrong')).status).toBe(401);
    const ok = await reload(TOKEN);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ changed: false, policies: 5 });
    expect(logs.join('')).not.toContain(TOKEN);
  });

  it('does not exist without ADMIN_TOKEN', async () => {
    const plain = await buildApp({ config: loadConfig({}), engine: live, llm: null, logger: false });
    const response = await plain.inject({ method: 'POST', url: '/api/admin/reload', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.statusCode).toBe(404);
    await plain.close();
  });
});

describe('a large corpus', () => {
  it('is built by a child process and only loaded by the server', async () => {
    const messages: string[] = [];
    const log = { info: (d: Record<string, unknown>, m: string) => messages.push(`${m} ${JSON.stringify(d)}`), error: (d: Record<string, unknown>, m: string) => messages.push(`${m} ${JSON.stringify(d)}`) };
    const large = new LiveEngine(dir, live.current(), log, { childBuildBytes: 0 });
    writeFileSync(join(dir, 'policies', 'wuxi-2023.md'), (await import('node:fs')).readFileSync(join(FIXTURES, 'header-two-line.txt')));
    const result = await large.reload('test');
    expect(result).toMatchObject({ ok: true, changed: true, policies: 6 });
    // Loaded from the snapshot the child wrote, not tokenised here.
    expect(large.current().stats.source).toBe('snapshot');
    expect(large.current().policies.map((p) => p.id)).toContain('wuxi-2023');
    unlinkSync(join(dir, 'policies', 'wuxi-2023.md'));
    writeFileSync(join(dir, 'policies', 'broken.md'), '---\nissued: 昨天\n---\n第一条 给予奖励。\n');
    const failed = await large.reload('test');
    expect(failed).toMatchObject({ ok: false, error: expect.stringMatching(/front matter issued must be a YYYY-MM-DD date/) });
    expect(large.current().policies.map((p) => p.id)).toContain('wuxi-2023');
    unlinkSync(join(dir, 'policies', 'broken.md'));
  }, 30_000);
});
