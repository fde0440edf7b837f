import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/bench/corpus-generator.js';
import { startTestServer, TestClient, type TestServer } from '../support/app.js';

/**
 * Thousands of random and malformed frames and bodies: the process keeps running, every bad frame is
 * answered with an error frame, and good questions sent in between still get the right answer.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    env: {
      QUESTIONS_PER_MINUTE_PER_CONNECTION: '100000',
      QUESTIONS_PER_MINUTE_PER_IP: '1000000',
      HTTP_REQUESTS_PER_MINUTE: '1000000',
      CONCURRENT_QUESTIONS_PER_CONNECTION: '100',
    },
  });
});
afterAll(() => server.close());

const random = seededRandom(20261121);
const int = (n: number): number => Math.floor(random() * n);
const pick = <T>(list: T[]): T => list[int(list.length)] as T;

const UNICODE = ['\ud800', '\udfff', '\u0000', '\u200b\u200d', '\u202e松江', '𠀀𠀁', '🧧💰', '\ufeff', 'é\u0301', '\\u0000', '松\u0000江'];
const VALID = { type: 'ask', id: 'x', question: '松江技改补贴' };

function junk(depth: number): unknown {
  const kinds = [
    () => int(1e9) - 5e8,
    () => random(),
    () => pick([true, false, null]),
    () => pick(UNICODE).repeat(1 + int(5)),
    () => (depth > 0 ? Array.from({ length: int(4) }, () => junk(depth - 1)) : []),
    () => (depth > 0 ? { [pick(['type', 'id', 'question', '__proto__', 'constructor'])]: junk(depth - 1) } : {}),
  ];
  return pick(kinds)();
}

interface BadFrame {
  payload: string | Buffer;
  /** The id an error frame must carry, or null when the frame has none to carry. */
  id: string | null;
}

/** One bad frame of a random kind; ids are unique so that each error can be matched to its frame. */
function badFrame(n: number): BadFrame {
  const id = `bad-${n}`;
  switch (int(10)) {
    case 0:
      return { payload: Buffer.from(Array.from({ length: 1 + int(200) }, () => int(256))), id: null };
    case 1: {
      const text = JSON.stringify({ ...VALID, id });
      return { payload: text.slice(0, 1 + int(text.length - 2)), id: null };
    }
    case 2:
      return { payload: JSON.stringify(junk(3)).replace(/^\{/, '['), id: null };
    case 3:
      return { payload: JSON.stringify({ type: 'ask', id, question: 'x'.repeat(501 + int(12_000)) }), id };
    case 4: {
      const question = junk(2);
      return { payload: JSON.stringify({ type: 'ask', id, question: typeof question === 'string' ? [question] : question }), id };
    }
    case 5:
      return { payload: JSON.stringify({ type: pick(['ASK', 'hello', '', 'cancel ', null, 42]), id }), id };
    case 6:
      return { payload: JSON.stringify({ type: 'ask', id, question: `问${pick(['\u0000', '\u0007', '\ufffd', '\ud800', '\udfff'])}答` }), id };
    case 7:
      return { payload: JSON.stringify({ type: 'ask', id, question: '技改补贴', region: junk(1) ?? 7, asOf: 'not-a-date' }), id };
    case 8:
      return { payload: JSON.stringify({ type: 'cancel', id: `never-${n}` }), id: `never-${n}` };
    default:
      return { payload: `${'['.repeat(500)}${']'.repeat(int(2) === 0 ? 500 : 499)}`, id: null };
  }
}

describe('fuzzing the websocket', () => {
  it('answers 10,000 bad frames with error frames and still answers good questions correctly', async () => {
    const connections = await Promise.all(Array.from({ length: 4 }, () => TestClient.connect(server.wsUrl)));
    const expectedIds = new Set<string>();
    const idless = new Map<TestClient, number>();
    const good: { client: TestClient; id: string }[] = [];
    const raced: { client: TestClient; id: string }[] = [];

    for (let n = 0; n < 10_000; n++) {
      const client = connections[n % connections.length] as TestClient;
      const frame = badFrame(n);
      client.socket.send(frame.payload, { binary: Buffer.isBuffer(frame.payload) });
      if (frame.id === null) idless.set(client, (idless.get(client) ?? 0) + 1);
      else expectedIds.add(frame.id);

      if (n % 250 === 0) {
        const id = `good-${n}`;
        client.send({ type: 'ask', id, question: '松江区技改项目最高能补贴多少？', asOf: '2026-11-21' });
        good.push({ client, id });
      }
      if (n % 500 === 7) {
        // Ask and cancel at once: the question ends exactly once, answered or cancelled.
        const id = `race-${n}`;
        client.send({ type: 'ask', id, question: '我能拿多少两化融合奖励' });
        client.send({ type: 'cancel', id });
        raced.push({ client, id });
      }
      if (n % 1000 === 999) await new Promise((r) => setTimeout(r, 10));
    }

    for (const { client, id } of good) {
      const done = await client.end(id, 20_000);
      expect(done.type).toBe('done');
      expect((done.citations as { policyId: string; clause: string }[])[0]).toMatchObject({ policyId: 'songjiang-2023', clause: '2' });
      expect(done.answer).toContain('单个项目补贴最高3000万元');
    }
    for (const { client, id } of raced) {
      const ends = client.frames.filter((f) => f.id === id && (f.type === 'done' || f.type === 'error'));
      expect(ends.length).toBeLessThanOrEqual(1);
      const end = await client.end(id);
      expect(end.type === 'done' || end.code === 'cancelled' || end.code === 'bad-request').toBe(true);
    }
    // Every bad frame got its error: by id where it had one, counted where it had none.
    await expect
      .poll(() => connections.reduce((sum, c) => sum + c.frames.filter((f) => f.type === 'error' && f.id !== undefined && expectedIds.has(f.id)).length, 0), {
        timeout: 20_000,
      })
      .toBe(expectedIds.size);
    for (const client of connections) {
      const errorsWithoutId = client.frames.filter((f) => f.type === 'error' && f.id === undefined).length;
      expect(errorsWithoutId).toBe(idless.get(client) ?? 0);
      expect(client.socket.readyState).toBe(1);
      client.close();
    }

    const fresh = await TestClient.connect(server.wsUrl);
    fresh.send({ type: 'ask', id: 'after', question: '我能拿多少两化融合奖励', asOf: '2026-11-21' });
    expect(await fresh.end('after')).toMatchObject({ type: 'done', noAnswer: false });
    fresh.close();
  }, 120_000);
});

describe('fuzzing POST /api/ask', () => {
  it('answers 3,000 random bodies with a clear 4xx error or an answer, never a 5xx', async () => {
    const statuses = new Map<number, number>();
    for (let n = 0; n < 3000; n++) {
      const kind = int(6);
      const payload =
        kind === 0
          ? Buffer.from(Array.from({ length: int(300) }, () => int(256)))
          : kind === 1
            ? JSON.stringify({ question: junk(2) })
            : kind === 2
              ? JSON.stringify(junk(3))
              : kind === 3
                ? JSON.stringify({ question: `${pick(UNICODE)}松江技改补贴`, region: junk(1), asOf: junk(1) })
                : kind === 4
                  ? JSON.stringify({ question: '技改补贴' }).slice(0, int(20))
                  : JSON.stringify({ question: pick(['松江技改补贴', '我能拿多少两化融合奖励', '<script>alert(1)</script>']) });
      const response = await server.app.inject({ method: 'POST', url: '/api/ask', payload, headers: { 'content-type': 'application/json' } });
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
      expect(response.statusCode).toBeLessThan(500);
      const body = response.json<{ error?: { code: string; message: string }; citations?: unknown[] }>();
      if (response.statusCode === 200) expect(Array.isArray(body.citations)).toBe(true);
      else expect(body.error?.message.length).toBeGreaterThan(3);
    }
    expect(statuses.get(200)).toBeGreaterThan(100);
    expect(statuses.get(400)).toBeGreaterThan(1000);
    expect((await server.app.inject('/api/health')).json()).toMatchObject({ status: 'ok' });
  }, 120_000);
});
