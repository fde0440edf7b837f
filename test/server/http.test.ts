import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerObject } from '../../src/protocol.js';
import { startTestServer, type TestServer } from '../support/app.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ listen: false, env: { HTTP_REQUESTS_PER_MINUTE: '1000', QUESTIONS_PER_MINUTE_PER_IP: '1000' } });
});
afterAll(() => server.close());

const ask = (payload: string, contentType = 'application/json') =>
  server.app.inject({ method: 'POST', url: '/api/ask', payload, headers: { 'content-type': contentType } });

describe('POST /api/ask', () => {
  it('answers with the JSON answer object', async () => {
    const response = await ask(JSON.stringify({ question: '我能拿多少两化融合奖励', asOf: '2026-11-21' }));
    expect(response.statusCode).toBe(200);
    const body = response.json<AnswerObject>();
    expect(body.mode).toBe('extractive');
    expect(body.answerId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.citations.map((c) => c.policyId)).toEqual(['songjiang-2023', 'minhang-2021', 'jiading-2021', 'taicang-2021']);
    expect(body.citations[1]).toMatchObject({ clause: '第四条', status: 'expired', validTo: '2026-08-17' });
  });

  it('limits to a region and reports no basis plainly', async () => {
    const response = await ask(JSON.stringify({ question: 'DCMM认证奖励', region: '嘉定' }));
    expect(response.json<AnswerObject>()).toMatchObject({ noAnswer: true });
  });

  it.each([
    ['malformed JSON', '{"question":', 400, 'bad-request'],
    ['a number for a question', '{"question":123}', 400, 'bad-request'],
    ['no question', '{}', 400, 'bad-request'],
    ['an array body', '[1,2]', 400, 'bad-request'],
    ['an empty question', '{"question":"   "}', 400, 'bad-question'],
    ['an over-long question', JSON.stringify({ question: '问'.repeat(501) }), 400, 'question-too-long'],
    ['an unknown region', '{"question":"技改补贴","region":"火星"}', 400, 'bad-region'],
    ['a malformed date', '{"question":"技改补贴","asOf":"2026/11/21"}', 400, 'bad-date'],
    ['binary junk', '\u0000\u0001\u0002', 400, 'bad-request'],
  ])('refuses %s with a clear error', async (_, payload, status, code) => {
    const response = await ask(payload);
    expect(response.statusCode).toBe(status);
    const body = response.json<{ error: { code: string; message: string } }>();
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(3);
  });

  it('refuses a body over the payload limit', async () => {
    const response = await ask(JSON.stringify({ question: 'x'.repeat(20_000) }));
    expect(response.statusCode).toBe(413);
  });

  it('refuses a body that is not JSON', async () => {
    const response = await ask('question=hi', 'application/x-www-form-urlencoded');
    expect(response.statusCode).toBe(415);
  });

  it('never sends a script tag back as markup: it stays a JSON string', async () => {
    const response = await ask(JSON.stringify({ question: '<script>alert(1)</script>松江技改补贴' }));
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.json<AnswerObject>().question).toBe('<script>alert(1)</script>松江技改补贴');
  });
});

describe('GET endpoints', () => {
  it('lists the policies with their status today', async () => {
    const body = (await server.app.inject('/api/policies')).json<{ policies: { id: string; status: string; clauses: number }[] }>();
    expect(body.policies.map((p) => p.id).sort()).toEqual(['jiading-2021', 'minhang-2021', 'songjiang-2023', 'songjiang-pilot-2025', 'taicang-2021']);
    expect(body.policies.every((p) => ['in-force', 'expired', 'not-yet-in-force', 'unknown'].includes(p.status))).toBe(true);
  });

  it('reports health and mode', async () => {
    expect((await server.app.inject('/api/health')).json()).toEqual({ status: 'ok', mode: 'extractive' });
  });

  it('serves the chat page with a content security policy its own scripts satisfy', async () => {
    const page = await server.app.inject('/');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<script type="module" src="/chat.js"></script>');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.body).not.toMatch(/<script>|style="/);
    const script = await server.app.inject('/chat.js');
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
  });

  it('answers unknown routes with a JSON 404', async () => {
    const response = await server.app.inject('/api/nothing');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: 'not-found' } });
  });
});

describe('HTTP rate limit', () => {
  it('answers 429 once an address has used its requests', async () => {
    const limited = await startTestServer({ listen: false, env: { HTTP_REQUESTS_PER_MINUTE: '3' } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await limited.app.inject('/api/policies')).statusCode);
      expect(codes).toEqual([200, 200, 200, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});
