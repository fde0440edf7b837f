import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { copyShippedIndex, startServerProcess, type ServerProcess } from '../support/server-process.js';

/**
 * A real server process, real clients asking without pause over HTTP and the websocket, and a real
 * `policy-qa import` into the folder the server uses: the new policy is answered from within
 * seconds, and no question fails while the index is swapped.
 */

const BIN = new URL('../../bin/policy-qa.js', import.meta.url).pathname;
const FIXTURES = new URL('../fixtures/ingest/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'policy-qa-hot-'));
const indexDir = join(dir, 'index');
const settings = {
  INDEX_DIR: indexDir,
  // The clients here ask far faster than a person: the limits are not what is tested.
  QUESTIONS_PER_MINUTE_PER_IP: '1000000',
  QUESTIONS_PER_MINUTE_PER_CONNECTION: '100000',
  HTTP_REQUESTS_PER_MINUTE: '1000000',
};
const env = { ...process.env, ...settings };
const QUESTION = { question: '鄞州区工业互联网平台建设补助多少', asOf: '2025-01-01' };
const NEW_ID = 'yinzhou-platforms-2024';
/** The longest a provider waits between import and answers from the new policy. */
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

interface Outcome {
  ok: boolean;
  cites: string[];
  at: number;
  detail: string;
}

/** Asks over HTTP, one question after another, until stopped. */
async function httpAsker(outcomes: Outcome[], stop: () => boolean): Promise<void> {
  while (!stop()) {
    const response = await fetch(`${base}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(QUESTION) });
    const body = (await response.json()) as { citations?: { policyId: string }[] };
    outcomes.push({ ok: response.status === 200, cites: body.citations?.map((c) => c.policyId) ?? [], at: Date.now(), detail: `http ${response.status}` });
  }
}

/** Asks over one websocket, the next question when the last one is done, until stopped. */
async function wsAsker(outcomes: Outcome[], stop: () => boolean): Promise<void> {
  const socket = new WebSocket(`${base.replace(/^http/, 'ws')}/ws`);
  await new Promise((resolve, reject) => (socket.once('open', resolve), socket.once('error', reject)));
  let n = 0;
  while (!stop()) {
    const id = `q${++n}`;
    const end = new Promise<Outcome>((resolve) => {
      const onMessage = (data: WebSocket.RawData): void => {
        const frame = JSON.parse(data.toString()) as { id?: string; type: string; citations?: { policyId: string }[]; code?: string };
        if (frame.id !== id || (frame.type !== 'done' && frame.type !== 'error')) return;
        socket.off('message', onMessage);
        resolve({ ok: frame.type === 'done', cites: frame.citations?.map((c) => c.policyId) ?? [], at: Date.now(), detail: `ws ${frame.type} ${frame.code ?? ''}` });
      };
      socket.on('message', onMessage);
    });
    socket.send(JSON.stringify({ type: 'ask', id, ...QUESTION }));
    outcomes.push(await end);
  }
  socket.close();
}

describe('a running server and policy-qa import', () => {
  it('answers from an imported policy within seconds, with no failed answer while it swaps', async () => {
    const outcomes: Outcome[] = [];
    let stopped = false;
    const stop = (): boolean => stopped;
    const askers = [httpAsker(outcomes, stop), wsAsker(outcomes, stop), wsAsker(outcomes, stop)];
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(outcomes.length).toBeGreaterThan(0);
    expect(outcomes.every((o) => !o.cites.includes(NEW_ID))).toBe(true);

    const imported = spawnSync(process.execPath, [BIN, 'import', join(FIXTURES, 'header-inline.txt'), '--id', NEW_ID], { env, encoding: 'utf8' });
    expect(imported.status).toBe(0);
    const importedAt = Date.now();
    const deadline = importedAt + PICKUP_LIMIT_MS;
    while (!outcomes.some((o) => o.at > importedAt && o.cites[0] === NEW_ID) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const first = outcomes.find((o) => o.at > importedAt && o.cites[0] === NEW_ID);
    expect(first, `no answer from ${NEW_ID} within ${PICKUP_LIMIT_MS} ms; server log:\n${serverLog().slice(-2000)}`).toBeDefined();

    // And removed again: answers stop citing it.
    unlinkSync(join(indexDir, 'policies', `${NEW_ID}.md`));
    const removedAt = Date.now();
    while (!outcomes.some((o) => o.at > removedAt + 200 && !o.cites.includes(NEW_ID)) && Date.now() < removedAt + PICKUP_LIMIT_MS) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 1000));
    stopped = true;
    await Promise.all(askers);

    const failed = outcomes.filter((o) => !o.ok);
    expect(failed.map((o) => o.detail)).toEqual([]);
    expect(outcomes.length).toBeGreaterThan(50);
    const last = outcomes[outcomes.length - 1];
    expect(last?.cites.includes(NEW_ID)).toBe(false);
    expect(serverLog()).toMatch(/"msg":"policies reloaded"/);
    process.stdout.write(`hot reload: ${outcomes.length} answers, none failed; new policy answered ${(first?.at ?? 0) - importedAt} ms after import\n`);
  }, 60_000);
});
