import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_HISTORY_ANSWER_CHARS, MAX_HISTORY_TURNS } from '../../src/answer/history.js';
import { startTestServer, TestClient, type TestServer } from '../support/app.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { QUESTIONS_PER_MINUTE_PER_CONNECTION: '1000', QUESTIONS_PER_MINUTE_PER_IP: '1000' } });
});
afterAll(() => server.close());

const policiesOf = (frame: Record<string, unknown>): string[] => (frame.citations as { policyId: string }[]).map((c) => c.policyId);

describe('a conversation resent with the question (history)', () => {
  it('names every answer: done frames carry distinct answerIds', async () => {
    const client = await TestClient.connect(server.wsUrl);
    client.send({ type: 'ask', id: 'a', question: '松江技改补贴' });
    client.send({ type: 'ask', id: 'b', question: '松江技改补贴' });
    const [a, b] = [await client.end('a'), await client.end('b')];
    expect(a.answerId).toMatch(/^[0-9a-f-]{36}$/);
    expect(b.answerId).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.answerId).not.toBe(b.answerId);
    client.close();
  });

  it('reads a follow-up on a new connection against the turns the page sends', async () => {
    const client = await TestClient.connect(server.wsUrl);
    client.send({
      type: 'ask',
      id: 'f',
      question: '那嘉定呢？',
      asOf: '2026-11-21',
      history: [{ question: '松江两化融合奖励多少', answer: '松江区 最高20万元 [1]' }],
    });
    const done = await client.end('f');
    expect(done).toMatchObject({ type: 'done', noAnswer: false });
    // Its answering clause and, the policy having expired, its validity clause.
    expect(policiesOf(done)).toEqual(['jiading-2021', 'jiading-2021']);
    client.close();
  });

  it('starts afresh when the page sends an empty history, whatever the connection asked before', async () => {
    const client = await TestClient.connect(server.wsUrl);
    client.send({ type: 'ask', id: 'a', question: '松江两化融合奖励多少', asOf: '2026-11-21' });
    await client.end('a');
    client.send({ type: 'ask', id: 'b', question: '那嘉定呢？', asOf: '2026-11-21', history: [] });
    expect(await client.end('b')).toMatchObject({ type: 'done', noAnswer: true });
    client.close();
  });

  it.each([
    ['not a list', { question: 'x' }, /history must be a list/],
    ['too many turns', Array.from({ length: MAX_HISTORY_TURNS + 1 }, () => ({ question: '松江', answer: '' })), /turns; the limit is 6/],
    ['an unknown key', [{ question: '松江', answer: '', citations: [] }], /unknown field "citations"/],
    ['a question that is not text', [{ question: 5, answer: '' }], /question must be a string/],
    ['an empty question', [{ question: '  ', answer: '' }], /question is empty/],
    ['an over-long question', [{ question: '长'.repeat(501), answer: '' }], /limit is 500/],
    ['an over-long answer', [{ question: '松江', answer: '长'.repeat(MAX_HISTORY_ANSWER_CHARS + 1) }], /limit is 2000/],
    ['control characters', [{ question: '松江\u0000', answer: '' }], /control characters/],
  ])('refuses a history with %s (bad-history) and stays usable', async (_name, history, message) => {
    const client = await TestClient.connect(server.wsUrl);
    client.send({ type: 'ask', id: 'h', question: '松江技改补贴', history });
    const error = await client.end('h');
    expect(error).toMatchObject({ type: 'error', code: 'bad-history' });
    expect(error.message).toMatch(message);
    client.send({ type: 'ask', id: 'ok', question: '松江技改补贴' });
    expect(await client.end('ok')).toMatchObject({ type: 'done' });
    client.close();
  });
});

describe('history on POST /api/ask', () => {
  it('reads a follow-up in the context sent, and refuses a bad history (400 bad-history)', async () => {
    const post = (payload: Record<string, unknown>) => server.app.inject({ method: 'POST', url: '/api/ask', payload });
    const followUp = await post({ question: '那嘉定呢？', asOf: '2026-11-21', history: [{ question: '松江两化融合奖励多少', answer: '' }] });
    expect(followUp.statusCode).toBe(200);
    expect(policiesOf(followUp.json())).toEqual(['jiading-2021', 'jiading-2021']);
    const alone = await post({ question: '那嘉定呢？', asOf: '2026-11-21' });
    expect(alone.json()).toMatchObject({ noAnswer: true });
    const bad = await post({ question: '那嘉定呢？', history: [{ question: '松江', answer: '', extra: 1 }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'bad-history' } });
  });
});
