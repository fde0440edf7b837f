/**
 * The schema, as numbered steps applied in order and recorded in schema_migrations, one text per
 * database. A step once released is never edited: a change is a new step.
 */
export interface Migration {
  version: number;
  sqlite: string;
  postgres: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    sqlite: `
      CREATE TABLE questions (
        answer_id TEXT PRIMARY KEY,
        asked_at TEXT NOT NULL,
        question TEXT NOT NULL,
        normalised TEXT NOT NULL,
        region TEXT,
        as_of TEXT NOT NULL,
        mode TEXT NOT NULL,
        no_answer INTEGER NOT NULL,
        citations TEXT NOT NULL,
        latency_ms INTEGER NOT NULL,
        transport TEXT NOT NULL
      );
      CREATE INDEX questions_asked_at ON questions (asked_at);
      CREATE INDEX questions_no_answer ON questions (no_answer, normalised);
      CREATE TABLE feedback (
        answer_id TEXT PRIMARY KEY REFERENCES questions (answer_id) ON DELETE CASCADE,
        rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
        comment TEXT,
        given_at TEXT NOT NULL
      );
      CREATE INDEX feedback_rating ON feedback (rating, given_at);`,
    postgres: `
      CREATE TABLE questions (
        answer_id TEXT PRIMARY KEY,
        asked_at TIMESTAMPTZ NOT NULL,
        question TEXT NOT NULL,
        normalised TEXT NOT NULL,
        region TEXT,
        as_of TEXT NOT NULL,
        mode TEXT NOT NULL,
        no_answer BOOLEAN NOT NULL,
        citations JSONB NOT NULL,
        latency_ms INTEGER NOT NULL,
        transport TEXT NOT NULL
      );
      CREATE INDEX questions_asked_at ON questions (asked_at);
      CREATE INDEX questions_no_answer ON questions (no_answer, normalised);
      CREATE TABLE feedback (
        answer_id TEXT PRIMARY KEY REFERENCES questions (answer_id) ON DELETE CASCADE,
        rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
        comment TEXT,
        given_at TIMESTAMPTZ NOT NULL
      );
      CREATE INDEX feedback_rating ON feedback (rating, given_at);`,
  },
];
