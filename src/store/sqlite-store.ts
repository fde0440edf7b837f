import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS } from './migrations.js';
import { normaliseQuestion } from './normalise.js';
import type { CitedClause, FeedbackRecord, LoggedQuestion, NoBasisGroup, QuestionRecord, RatedAnswer, Rating, Store } from './types.js';

/** The embedded store: one SQLite file in DATA_DIR, written ahead (WAL) so readers never wait on writers. */

export const SQLITE_FILE = 'policy-qa.sqlite';
/** Another process holding the write lock (a second instance on the same file) is waited for this long. */
const BUSY_TIMEOUT_MS = 5000;

interface QuestionRow {
  answer_id: string;
  asked_at: string;
  question: string;
  region: string | null;
  as_of: string;
  mode: QuestionRecord['mode'];
  no_answer: number;
  citations: string;
  latency_ms: number;
  transport: QuestionRecord['transport'];
  rating: Rating | null;
  comment: string | null;
  given_at: string | null;
}

function toQuestion(row: QuestionRow): LoggedQuestion {
  return {
    answerId: row.answer_id,
    askedAt: row.asked_at,
    question: row.question,
    region: row.region,
    asOf: row.as_of,
    mode: row.mode,
    noAnswer: row.no_answer === 1,
    citations: JSON.parse(row.citations) as CitedClause[],
    latencyMs: row.latency_ms,
    transport: row.transport,
    rating: row.rating,
    comment: row.comment,
  };
}

export function migrateSqlite(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sqlite);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(migration.version, new Date().toISOString());
    }).immediate();
  }
}

export function openSqliteStore(dataDir: string): Store {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, SQLITE_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  migrateSqlite(db);

  const insertQuestion = db.prepare(
    `INSERT INTO questions (answer_id, asked_at, question, normalised, region, as_of, mode, no_answer, citations, latency_ms, transport)
     VALUES (@answerId, @askedAt, @question, @normalised, @region, @asOf, @mode, @noAnswer, @citations, @latencyMs, @transport)`,
  );
  const upsertFeedback = db.prepare(
    `INSERT INTO feedback (answer_id, rating, comment, given_at) SELECT @answerId, @rating, @comment, @givenAt
     WHERE EXISTS (SELECT 1 FROM questions WHERE answer_id = @answerId)
     ON CONFLICT (answer_id) DO UPDATE SET rating = excluded.rating, comment = excluded.comment, given_at = excluded.given_at`,
  );
  const selectNoBasis = db.prepare(
    `SELECT normalised, count(*) AS count, max(asked_at) AS last_asked,
            (SELECT q2.question FROM questions q2 WHERE q2.no_answer = 1 AND q2.normalised = q.normalised ORDER BY q2.asked_at DESC LIMIT 1) AS example
     FROM questions q WHERE no_answer = 1 GROUP BY normalised ORDER BY count DESC, last_asked DESC LIMIT ?`,
  );
  const joined = `SELECT q.*, f.rating, f.comment, f.given_at FROM questions q`;
  const selectDisliked = db.prepare(`${joined} JOIN feedback f ON f.answer_id = q.answer_id WHERE f.rating = 'down' ORDER BY f.given_at DESC LIMIT ?`);
  const selectQuestions = db.prepare(`${joined} LEFT JOIN feedback f ON f.answer_id = q.answer_id ORDER BY q.asked_at DESC LIMIT ?`);
  const deleteBefore = db.prepare('DELETE FROM questions WHERE asked_at < ?');

  return {
    kind: 'sqlite',
    async logQuestion(record) {
      insertQuestion.run({
        ...record,
        normalised: normaliseQuestion(record.question),
        noAnswer: record.noAnswer ? 1 : 0,
        citations: JSON.stringify(record.citations),
      });
    },
    async rate(feedback: FeedbackRecord) {
      return upsertFeedback.run(feedback).changes > 0;
    },
    async noBasis(limit): Promise<NoBasisGroup[]> {
      const rows = selectNoBasis.all(limit) as { normalised: string; count: number; last_asked: string; example: string }[];
      return rows.map((r) => ({ normalised: r.normalised, example: r.example, count: r.count, lastAsked: r.last_asked }));
    },
    async disliked(limit): Promise<RatedAnswer[]> {
      return (selectDisliked.all(limit) as QuestionRow[]).map((row) => {
        const q = toQuestion(row);
        return {
          answerId: q.answerId,
          question: q.question,
          askedAt: q.askedAt,
          mode: q.mode,
          noAnswer: q.noAnswer,
          citations: q.citations,
          rating: 'down',
          comment: q.comment,
          givenAt: row.given_at ?? q.askedAt,
        };
      });
    },
    async questions(limit) {
      return (selectQuestions.all(limit) as QuestionRow[]).map(toQuestion);
    },
    async purgeBefore(instant) {
      return deleteBefore.run(instant).changes;
    },
    async close() {
      db.close();
    },
  };
}
