import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type QuestionRecord, type Store, type StoreConfig } from '../../src/store/index.js';
import { freshDatabase, postgresAvailable, startPostgres, type PostgresServer } from '../support/postgres.js';

/** The same behaviour asked of both stores: SQLite always, PostgreSQL wherever it is installed (always in CI). */

const quiet = { info: () => undefined, warn: () => undefined };
const DAY = 24 * 60 * 60 * 1000;

let postgres: PostgresServer | null = null;
let databases = 0;
beforeAll(async () => {
  if (postgresAvailable) postgres = await startPostgres();
});
afterAll(async () => {
  await postgres?.stop();
});

interface Backend {
  name: string;
  available: boolean;
  /** A configuration for a new, empty store; the same configuration opens it again. */
  fresh(retentionDays?: number): Promise<{ config: StoreConfig; cleanup: () => void }>;
}

const backends: Backend[] = [
  {
    name: 'SQLite',
    available: true,
    fresh: async (retentionDays = 180) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'policy-qa-store-'));
      return { config: { kind: 'sqlite', dataDir, retentionDays }, cleanup: () => rmSync(dataDir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'PostgreSQL',
    available: postgresAvailable,
    fresh: async (retentionDays = 180) => {
      if (!postgres) throw new Error('no PostgreSQL');
      const url = await freshDatabase(postgres, `store_${++databases}`);
      return { config: { kind: 'postgres', url, retentionDays }, cleanup: () => undefined };
    },
  },
];

let sequence = 0;
function question(overrides: Partial<QuestionRecord> = {}): QuestionRecord {
  return {
    answerId: `a-${++sequence}-${Math.random().toString(36).slice(2)}`,
    askedAt: new Date().toISOString(),
    question: '松江技改补贴最高多少',
    region: null,
    asOf: '2026-11-21',
    mode: 'extractive',
    noAnswer: false,
    citations: [{ policyId: 'songjiang-2023', clause: '2', status: 'in-force' }],
    latencyMs: 12,
    transport: 'websocket',
    ...overrides,
  };
}

describe.each(backends)('question log and feedback in $name', (backend) => {
  let store: Store;
  let config: StoreConfig;
  let cleanup: () => void;

  beforeAll(async () => {
    if (!backend.available) return;
    ({ config, cleanup } = await backend.fresh());
    store = await openStore(config, quiet);
  });
  afterAll(async () => {
    await store?.close();
    cleanup?.();
  });

  it.skipIf(!backend.available)('logs a question with its clauses and rates it; a second rating replaces the first', async () => {
    const q = question({ latencyMs: 37, transport: 'http', region: '松江区' });
    await store.logQuestion(q);
    expect(await store.rate({ answerId: q.answerId, rating: 'up', comment: null, givenAt: new Date().toISOString() })).toBe(true);
    expect(await store.rate({ answerId: q.answerId, rating: 'down', comment: '金额<script>不对', givenAt: new Date().toISOString() })).toBe(true);
    const row = (await store.questions(100)).find((r) => r.answerId === q.answerId);
    expect(row).toMatchObject({
      question: q.question,
      region: '松江区',
      asOf: '2026-11-21',
      mode: 'extractive',
      noAnswer: false,
      citations: q.citations,
      latencyMs: 37,
      transport: 'http',
      rating: 'down',
      comment: '金额<script>不对',
    });
    // Nothing about the asker is kept: no address, no session, no agent.
    expect(Object.keys(row ?? {}).sort()).toEqual(
      ['answerId', 'askedAt', 'asOf', 'citations', 'comment', 'latencyMs', 'mode', 'noAnswer', 'question', 'rating', 'region', 'transport'].sort(),
    );
  });

  it.skipIf(!backend.available)('refuses a rating for an answer it never logged', async () => {
    expect(await store.rate({ answerId: 'never-given', rating: 'up', comment: null, givenAt: new Date().toISOString() })).toBe(false);
  });

  it.skipIf(!backend.available)('groups no-basis questions by their normalised wording, most asked first', async () => {
    const noBasis = (text: string, ago: number) => question({ question: text, noAnswer: true, citations: [], askedAt: new Date(Date.now() - ago).toISOString() });
    await store.logQuestion(noBasis('嘉定区对DCMM认证有奖励吗？', 3000));
    await store.logQuestion(noBasis('嘉定区对 DCMM 认证有奖励吗', 2000));
    await store.logQuestion(noBasis('嘉定区对ＤＣＭＭ认证有奖励吗?', 1000));
    await store.logQuestion(noBasis('高新技术企业有什么奖励', 500));
    await store.logQuestion(question({ question: '嘉定区对DCMM认证有奖励吗', noAnswer: false }));
    const groups = await store.noBasis(10);
    expect(groups.map((g) => [g.normalised, g.count])).toEqual([
      ['嘉定区对dcmm认证有奖励吗', 3],
      ['高新技术企业有什么奖励', 1],
    ]);
    expect(groups[0]?.example).toBe('嘉定区对ＤＣＭＭ认证有奖励吗?');
  });

  it.skipIf(!backend.available)('lists disliked answers with their comments, newest first, and not the liked ones', async () => {
    const liked = question({ question: '太仓上云补贴' });
    const first = question({ question: '闵行智能制造' });
    const second = question({ question: '松江两化融合', mode: 'llm' });
    for (const q of [liked, first, second]) await store.logQuestion(q);
    await store.rate({ answerId: liked.answerId, rating: 'up', comment: '很好', givenAt: new Date(Date.now() + 1000).toISOString() });
    await store.rate({ answerId: first.answerId, rating: 'down', comment: null, givenAt: new Date(Date.now() + 2000).toISOString() });
    await store.rate({ answerId: second.answerId, rating: 'down', comment: '引用的条款不对', givenAt: new Date(Date.now() + 3000).toISOString() });
    const disliked = await store.disliked(10);
    expect(disliked.slice(0, 2).map((d) => [d.question, d.mode, d.comment])).toEqual([
      ['松江两化融合', 'llm', '引用的条款不对'],
      ['闵行智能制造', 'extractive', null],
    ]);
    expect(disliked.some((d) => d.answerId === liked.answerId)).toBe(false);
  });

  it.skipIf(!backend.available)('forgets questions, and their ratings, older than the retention period', async () => {
    const old = question({ question: '很久以前的问题', askedAt: new Date(Date.now() - 10 * DAY).toISOString() });
    const recent = question({ question: '最近的问题' });
    await store.logQuestion(old);
    await store.logQuestion(recent);
    await store.rate({ answerId: old.answerId, rating: 'down', comment: '旧', givenAt: new Date().toISOString() });
    expect(await store.purgeBefore(new Date(Date.now() - 5 * DAY).toISOString())).toBe(1);
    const left = (await store.questions(1000)).map((r) => r.question);
    expect(left).toContain('最近的问题');
    expect(left).not.toContain('很久以前的问题');
    expect((await store.disliked(100)).some((d) => d.answerId === old.answerId)).toBe(false);
  });

  it.skipIf(!backend.available)('keeps everything across a restart, and purges by LOG_RETENTION_DAYS when it opens', async () => {
    const { config: own, cleanup: done } = await backend.fresh(2);
    try {
      const first = await openStore(own, quiet);
      const kept = question({ question: '重启之后还在吗' });
      const stale = question({ question: '三天前的问题', askedAt: new Date(Date.now() - 3 * DAY).toISOString() });
      await first.logQuestion(kept);
      await first.logQuestion(stale);
      await first.rate({ answerId: kept.answerId, rating: 'down', comment: '重启前的评价', givenAt: new Date().toISOString() });
      await first.close();

      const second = await openStore(own, quiet); // migrations already applied: nothing to redo
      const rows = await second.questions(100);
      expect(rows.map((r) => r.question)).toEqual(['重启之后还在吗']);
      expect(rows[0]).toMatchObject({ rating: 'down', comment: '重启前的评价' });
      await second.close();
    } finally {
      done();
    }
  });
});
