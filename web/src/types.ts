/** The frames and answer object of the chat protocol, as the browser sees them. */

export type Status = 'in-force' | 'expired' | 'not-yet-in-force' | 'unknown';

export interface Citation {
  n: number;
  policyId: string;
  title: string;
  docNumber: string | null;
  issuer: string | null;
  region: string;
  clause: string;
  text: string;
  validFrom: string | null;
  validTo: string | null;
  status: Status;
}

export interface AnswerObject {
  question: string;
  answer: string;
  mode: 'extractive' | 'llm';
  noAnswer: boolean;
  citations: Citation[];
  /** Generated answers: whether every sentence passed the server's grounding check. */
  grounding?: { checked: boolean; removed: number };
}

export type ServerFrame =
  | { type: 'sources'; id: string; citations: Citation[] }
  | { type: 'delta'; id: string; text: string }
  | ({ type: 'done'; id: string } & AnswerObject)
  | { type: 'error'; id?: string; code: string; message: string };
