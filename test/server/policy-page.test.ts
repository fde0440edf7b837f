import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../../src/protocol.js';
import { startTestServer, type TestServer } from '../support/app.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ listen: false });
});
afterAll(() => server.close());

describe('a whole policy: GET /api/policies/:id and /policy/:id', () => {
  it('gives the metadata and every clause, with the status on the date asked', async () => {
    const response = await server.app.inject('/api/policies/songjiang-2023?asOf=2026-11-21');
    expect(response.statusCode).toBe(200);
    const policy = response.json<PolicyDocument>();
    expect(policy).toMatchObject({
      id: 'songjiang-2023',
      title: '松江区制造业数字化转型发展若干政策',
      docNumber: '松科委规〔2023〕6号',
      region: '松江区',
      status: 'in-force',
      asOf: '2026-11-21',
    });
    expect(policy.clauses.find((c) => c.label === '5')?.text).toMatch(/^5\.支持企业开展数字化认证/);
    const expired = (await server.app.inject('/api/policies/minhang-2021?asOf=2026-11-21')).json<PolicyDocument>();
    expect(expired.status).toBe('expired');
  });

  it('answers 404 for an unknown policy and 400 for a bad date', async () => {
    expect((await server.app.inject('/api/policies/nope')).statusCode).toBe(404);
    expect((await server.app.inject('/api/policies/songjiang-2023?asOf=tomorrow')).statusCode).toBe(400);
  });

  it('serves the policy page under the content security policy, 404 for an unknown id', async () => {
    const page = await server.app.inject('/policy/songjiang-2023');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
    expect((await server.app.inject('/policy/nope')).statusCode).toBe(404);
  });
});
