import { readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { normalise, renderNormalised } from '../corpus/normalise.js';
import { parsePolicy } from '../corpus/policy.js';
import { DEFAULT_INDEX_DIR } from '../engine.js';
import { UsageError } from './usage.js';

/** Normalises a policy text as published into index/policies/, and shows what was read from it. */
export function importCommand(files: string[], id: string | null): number {
  if (files.length === 0) throw new UsageError('import needs a file');
  if (id !== null && files.length > 1) throw new UsageError('--id names one file only');
  for (const file of files) {
    const policyId = id ?? basename(file, extname(file));
    if (!/^[\w.-]+$/.test(policyId)) throw new UsageError(`"${policyId}" is not a usable policy id (letters, digits, . _ -)`);
    const text = renderNormalised(normalise(readFileSync(file, 'utf8')));
    const target = join(DEFAULT_INDEX_DIR, 'policies', `${policyId}.md`);
    writeFileSync(target, text);
    const policy = parsePolicy(policyId, text);
    process.stdout.write(
      `${target}\n  title ${policy.title}\n  number ${policy.docNumber ?? '-'}  issuer ${policy.issuer ?? '-'}  region ${policy.region || '-'}\n` +
        `  valid ${policy.validFrom ?? '?'}..${policy.validTo ?? '?'}  clauses ${policy.clauses.length}\n`,
    );
  }
  return 0;
}
