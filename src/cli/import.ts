import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { policyStatus, todayInChina } from '../corpus/dates.js';
import { parsePolicyFiles, readPolicyFiles, POLICY_EXTENSIONS } from '../corpus/load.js';
import type { Policy } from '../corpus/types.js';
import { indexDirFromEnv } from '../engine.js';
import { idFromFileName, POLICY_ID } from '../ingest/policy-id.js';
import { read } from '../ingest/read.js';
import { toStored, type Stored } from '../ingest/to-policy.js';
import { IngestError } from '../ingest/types.js';
import { UsageError } from './usage.js';

/**
 * policy-qa import FILE… [--id ID] [--region NAME] [--force]: reads each file (.txt in any Chinese
 * encoding, .html, .docx, .pdf), shows what was read from it and stores it, normalised, in
 * INDEX_DIR/policies/ID.md. All or nothing: when one file is refused, none is stored (exit 2, the
 * reason on stderr). A running server picks the new files up by itself.
 */

export interface ImportOptions {
  id: string | null;
  region: string | null;
  force: boolean;
}

class Refusal extends Error {}

interface Prepared {
  file: string;
  id: string;
  target: string;
  stored: Stored;
}

const HAN = /\p{Script=Han}/u;

async function prepare(file: string, options: ImportOptions, policiesDir: string, taken: Set<string>): Promise<Prepared> {
  const id = options.id ?? idFromFileName(file);
  if (!POLICY_ID.test(id)) throw new UsageError(`"${id}" is not a usable policy id (letters, digits, . _ -); name one with --id`);
  if (taken.has(id)) throw new Refusal(`two files would both be stored as "${id}": name them with --id`);
  taken.add(id);
  const existing = [...POLICY_EXTENSIONS].map((ext) => join(policiesDir, `${id}${ext}`)).filter((path) => existsSync(path));
  if (existing.length > 0 && !options.force) throw new Refusal(`a policy "${id}" exists already (${existing.join(', ')}): pass --force to replace it, or --id to store it under another id`);

  let result;
  try {
    result = await read(file);
  } catch (error) {
    if (error instanceof IngestError) throw new Refusal(error.message);
    throw error;
  }
  if (!HAN.test(result.text)) throw new Refusal('no Chinese text in it: this does not look like a policy document');
  const stored = toStored(id, result, options.region ? { region: options.region } : {});
  if (stored.policy.clauses.length === 0) throw new Refusal('no clauses could be read from it');
  if (stored.policy.region === '') {
    throw new Refusal('no region could be read (neither the issuer nor the title names one): pass --region, e.g. --region 松江区');
  }
  return { file, id, target: join(policiesDir, `${id}.md`), stored };
}

function warnings(policy: Policy): string[] {
  const out: string[] = [];
  if (policy.title === policy.id) out.push('no title found: the id stands in for it (add "title:" front matter to the stored file)');
  if (policy.docNumber === null) out.push('no document number found');
  if (policy.issuer === null) out.push('no issuer found');
  if (policy.issued === null) out.push('no issue date found');
  if (policy.validFrom === null) out.push('no start date found (施行/实施)');
  if (policy.validTo === null) out.push('no end date found: the policy shows as "validity not stated"');
  if (policy.declaredValidity && /失效|废止/.test(policy.declaredValidity) && policy.validTo === null) {
    out.push(`the site marks it "${policy.declaredValidity}", but the text states no end date`);
  }
  return [...out, ...policy.warnings];
}

function report(p: Prepared, corpus: Policy[]): string {
  const policy = corpus.find((c) => c.id === p.id) ?? p.stored.policy;
  const today = todayInChina();
  const lines = [
    `imported ${p.file} → ${p.target}`,
    `  title     ${policy.title}`,
    `  number    ${policy.docNumber ?? '-'}`,
    `  issuer    ${policy.issuer ?? '-'}`,
    `  region    ${policy.region}`,
    `  validity  ${policy.validFrom ?? '?'} .. ${policy.validTo ?? '?'} (${policyStatus(policy, today)} on ${today})`,
    `  clauses   ${policy.clauses.length}`,
  ];
  for (const other of corpus) {
    if (other.abolishedBy === policy.id) lines.push(`  note: abolishes ${other.id} 《${other.title}》 from ${other.abolishedOn}`);
  }
  if (policy.abolishedBy) lines.push(`  note: abolished by ${policy.abolishedBy} from ${policy.abolishedOn}`);
  for (const warning of warnings(policy)) lines.push(`  warning: ${warning}`);
  return `${lines.join('\n')}\n`;
}

/** The policies already on file with the new ones in place, to report abolitions both ways. */
function corpusWith(policiesDir: string, prepared: Prepared[]): Policy[] {
  const ids = new Set(prepared.map((p) => p.id));
  let files: { name: string; text: string }[] = [];
  try {
    files = readPolicyFiles(policiesDir).filter((f) => !ids.has(f.name.replace(/\.(md|txt)$/i, '')));
  } catch {
    // An empty folder: the new files are the corpus.
  }
  try {
    return parsePolicyFiles([...files, ...prepared.map((p) => ({ name: `${p.id}.md`, text: p.stored.text }))]);
  } catch {
    return prepared.map((p) => p.stored.policy);
  }
}

export async function importCommand(files: string[], options: ImportOptions): Promise<number> {
  if (files.length === 0) throw new UsageError('import needs a file');
  if (options.id !== null && files.length > 1) throw new UsageError('--id names one file only');
  const indexDir = indexDirFromEnv();
  if (!existsSync(indexDir) || !statSync(indexDir).isDirectory()) {
    process.stderr.write(`policy-qa: import refused: the index folder ${indexDir} does not exist (INDEX_DIR)\n`);
    return 2;
  }
  const policiesDir = join(indexDir, 'policies');

  const prepared: Prepared[] = [];
  const taken = new Set<string>();
  let refused = 0;
  for (const file of files) {
    try {
      prepared.push(await prepare(file, options, policiesDir, taken));
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      refused++;
      process.stderr.write(`policy-qa: import refused ${file}: ${error.message}\n`);
    }
  }
  if (refused > 0) {
    if (prepared.length > 0) process.stderr.write(`policy-qa: nothing imported (${refused} of ${files.length} files refused)\n`);
    return 2;
  }

  const corpus = corpusWith(policiesDir, prepared);
  mkdirSync(policiesDir, { recursive: true });
  for (const p of prepared) {
    // Written beside the target and renamed: a watching server never reads half a file.
    const temporary = join(policiesDir, `.${p.id}.md.tmp-${process.pid}`);
    writeFileSync(temporary, p.stored.text);
    renameSync(temporary, p.target);
    for (const name of readdirSync(policiesDir)) {
      if (name !== `${p.id}.md` && [...POLICY_EXTENSIONS].some((ext) => name === `${p.id}${ext}`)) rmSync(join(policiesDir, name));
    }
    process.stdout.write(report(p, corpus));
  }
  return 0;
}
