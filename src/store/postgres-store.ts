import pg from 'pg';
import { MIGRATIONS } from './migrations.js';
import { normaliseQuestion } from './normalise.js';
import type { CitedClause, LoggedQuestion, NoBasisGroup, QuestionRecord, RatedAnswer, Rating, Store } from './types.js';

/** The shared store for several instances: PostgreSQL through a small connection pool. */

/** Connections one instance holds at most: writes are single short statements. */
const POOL_SIZE = 5;
/** Any number, the same in every instance: migrations run under this advisory lock, one instance at a time. */
const MIGRATION_LOCK = 0x706f6c71;

interface QuestionRow {
  answer_id: string;
  asked_at: Date;
  question: string;
  region: string | null;
  as_of: string;
  mode: QuestionRecord['mode'];
  no_answer: boolean;
  citations: CitedClause[];
  latency_ms: number;
  transport: QuestionRecord['transport'];
  rating: Rating | null;
  comment: string | null;
  given_at: Date | null;
}

function toQuestion(row: QuestionRow): LoggedQuestion {
  return {
    answerId: row.answer_id,
    askedAt: row.asked_at.toISOString(),
    question: row.question,
    region: row.region,
    asOf: row.as_of,
    mode: row.mode,
    noAnswer: row.no_answer,
    citations: row.citations,
    latencyMs: row.latency_ms,
    transport: row.transport,
    rating: row.rating,
    comment: row.comment,
  };
}

async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)');
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((r) => r.version));
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.postgres);
        await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, now())', [migration.version]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}

export async function openPostgresStore(url: string, onError: (error: Error) => void): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
  // An idle connection that drops is replaced by the pool; it must not take the process down.
  pool.on('error', onError);
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const joined = 'SELECT q.*, f.rating, f.comment, f.given_at FROM questions q';

  return {
    kind: 'postgres',
    async logQuestion(record) {
      await pool.query(
        `INSERT INTO questions (answer_id, asked_at, question, normalised, region, as_of, mode, no_answer, citations, latency_ms, transport)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          record.answerId,
          record.askedAt,
          record.question,
          normaliseQuestion(record.question),
          record.region,
          record.asOf,
          record.mode,
          record.noAnswer,
          JSON.stringify(record.citations),
          record.latencyMs,
          record.transport,
        ],
      );
    },
    async rate(feedback) {
      const result = await pool.query(
        `INSERT INTO feedback (answer_id, rating, comment, given_at) SELECT $1, $2, $3, $4
         WHERE EXISTS (SELECT 1 FROM questions WHERE answer_id = $1)
         ON CONFLICT (answer_id) DO UPDATE SET rating = excluded.rating, comment = excluded.comment, given_at = excluded.given_at`,
        [feedback.answerId, feedback.rating, feedback.comment, feedback.givenAt],
      );
      return (result.rowCount ?? 0) > 0;
    },
    async noBasis(limit): Promise<NoBasisGroup[]> {
      const { rows } = await pool.query<{ normalised: string; count: string; last_asked: Date; example: string }>(
        `SELECT normalised, count(*) AS count, max(asked_at) AS last_asked,
                (array_agg(question ORDER BY asked_at DESC))[1] AS example
         FROM questions WHERE no_answer GROUP BY normalised ORDER BY count(*) DESC, max(asked_at) DESC LIMIT $1`,
        [limit],
      );
      return rows.map((r) => ({ normalised: r.normalised, example: r.example, count: Number(r.count), lastAsked: r.last_asked.toISOString() }));
    },
    async disliked(limit): Promise<RatedAnswer[]> {
      const { rows } = await pool.query<QuestionRow>(
        `${joined} JOIN feedback f ON f.answer_id = q.answer_id WHERE f.rating = 'down' ORDER BY f.given_at DESC LIMIT $1`,
        [limit],
      );
      return rows.map((row) => {
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
          givenAt: (row.given_at ?? row.asked_at).toISOString(),
        };
      });
    },
    async questions(limit) {
      const { rows } = await pool.query<QuestionRow>(
        `${joined} LEFT JOIN feedback f ON f.answer_id = q.answer_id ORDER BY q.asked_at DESC LIMIT $1`,
        [limit],
      );
      return rows.map(toQuestion);
    },
    async purgeBefore(instant) {
      const result = await pool.query('DELETE FROM questions WHERE asked_at < $1', [instant]);
      return result.rowCount ?? 0;
    },
    async close() {
      await pool.end();
    },
  };
}
