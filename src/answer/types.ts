import type { IsoDate, ValidityStatus } from '../corpus/types.js';

/** One cited clause, as the JSON answer object of the guide defines it. */
export interface Citation {
  n: number;
  policyId: string;
  title: string;
  docNumber: string | null;
  issuer: string | null;
  region: string;
  clause: string;
  text: string;
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
  status: ValidityStatus;
}

export type AnswerMode = 'extractive' | 'llm';

/** The answer object: CLI --json output, POST /api/ask body, the websocket `done` frame's payload. */
export interface AnswerObject {
  question: string;
  answer: string;
  mode: AnswerMode;
  noAnswer: boolean;
  citations: Citation[];
  /**
   * Generated answers only: whether every sentence passed the grounding check (grounding.ts), and
   * how many were removed because they did not. "Checked" is shown only when `checked` is true.
   */
  grounding?: { checked: boolean; removed: number };
}

export type ErrorCode =
  | 'bad-request'
  | 'bad-question'
  | 'question-too-long'
  | 'bad-region'
  | 'bad-date'
  | 'rate-limited'
  | 'llm-failed'
  | 'cancelled'
  | 'internal';

export type AnswerEvent =
  | { type: 'sources'; citations: Citation[] }
  | { type: 'delta'; text: string }
  | { type: 'done'; answer: AnswerObject }
  | { type: 'error'; code: ErrorCode; message: string };
