import type { RawData } from 'ws';

/**
 * What a client's websocket frame says, read without trusting it: a JSON text object of a known
 * type, with a well-formed id and no field its type does not have. Anything else is a refusal with
 * the reason a client developer needs.
 */

export const MAX_ID_LENGTH = 64;

/** The keys each frame type may carry: anything else is refused, not silently dropped. */
const FRAME_KEYS: Record<string, Set<string>> = {
  ask: new Set(['type', 'id', 'question', 'region', 'asOf', 'history']),
  cancel: new Set(['type', 'id']),
};

export type ClientFrame =
  | { ok: true; type: 'ask' | 'cancel'; id: string | null; fields: Record<string, unknown> }
  | { ok: false; id: string | undefined; message: string };

export function readClientFrame(data: RawData, isBinary: boolean): ClientFrame {
  const refused = (message: string, id?: string | null): ClientFrame => ({ ok: false, id: id ?? undefined, message });
  if (isBinary) return refused('binary frames are not accepted: send JSON text frames');
  const text = Buffer.isBuffer(data) ? data.toString('utf8') : Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data).toString('utf8');
  // Most junk is not even the start of an object: refused without the cost of a parse error.
  if (!/^\s*\{/.test(text)) return refused('frame must be a JSON object with a "type"');
  let frame: unknown;
  try {
    frame = JSON.parse(text);
  } catch {
    return refused('frame is not valid JSON');
  }
  if (frame === null || typeof frame !== 'object' || Array.isArray(frame)) return refused('frame must be a JSON object with a "type"');
  const fields = frame as Record<string, unknown>;
  const id = validId(fields.id);
  if (fields.id !== undefined && id === null) return refused(`id must be a string of 1 to ${MAX_ID_LENGTH} printable characters`);
  const type = fields.type;
  if (type !== 'ask' && type !== 'cancel') return refused('unknown frame type: expected "ask" or "cancel"', id);
  const allowed = FRAME_KEYS[type] as Set<string>;
  const unknown = Object.keys(fields).find((key) => !allowed.has(key));
  if (unknown !== undefined) return refused(`unknown field "${unknown.slice(0, 40)}" in a ${type} frame`, id);
  return { ok: true, type, id, fields };
}

function validId(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_ID_LENGTH) return null;
  return /^[\x21-\x7e\p{L}\p{N}]+$/u.test(value) ? value : null;
}
