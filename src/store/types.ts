import type { AnswerMode, CitationStatus } from '../protocol.js';

/**
 * What the service keeps about its use: every question answered (no addresses, no sessions) and the
 * ratings readers give. One interface; SQLite (embedded default) and PostgreSQL (several instances)
 * implement it, and one test suite runs against both.
 */

/** A clause an answer cited, as the log keeps it: enough to find it again, not its text. */
export interface CitedClause {
  policyId: string;
  clause: string;
  status: CitationStatus;
}

export type Transport = 'websocket' | 'http';

export interface QuestionRecord {
  answerId: string;
  /** ISO 8601 instant. */
  askedAt: string;
  question: string;
  region: string | null;
  asOf: string;
  mode: AnswerMode;
  noAnswer: boolean;
  citations: CitedClause[];
  latencyMs: number;
  transport: Transport;
}

export type Rating = 'up' | 'down';

export interface FeedbackRecord {
  answerId: string;
  rating: Rating;
  comment: string | null;
  givenAt: string;
}

/** Questions that got no basis, grouped by their normalised wording: the policies to add. */
export interface NoBasisGroup {
  normalised: string;
  /** The latest wording asked. */
  example: string;
  count: number;
  lastAsked: string;
}

export interface RatedAnswer {
  answerId: string;
  question: string;
  askedAt: string;
  mode: AnswerMode;
  noAnswer: boolean;
  citations: CitedClause[];
  rating: Rating;
  comment: string | null;
  givenAt: string;
}

/** A logged question with the rating it got, if any: one row of the CSV export. */
export interface LoggedQuestion extends QuestionRecord {
  rating: Rating | null;
  comment: string | null;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  logQuestion(record: QuestionRecord): Promise<void>;
  /** A reader's rating replaces an earlier one for the same answer; false when no such answer is logged. */
  rate(feedback: FeedbackRecord): Promise<boolean>;
  noBasis(limit: number): Promise<NoBasisGroup[]>;
  disliked(limit: number): Promise<RatedAnswer[]>;
  questions(limit: number): Promise<LoggedQuestion[]>;
  /** Forgets questions (and their ratings) asked before the instant; returns how many. */
  purgeBefore(instant: string): Promise<number>;
  close(): Promise<void>;
}

/** The rows a listing or export returns at most. */
export const MAX_LISTING_ROWS = 10_000;
