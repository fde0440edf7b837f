import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerObject } from '../../src/protocol.js';
import { docxFile, scannedPdf, SOURCE } from '../support/ingest-variants.js';
import { copyShippedIndex, startServerProcess, type ServerProcess } from '../support/server-process.js';

/**
 * A real server process with the console on, a Word file uploaded over real HTTP the way the console
 * page sends it (base64 in JSON): the server stores it through the import step and answers from it
 * within seconds, without a restart.
 */

const TOKEN = 'console-import-token-0123456789abcdef';
const dir = mkdtempSync(join(tmpdir(), 'policy-qa-console-import-'));
const indexDir = join(dir, 'index');
const settings = { INDEX_DIR: indexDir, DATA_DIR: join(dir, 'data'), ADMIN_TOKEN: TOKEN, HTTP_REQUESTS_PER_MINUTE: '1000000', QUESTIONS_PER_MINUTE_PER_IP: '1000000' };
const QUESTION = { question: '鄞州区智能工厂奖励多少', asOf: '2025-01-01' };
/** The longest a provider waits between the upload and answers from the new policy. */
const PICKUP_LIMIT_MS = 5_000;

let server: ServerProcess;
let base = '';
const serverLog = (): string => server.logs.join('\n');

beforeAll(async () => {
  copyShippedIndex(indexDir);
  server = await startServerProcess(settings);
  base = server.url;
});
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const upload = (name: string, bytes: Buffer, fields: Record<string, unknown> = {}) =>
  fetch(`${base}/api/admin/policies`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ name, data: bytes.toString('base64'), ...fields }),
  });

const ask = async (): Promise<AnswerObject> =>
  (await fetch(`${base}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(QUESTION) })).json() as Promise<AnswerObject>;

describe('the console’s import on a running server', () => {
  it('answers from an uploaded Word file within seconds', async () => {
    const before = await ask();
    expect(before.citations.every((c) => c.region !== '鄞州区')).toBe(true);

    const response = await upload('鄞州区数字化改造办法.docx', await docxFile(readFileSync(SOURCE, 'utf8')));
    expect(response.status).toBe(201);
    const report = (await response.json()) as Record<string, unknown>;
    expect(report).toMatchObject({
      id: 'yin-zhou-qu-shu-zi-hua-gai-zao-ban-fa',
      title: '鄞州区工业企业数字化改造专项资金管理办法',
      docNumber: '鄞经信〔2024〕8号',
      region: '鄞州区',
      clauses: 11,
      served: 'within seconds',
    });
    const uploadedAt = Date.now();
    let answer = await ask();
    while (answer.citations[0]?.policyId !== report.id && Date.now() < uploadedAt + PICKUP_LIMIT_MS) {
      await new Promise((r) => setTimeout(r, 100));
      answer = await ask();
    }
    expect(answer.citations[0], `no answer from the upload within ${PICKUP_LIMIT_MS} ms; server log:\n${serverLog().slice(-2000)}`).toMatchObject({
      policyId: report.id,
      region: '鄞州区',
    });
    expect(answer.answer).toMatch(/万元/);
  }, 60_000);

  it('refuses a scanned PDF with the reason, and stores nothing', async () => {
    const response = await upload('扫描件.pdf', await scannedPdf(), { id: 'scan' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'scanned', message: expect.stringMatching(/text layer|scanned/i) } });
    expect(existsSync(join(indexDir, 'policies', 'scan.md'))).toBe(false);
  });
});
