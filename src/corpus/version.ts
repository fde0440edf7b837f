import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Which parser and tokenizer built a snapshot. PARSER_VERSION is bumped by hand whenever the same
 * text parses or tokenises differently, so the history says when and why; the hash of the parsing
 * and tokenising modules themselves catches a change nobody bumped for. A comment-only edit rebuilds
 * too, which costs seconds; serving an old parse after an upgrade costs wrong answers.
 */
export const PARSER_VERSION = 2;

/** The folders (relative to src/ or dist/) whose code decides what a clause and its terms are. */
const PARSING_CODE = ['corpus', 'text'];
const INDEXING_CODE = ['search/index'];

let memo: string | null = null;

export function parserSignature(): string {
  if (memo !== null) return memo;
  const here = fileURLToPath(import.meta.url);
  // The same kind of file this module is: .ts under the test runner, .js when built.
  const ext = extname(here);
  const root = new URL('../', import.meta.url);
  const hash = createHash('sha256');
  for (const folder of PARSING_CODE) {
    const dir = new URL(`${folder}/`, root);
    for (const name of readdirSync(dir).filter((n) => n.endsWith(ext)).sort()) {
      hash.update(`${folder}/${name}\0`).update(readFileSync(new URL(name, dir))).update('\0');
    }
  }
  for (const file of INDEXING_CODE) hash.update(`${file}\0`).update(readFileSync(new URL(`${file}${ext}`, root)));
  memo = `parser@${PARSER_VERSION}+${hash.digest('hex').slice(0, 16)}`;
  return memo;
}
