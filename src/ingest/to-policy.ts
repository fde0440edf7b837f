import { normalise, renderNormalised } from '../corpus/normalise.js';
import { parsePolicy } from '../corpus/policy.js';
import type { Policy, PolicyMetadata } from '../corpus/types.js';
import type { ReadResult } from './types.js';

/**
 * What `import` stores: the text as read, normalised, with front matter for the hints the text alone
 * would not give back (a site prints the document number in its info block, not in the text), so that
 * the stored file parses to the same policy on every later load.
 */

const HINTED = ['title', 'docNumber', 'issuer', 'region', 'issued', 'published', 'validFrom', 'validTo', 'indexNumber'] as const;

export interface Stored {
  /** The file's content as it goes into the policies folder. */
  text: string;
  policy: Policy;
}

export function toStored(id: string, result: ReadResult, extra: Record<string, string> = {}): Stored {
  const normalised = normalise(result.text);
  const fromText = parsePolicy(id, renderNormalised(normalised));
  const overrides = { ...normalised.overrides };
  for (const key of HINTED) {
    const hint = extra[key] ?? result.hints[key];
    if (hint === undefined || hint === '' || overrides[key] !== undefined) continue;
    if (fromText[key as keyof PolicyMetadata] !== hint) overrides[key] = hint;
  }
  const text = renderNormalised({ overrides, paragraphs: normalised.paragraphs });
  return { text, policy: parsePolicy(id, text) };
}
