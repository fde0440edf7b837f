import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import type { ErrorBody, FeedbackRequest } from '../protocol.js';
import type { Store } from '../store/index.js';

/** POST /api/feedback {"answerId", "rating": "up" | "down", "comment"?} → 204; unknown answer → 404; bad body → 400. */

/** A comment says what was wrong with an answer; a page of text is not feedback. */
export const MAX_COMMENT_CHARS = 1000;

const feedbackBody = {
  type: 'object',
  required: ['answerId', 'rating'],
  additionalProperties: false,
  properties: {
    answerId: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' },
    rating: { type: 'string', enum: ['up', 'down'] },
    comment: { type: ['string', 'null'], maxLength: MAX_COMMENT_CHARS },
  },
} as const;

const FIELDS = new Set(Object.keys(feedbackBody.properties));

/** Fastify's validator drops keys it does not know; a body with one is refused instead, before that. */
function unknownKey(body: unknown): string | null {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return null;
  return Object.keys(body).find((key) => !FIELDS.has(key)) ?? null;
}

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function refuse(code: string, message: string): ErrorBody {
  return { error: { code, message } };
}

export function registerFeedbackRoute(app: FastifyInstance, deps: { store: Store; config: Config }): void {
  app.post<{ Body: FeedbackRequest }>(
    '/api/feedback',
    {
      schema: { body: feedbackBody },
      attachValidation: true,
      preValidation: async (request, reply) => {
        const key = unknownKey(request.body);
        if (key !== null) return reply.status(400).send(refuse('bad-request', `invalid feedback: unknown field "${key}"`));
      },
    },
    async (request, reply) => {
      if (request.validationError) {
        return reply.status(400).send(refuse('bad-request', `invalid feedback: ${request.validationError.message}`));
      }
      const comment = request.body.comment?.trim() || null;
      if (comment !== null && CONTROL.test(comment)) {
        return reply.status(400).send(refuse('bad-request', 'comment contains control characters'));
      }
      const known = await deps.store.rate({
        answerId: request.body.answerId,
        rating: request.body.rating,
        comment,
        givenAt: new Date().toISOString(),
      });
      if (!known) return reply.status(404).send(refuse('unknown-answer', 'no answer with this answerId is on record'));
      return reply.status(204).send();
    },
  );
}
