import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { POLICY_EXTENSIONS } from '../corpus/load.js';

/**
 * An index folder for evaluating over a larger corpus: the shipped dictionaries and policies plus the
 * policy files of other folders, assembled in a temporary folder so the shipped index is not touched.
 */
export function assembleIndexDir(baseIndexDir: string, extraPolicyDirs: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'policy-qa-eval-'));
  cpSync(join(baseIndexDir, 'dict'), join(dir, 'dict'), { recursive: true });
  cpSync(join(baseIndexDir, 'policies'), join(dir, 'policies'), { recursive: true });
  for (const extra of extraPolicyDirs) {
    for (const name of readdirSync(extra)) {
      if (POLICY_EXTENSIONS.has(extname(name).toLowerCase()) && !['readme.md', 'manifest.md'].includes(name.toLowerCase())) {
        cpSync(join(extra, name), join(dir, 'policies', name));
      }
    }
  }
  return dir;
}
