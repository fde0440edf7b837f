import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalise, renderNormalised } from '../corpus/normalise.js';
import { parsePolicy } from '../corpus/policy.js';

/**
 * The console's import: the same steps as `policy-qa import` (normalise the text as published, store
 * it in <index>/policies/ID.md, read its metadata back), for a file uploaded instead of named.
 */

export const POLICY_ID = /^[A-Za-z0-9][\w.-]{0,79}$/;

export type ImportResult =
  | {
      ok: true;
      id: string;
      file: string;
      title: string;
      docNumber: string | null;
      issuer: string | null;
      region: string;
      validFrom: string | null;
      validTo: string | null;
      clauses: number;
    }
  | { ok: false; status: 400 | 409; code: string; message: string };

export function importPolicyText(indexDir: string, id: string, raw: string, replace: boolean): ImportResult {
  if (!POLICY_ID.test(id)) return { ok: false, status: 400, code: 'bad-id', message: 'the id may hold letters, digits, . _ - (up to 80)' };
  const folder = join(indexDir, 'policies');
  const file = join(folder, `${id}.md`);
  if (!replace && (existsSync(file) || existsSync(join(folder, `${id}.txt`)))) {
    return { ok: false, status: 409, code: 'exists', message: `a policy with the id "${id}" is already on file` };
  }
  const text = renderNormalised(normalise(raw));
  const policy = parsePolicy(id, text);
  if (policy.clauses.length === 0) return { ok: false, status: 400, code: 'no-clauses', message: 'no clause could be read from the text' };
  mkdirSync(folder, { recursive: true });
  writeFileSync(file, text);
  return {
    ok: true,
    id,
    file: `${id}.md`,
    title: policy.title,
    docNumber: policy.docNumber,
    issuer: policy.issuer,
    region: policy.region,
    validFrom: policy.validFrom,
    validTo: policy.validTo,
    clauses: policy.clauses.length,
  };
}
