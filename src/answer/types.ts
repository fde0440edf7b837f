import type { ValidityStatus } from '../corpus/types.js';
import type { AnswerObject as WireAnswer, Citation as WireCitation, ErrorCode } from '../protocol.js';

export type { AnswerMode, ErrorCode } from '../protocol.js';

/** A citation as the server makes it: the wire citation, with the statuses the corpus knows of. */
export type Citation = Omit<WireCitation, 'status'> & { status: ValidityStatus };

/** The answer object as it goes on the wire, with its answerId. */
export type NamedAnswer = Omit<WireAnswer, 'citations'> & { citations: Citation[] };

/**
 * The answer object as a composer (extractive or model) writes it: everything but its answerId,
 * which answer() gives it once, so that every transport hands out the same name for one answer.
 */
export type AnswerObject = Omit<NamedAnswer, 'answerId'>;

/** What a composer yields. */
export type AnswerEvent =
  | { type: 'sources'; citations: Citation[] }
  | { type: 'delta'; text: string }
  | { type: 'done'; answer: AnswerObject }
  | { type: 'error'; code: ErrorCode; message: string };

/** What answer() yields: the same stream, with the finished answer named. */
export type NamedAnswerEvent = Exclude<AnswerEvent, { type: 'done' }> | { type: 'done'; answer: NamedAnswer };
