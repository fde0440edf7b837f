import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Which parser and tokenizer built a snapshot. PARSER_VERSION is bumped by hand whenever the same
 * text parses or tokenises differently, so the history says when and why; the hash of the parsing
 * and tokenising modules themselves catches a change nobody bumped for. A comment-only edit rebuilds
 * too, which costs seconds; serving an old parse after an upgrade costs wrong answers.
 */
export const PARSER_VERSION = 11;

/** The folders (relative to src/ or dist/) whose code decides what a clause and its terms are. */
const PARSING_CODE = ['corpus', 'text'];
const INDEXING_CODE = ['search/index'];

let memo: string | null = null;

/**
 * The TypeScript sources where they are (a checkout, or a package that ships them), so that the
 * test runner and the built program, which may share a snapshot, agree; else the compiled modules.
 */
function codeRoot(): { root: URL; ext: string } {
  const sources = new URL('../../src/', import.meta.url);
  if (existsSync(fileURLToPath(new URL('corpus/version.ts', sources)))) return { root: sources, ext: '.ts' };
  return { root: new URL('../', import.meta.url), ext: extname(fileURLToPath(import.meta.url)) };
}

export function parserSignature(): string {
  if (memo !== null) return memo;
  const { root, ext } = codeRoot();
  const hash = createHash('sha256');
  for (const folder of PARSING_CODE) {
    const dir = new URL(`${folder}/`, root);
    for (const name of readdirSync(dir).filter((n) => n.endsWith(ext) && !n.endsWith('.d.ts')).sort()) {
      hash.update(`${folder}/${name}\0`).update(readFileSync(new URL(name, dir))).update('\0');
    }
  }
  for (const file of INDEXING_CODE) hash.update(`${file}\0`).update(readFileSync(new URL(`${file}${ext}`, root)));
  memo = `parser@${PARSER_VERSION}+${hash.digest('hex').slice(0, 16)}`;
  return memo;
}
