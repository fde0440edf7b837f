/**
 * The wire protocol, defined once: the answer object, its citations and every websocket frame, for
 * the server (src/) and the browser pages (web/src/) alike. Types only: nothing here exists at run
 * time, so both compile from it without sharing code.
 */

/** YYYY-MM-DD. */
export type IsoDateString = string;

/** A policy's validity on the date a question is asked about. */
export type CitationStatus = 'in-force' | 'expired' | 'abolished' | 'not-yet-in-force' | 'unknown';

/** One cited clause. */
export interface Citation {
  n: number;
  policyId: string;
  title: string;
  docNumber: string | null;
  issuer: string | null;
  region: string;
  /** The clause as cited: 第五条, （三）, 5. */
  clause: string;
  /** The whole clause, as the document words it. */
  text: string;
  validFrom: IsoDateString | null;
  validTo: IsoDateString | null;
  status: CitationStatus;
  /** For an abolished policy: the policy that abolished it, and when. */
  abolishedBy?: string;
  abolishedOn?: IsoDateString;
}

export type AnswerMode = 'extractive' | 'llm';

/** The answer object: CLI --json output, POST /api/ask body, the websocket `done` frame's payload. */
export interface AnswerObject {
  /** Names this answer for feedback (POST /api/feedback) and the question log. */
  answerId: string;
  question: string;
  /** Markdown with [n] markers, each naming an entry of `citations`. */
  answer: string;
  mode: AnswerMode;
  noAnswer: boolean;
  citations: Citation[];
  /**
   * Generated answers only: whether every sentence passed the grounding check, and how many were
   * removed because they did not. A page shows "checked" only when `checked` is true.
   */
  grounding?: { checked: boolean; removed: number };
}

export type ErrorCode =
  | 'bad-request'
  | 'bad-question'
  | 'question-too-long'
  | 'bad-region'
  | 'bad-date'
  | 'bad-history'
  | 'rate-limited'
  | 'llm-failed'
  | 'cancelled'
  | 'internal';

/** An earlier turn of the conversation a question belongs to, as the page resends it. */
export interface HistoryTurn {
  question: string;
  /** The answer's text (Markdown); only what the answer said, never its citations. */
  answer: string;
}

/** client → server. */
export interface AskFrame {
  type: 'ask';
  id: string;
  question: string;
  region?: string | null;
  asOf?: IsoDateString | null;
  /**
   * The conversation so far, oldest first. When present it replaces the turns the connection has
   * seen, so a page that reloads, reconnects or starts a new conversation says which context it means.
   */
  history?: HistoryTurn[];
}

export interface CancelFrame {
  type: 'cancel';
  id: string;
}

export type ClientFrame = AskFrame | CancelFrame;

/** server → client. */
export interface SourcesFrame {
  type: 'sources';
  id: string;
  citations: Citation[];
}

export interface DeltaFrame {
  type: 'delta';
  id: string;
  text: string;
}

export type DoneFrame = { type: 'done'; id: string } & AnswerObject;

export interface ErrorFrame {
  type: 'error';
  /** Absent when the frame that failed had no usable id. */
  id?: string;
  code: ErrorCode;
  /** For logs and developers, in English; pages show their own words for `code`. */
  message: string;
}

export type ServerFrame = SourcesFrame | DeltaFrame | DoneFrame | ErrorFrame;

/** POST /api/feedback. */
export interface FeedbackRequest {
  answerId: string;
  rating: 'up' | 'down';
  comment?: string | null;
}

/** The body of every 4xx/5xx answer of the HTTP API. */
export interface ErrorBody {
  error: { code: string; message: string };
}

/** GET /api/policies/:id: a whole policy, for the page that shows it. */
export interface PolicyDocument {
  id: string;
  title: string;
  docNumber: string | null;
  issuer: string | null;
  region: string;
  issued: IsoDateString | null;
  validFrom: IsoDateString | null;
  validTo: IsoDateString | null;
  status: CitationStatus;
  asOf: IsoDateString;
  clauses: { label: string; sectionPath: string[]; text: string }[];
}

/** GET /api/policies: one entry per policy. */
export interface PolicySummary {
  id: string;
  title: string;
  docNumber: string | null;
  issuer: string | null;
  region: string;
  issued: IsoDateString | null;
  validFrom: IsoDateString | null;
  validTo: IsoDateString | null;
  status: CitationStatus;
  clauses: number;
}
