import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { policyStatus } from '../corpus/dates.js';
import { parsePolicyFiles, POLICY_EXTENSIONS, readPolicyFiles } from '../corpus/load.js';
import type { IsoDate, Policy, ValidityStatus } from '../corpus/types.js';
import { idFromFileName, MAX_ID_LENGTH, POLICY_ID } from './policy-id.js';
import { MAX_FILE_BYTES, readBytes } from './read.js';
import { toStored, type Stored } from './to-policy.js';
import { IngestError, type RefusalReason } from './types.js';

/**
 * The one import step, whichever way a policy file arrives (`policy-qa import` names files, the
 * console uploads one): its bytes in any supported format are read, what is not a policy is refused
 * with the reason, and the rest is stored normalised in <index>/policies/ID.md, where a running
 * server picks it up. The shells only word the refusals for their users and show the report.
 */

export type ImportRefusalReason = RefusalReason | 'too-large' | 'bad-id' | 'exists' | 'duplicate-id' | 'no-chinese' | 'no-clauses' | 'no-region';

export class ImportRefused extends Error {
  override name = 'ImportRefused';
  constructor(
    readonly reason: ImportRefusalReason,
    message: string,
  ) {
    super(message);
  }
}

export interface ImportRequest {
  /** The file's name: its extension helps to tell the format; it gives the id when none is named. */
  name: string;
  bytes: Buffer;
  id?: string | null;
  /** The region, for a text that names none (or names it wrongly). */
  region?: string | null;
  /** Replace a policy stored under the same id. */
  replace?: boolean;
}

export interface PreparedImport {
  name: string;
  id: string;
  /** The file it is stored in. */
  target: string;
  stored: Stored;
}

export interface ImportReport {
  id: string;
  file: string;
  title: string;
  docNumber: string | null;
  issuer: string | null;
  region: string;
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
  status: ValidityStatus;
  clauses: number;
  /** Policies on file that this one abolishes, and from when. */
  abolishes: { id: string; title: string; on: IsoDate | null }[];
  abolishedBy: { id: string; on: IsoDate | null } | null;
  /** A sentence for each field that could not be read. */
  warnings: string[];
}

const HAN = /\p{Script=Han}/u;

/** The files a policy id is stored in, .md or .txt. */
function filesOf(policiesDir: string, id: string): string[] {
  return [...POLICY_EXTENSIONS].map((ext) => join(policiesDir, `${id}${ext}`)).filter((path) => existsSync(path));
}

/**
 * Reads one file and decides whether it may be stored; throws ImportRefused with the reason. `taken`
 * holds the ids of other files imported together, so that two are never stored under one id.
 */
export async function prepareImport(request: ImportRequest, policiesDir: string, taken: Set<string> = new Set()): Promise<PreparedImport> {
  const id = request.id ?? idFromFileName(request.name);
  if (!POLICY_ID.test(id) || id.length > MAX_ID_LENGTH) {
    throw new ImportRefused('bad-id', `"${id}" is not a usable policy id (letters, digits, . _ -, up to ${MAX_ID_LENGTH})`);
  }
  if (taken.has(id)) throw new ImportRefused('duplicate-id', `two files would both be stored as "${id}"`);
  taken.add(id);
  const existing = filesOf(policiesDir, id);
  if (existing.length > 0 && request.replace !== true) throw new ImportRefused('exists', `a policy "${id}" exists already (${existing.join(', ')})`);
  if (request.bytes.length > MAX_FILE_BYTES) {
    throw new ImportRefused('too-large', `the file is ${(request.bytes.length / 1e6).toFixed(0)} MB; the limit is ${MAX_FILE_BYTES / 1e6} MB`);
  }

  let result;
  try {
    result = await readBytes(request.name, request.bytes);
  } catch (error) {
    if (error instanceof IngestError) throw new ImportRefused(error.reason, error.message);
    throw error;
  }
  if (!HAN.test(result.text)) throw new ImportRefused('no-chinese', 'no Chinese text in it: this does not look like a policy document');
  const region = request.region?.trim();
  const stored = toStored(id, result, region ? { region } : {});
  if (stored.policy.clauses.length === 0) throw new ImportRefused('no-clauses', 'no clauses could be read from it');
  if (stored.policy.region === '') throw new ImportRefused('no-region', 'no region could be read (neither the issuer nor the title names one)');
  return { name: request.name, id, target: join(policiesDir, `${id}.md`), stored };
}

/** Writes prepared imports; each replaces any other file of its id. */
export function storeImports(prepared: PreparedImport[], policiesDir: string): void {
  mkdirSync(policiesDir, { recursive: true });
  for (const p of prepared) {
    // Written beside the target and renamed: a watching server never reads half a file.
    const temporary = join(policiesDir, `.${p.id}.md.tmp-${process.pid}`);
    writeFileSync(temporary, p.stored.text);
    renameSync(temporary, p.target);
    for (const name of readdirSync(policiesDir)) {
      if (name !== `${p.id}.md` && [...POLICY_EXTENSIONS].some((ext) => name === `${p.id}${ext}`)) rmSync(join(policiesDir, name));
    }
  }
}

/** The policies already on file with the new ones in place, to report abolitions both ways. */
function corpusWith(policiesDir: string, prepared: PreparedImport[]): Policy[] {
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

export function importWarnings(policy: Policy): string[] {
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

/** What was read from each prepared import, as the corpus will see it once stored. */
export function importReports(prepared: PreparedImport[], policiesDir: string, today: IsoDate): ImportReport[] {
  const corpus = corpusWith(policiesDir, prepared);
  return prepared.map((p) => {
    const policy = corpus.find((c) => c.id === p.id) ?? p.stored.policy;
    return {
      id: p.id,
      file: p.target,
      title: policy.title,
      docNumber: policy.docNumber,
      issuer: policy.issuer,
      region: policy.region,
      validFrom: policy.validFrom,
      validTo: policy.validTo,
      status: policyStatus(policy, today),
      clauses: policy.clauses.length,
      abolishes: corpus.filter((o) => o.abolishedBy === policy.id).map((o) => ({ id: o.id, title: o.title, on: o.abolishedOn })),
      abolishedBy: policy.abolishedBy ? { id: policy.abolishedBy, on: policy.abolishedOn } : null,
      warnings: importWarnings(policy),
    };
  });
}
