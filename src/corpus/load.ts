import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parsePolicy } from './policy.js';
import { linkAbolitions } from './supersession.js';
import type { Policy } from './types.js';

export const POLICY_EXTENSIONS = new Set(['.md', '.txt']);

export class CorpusError extends Error {
  override name = 'CorpusError';
}

export interface PolicyFile {
  name: string;
  text: string;
}

/** Every policy file in a folder (.md, .txt; not README.md), in file-name order. */
export function readPolicyFiles(folder: string): PolicyFile[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (error) {
    throw new CorpusError(`cannot read the policy folder ${folder}: ${(error as Error).message}`);
  }
  const files = names
    .filter((name) => POLICY_EXTENSIONS.has(extname(name).toLowerCase()) && !name.startsWith('.'))
    .filter((name) => name.toLowerCase() !== 'readme.md')
    .filter((name) => statSync(join(folder, name)).isFile())
    .sort()
    .map((name) => ({ name, text: readFileSync(join(folder, name), 'utf8') }));
  if (files.length === 0) throw new CorpusError(`no policy files (.md, .txt) in ${folder}`);
  return files;
}

export function parsePolicyFiles(files: PolicyFile[]): Policy[] {
  const policies = files.map((file) => parsePolicy(basename(file.name, extname(file.name)), file.text, file.name));
  const seen = new Map<string, string>();
  for (const policy of policies) {
    const other = seen.get(policy.id);
    if (other) throw new CorpusError(`policy id "${policy.id}" is used by both ${other} and ${policy.source}`);
    seen.set(policy.id, policy.source);
  }
  return linkAbolitions(policies);
}

export function loadPolicies(folder: string): Policy[] {
  return parsePolicyFiles(readPolicyFiles(folder));
}
