import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TestClient, type TestServer } from '../support/app.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { QUESTIONS_PER_MINUTE_PER_CONNECTION: '1000', QUESTIONS_PER_MINUTE_PER_IP: '1000' } });
});
afterAll(() => server.close());

describe('websocket /ws', () => {
  it('streams sources, deltas and a done frame carrying the answer object', async () => {
    const client = await TestClient.connect(server.wsUrl);
    client.send({ type: 'ask', id: 'q1', question: '我能拿多少两化融合奖励', asOf: '2026-11-21' });
    const done = await client.end('q1');
    const frames = client.of('q1');
    expect(frames[0]?.type).toBe('sources');
    const deltas = frames.filter((f) => f.type === 'delta');
    expect(deltas.length).toBeGreaterThan(10);
    expect(done.type).toBe('done');
    expect(deltas.map((d) => d.text).join('')).toBe(done.answer);
    expect(done).toMatchObject({ question: '我能拿多少两化融合奖励', mode: 'extractive', noAnswer: false });
    expect((done.citations as { policyId: string }[]).map((c) => c.policyId)).toEqual([
      'songjiang-2023', 'minhang-2021', 'jiading-2021', 'taicang-2021',
    ]);
    client.close();
  });

  it('answers several questions on one connection, and reads a follow-up against the one before', async () => {
    const client = await TestClient.connect(server.wsUrl);
    client.send({ type: 'ask', id: 'a', question: '松江两化融合奖励多少', asOf: '2026-11-21' });
    const first = await client.end('a');
    client.send({ type: 'ask', id: 'b', question: '那嘉定呢？', asOf: '2026-11-21' });
    const second = await client.end('b');
    expect((first.citations as { policyId: string }[]).map((c) => c.policyId)).toEqual(['songjiang-2023']);
    expect(second).toMatchObject({ question: '那嘉定呢？', noAnswer: false });
    expect((second.citations as { policyId: string; clause: string }[]).map((c) => `${c.policyId}:${c.clause}`)).toEqual(['jiading-2021:2', 'jiading-2021:16']);
    client.close();
  });

  it('keeps follow-ups to their own connection', async () => {
    const other = await TestClient.connect(server.wsUrl);
    other.send({ type: 'ask', id: 'x', question: '那嘉定呢？' });
    expect(await other.end('x')).toMatchObject({ type: 'done', noAnswer: true });
    other.close();
  });

  it.each([
    ['malformed JSON', '{"type":"ask"', 'bad-request'],
    ['a JSON array', '[1,2,3]', 'bad-request'],
    ['an unknown type', '{"type":"hack","id":"z"}', 'bad-request'],
    ['an ask with no id', '{"type":"ask","question":"技改补贴"}', 'bad-request'],
    ['a numeric id', '{"type":"ask","id":7,"question":"技改补贴"}', 'bad-request'],
    ['a question of the wrong type', '{"type":"ask","id":"w","question":{"$gt":""}}', 'bad-question'],
    ['an empty question', '{"type":"ask","id":"e","question":""}', 'bad-question'],
    ['an over-long question', JSON.stringify({ type: 'ask', id: 'l', question: '长'.repeat(501) }), 'question-too-long'],
    ['an unknown region', '{"type":"ask","id":"r","question":"技改补贴","region":"火星"}', 'bad-region'],
    ['a cancel for nothing', '{"type":"cancel","id":"none"}', 'bad-request'],
  ])('answers %s with an error frame and stays usable', async (_, raw, code) => {
    const client = await TestClient.connect(server.wsUrl);
    client.send(raw);
    const error = await client.next((f) => f.type === 'error');
    expect(error.code).toBe(code);
    expect(typeof error.message).toBe('string');
    client.send({ type: 'ask', id: 'after', question: '松江技改补贴' });
    expect(await client.end('after')).toMatchObject({ type: 'done', noAnswer: false });
    client.close();
  });

  it('answers a binary frame with an error frame', async () => {
    const client = await TestClient.connect(server.wsUrl);
    client.socket.send(Buffer.from([0, 159, 146, 150]), { binary: true });
    expect(await client.next((f) => f.type === 'error')).toMatchObject({ code: 'bad-request' });
    client.close();
  });

  it('closes a connection that sends a frame over the payload limit (1009), and the server keeps serving', async () => {
    const client = await TestClient.connect(server.wsUrl);
    client.send(JSON.stringify({ type: 'ask', id: 'big', question: 'x'.repeat(20_000) }));
    expect((await client.closed).code).toBe(1009);
    const again = await TestClient.connect(server.wsUrl);
    again.send({ type: 'ask', id: 'ok', question: '松江技改补贴' });
    expect(await again.end('ok')).toMatchObject({ type: 'done' });
    again.close();
  });

  it('shows a script tag in a question only as text inside JSON', async () => {
    const client = await TestClient.connect(server.wsUrl);
    client.send({ type: 'ask', id: 'x', question: '<img src=x onerror=alert(1)>技改补贴' });
    const done = await client.end('x');
    expect(done.question).toBe('<img src=x onerror=alert(1)>技改补贴');
    client.close();
  });

  it('refuses a page from another site (403) but lets its own origin and non-browser clients in', async () => {
    await expect(TestClient.connect(server.wsUrl, { origin: 'https://evil.example' })).rejects.toThrow(/403/);
    const own = await TestClient.connect(server.wsUrl, { origin: server.url });
    own.close();
    expect(server.logs.join('')).toMatch(/websocket refused: origin not allowed/);
  });
});

describe('websocket limits', () => {
  it('sends rate-limited error frames past the per-connection question rate', async () => {
    const limited = await startTestServer({ env: { QUESTIONS_PER_MINUTE_PER_CONNECTION: '2' } });
    try {
      const client = await TestClient.connect(limited.wsUrl);
      for (const id of ['1', '2', '3']) client.send({ type: 'ask', id, question: '松江技改补贴' });
      expect(await client.end('1')).toMatchObject({ type: 'done' });
      expect(await client.end('2')).toMatchObject({ type: 'done' });
      expect(await client.end('3')).toMatchObject({ type: 'error', code: 'rate-limited' });
      client.close();
    } finally {
      await limited.close();
    }
  });

  it('shares the per-address rate over connections', async () => {
    const limited = await startTestServer({ env: { QUESTIONS_PER_MINUTE_PER_IP: '2' } });
    try {
      const a = await TestClient.connect(limited.wsUrl);
      const b = await TestClient.connect(limited.wsUrl);
      a.send({ type: 'ask', id: '1', question: '松江技改补贴' });
      await a.end('1');
      b.send({ type: 'ask', id: '2', question: '松江技改补贴' });
      await b.end('2');
      b.send({ type: 'ask', id: '3', question: '松江技改补贴' });
      expect(await b.end('3')).toMatchObject({ code: 'rate-limited' });
      a.close();
      b.close();
    } finally {
      await limited.close();
    }
  });
});

describe('shutdown', () => {
  it('closes open sockets with 1001 when the server closes', async () => {
    const temporary = await startTestServer();
    const client = await TestClient.connect(temporary.wsUrl);
    await temporary.close();
    expect((await client.closed).code).toBe(1001);
  });
});
