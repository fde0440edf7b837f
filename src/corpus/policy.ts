import { parseClauses } from './clauses.js';
import { extractMetadata } from './metadata.js';
import { normalise } from './normalise.js';
import { panelText } from './fragments.js';
import type { Policy } from './types.js';

/** One policy file's text → its metadata and clauses. Pure: the loader does the reading. */
export function parsePolicy(id: string, raw: string, source = `${id}.md`): Policy {
  const normalised = normalise(raw);
  const overrides = normalised.overrides;
  const paragraphs = normalised.paragraphs.map(panelText);
  const policyId = overrides.id ?? id;
  const clauses = parseClauses(policyId, paragraphs);
  const metadata = extractMetadata(policyId, paragraphs, clauses, overrides);
  return { ...metadata, clauses, source };
}
