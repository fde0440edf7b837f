import type { FeedbackRequest } from '../../src/protocol.js';

/** POST /api/feedback; true when the server took the rating (204). */
export async function sendFeedback(body: FeedbackRequest): Promise<boolean> {
  try {
    const response = await fetch('/api/feedback', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return response.status === 204;
  } catch {
    return false;
  }
}
