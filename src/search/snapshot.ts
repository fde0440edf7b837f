import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Policy } from '../corpus/types.js';
import type { SavedIndex } from './index.js';

/**
 * The index on disk, so that a server starts without tokenising the corpus again. A snapshot is used
 * only when everything about it checks out: its format, the tokenizer and dictionaries it was built
 * with, the policy files it was built from, and a checksum of every file in it. Anything else (an
 * older build, edited policies, another dictionary, a truncated or corrupt file) is refused with the
 * reason, and the caller rebuilds. A snapshot is written to a temporary folder and renamed into place,
 * so a reader never sees half of one.
 */

export const SNAPSHOT_FORMAT = 2;

export interface SnapshotManifest {
  format: number;
  tokenizer: string;
  /** The parser and indexing code that built it (PARSER_VERSION and a hash of that code). */
  parser: string;
  corpus: string;
  created: string;
  policies: number;
  clauses: number;
  files: Record<string, string>;
}

export interface SnapshotContent {
  policies: Policy[];
  saved: SavedIndex;
}

/** What a snapshot must have been built with to be used. */
export interface SnapshotIdentity {
  tokenizer: string;
  parser: string;
  corpus: string;
}

export type SnapshotRead = ({ ok: true } & SnapshotContent) | { ok: false; reason: string };

const MAGIC = 0x31565150; // "PQV1"
const FILES = { corpus: 'corpus.json', index: 'index.json', vectors: 'vectors.bin' } as const;

const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

/** Identifies a corpus by its files' names and contents. */
export function corpusFingerprint(files: { name: string; text: string }[]): string {
  const hash = createHash('sha256');
  for (const file of [...files].sort((a, b) => a.name.localeCompare(b.name))) hash.update(file.name).update('\0').update(file.text).update('\0');
  return hash.digest('hex');
}

/** The binary layout of vectors.bin: a header, then the four arrays as they lie in memory. */
function vectorParts(vectors: SavedIndex['vectors']): Buffer[] {
  const header = Buffer.alloc(12);
  header.writeUInt32LE(MAGIC, 0);
  header.writeUInt32LE(vectors.lengths.length, 4);
  header.writeUInt32LE(vectors.termIds.length, 8);
  const view = (array: Uint32Array | Uint16Array): Buffer => Buffer.from(array.buffer, array.byteOffset, array.byteLength);
  return [header, view(vectors.offsets), view(vectors.lengths), view(vectors.termIds), view(vectors.counts)];
}

function decodeVectors(buffer: Buffer): SavedIndex['vectors'] {
  if (buffer.length < 12 || buffer.readUInt32LE(0) !== MAGIC) throw new Error('vectors.bin has no snapshot header');
  const n = buffer.readUInt32LE(4);
  const total = buffer.readUInt32LE(8);
  const expected = 12 + (n + 1) * 4 + n * 4 + total * 6;
  if (buffer.length !== expected) throw new Error(`vectors.bin is ${buffer.length} bytes, expected ${expected}`);
  // Copied into fresh, aligned buffers.
  let at = 12;
  const take = <T extends Uint32Array | Uint16Array>(make: (b: ArrayBuffer) => T, bytes: number): T => {
    const view = make(buffer.buffer.slice(buffer.byteOffset + at, buffer.byteOffset + at + bytes) as ArrayBuffer);
    at += bytes;
    return view;
  };
  return {
    offsets: take((b) => new Uint32Array(b), (n + 1) * 4),
    lengths: take((b) => new Uint32Array(b), n * 4),
    termIds: take((b) => new Uint32Array(b), total * 4),
    counts: take((b) => new Uint16Array(b), total * 2),
  };
}

/** Writes a file piece by piece, hashing as it goes, so that no whole-file string is ever built. */
class HashedWriter {
  private readonly hash = createHash('sha256');
  private readonly fd: number;

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  write(data: string | Buffer): void {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    this.hash.update(bytes);
    writeSync(this.fd, bytes);
  }

  close(): string {
    closeSync(this.fd);
    return this.hash.digest('hex');
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** No build writes for this long (100,000 clauses take seconds): older staging is abandoned, whatever its pid. */
const STAGING_MAX_AGE_MS = 60 * 60 * 1000;

/**
 * Staging folders (snapshot.tmp-PID-TIME) whose process is gone: a build killed before it could
 * clean up (kill -9). A live process's recent folder is another build still writing, and stays.
 */
function removeOrphanedStaging(dir: string): void {
  const parent = dirname(dir);
  const prefix = `${basename(dir)}.tmp-`;
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const [pid, started] = name.slice(prefix.length).split('-').map(Number);
    const recent = started !== undefined && Date.now() - started < STAGING_MAX_AGE_MS;
    if (pid !== undefined && Number.isInteger(pid) && pid > 0 && pid !== process.pid && recent && processAlive(pid)) continue;
    rmSync(join(parent, name), { recursive: true, force: true });
  }
}

export function writeSnapshot(
  dir: string,
  content: SnapshotContent,
  identity: SnapshotIdentity,
): void {
  const { vectors, vocabulary, documentFrequency, converted, flex } = content.saved;
  const staging = `${dir}.tmp-${process.pid}-${Date.now()}`;
  mkdirSync(dirname(dir), { recursive: true });
  removeOrphanedStaging(dir);
  mkdirSync(staging, { recursive: true });
  try {
    const files: Record<string, string> = {};

    const corpus = new HashedWriter(join(staging, FILES.corpus));
    corpus.write('{"policies":[');
    content.policies.forEach((policy, i) => corpus.write(`${i === 0 ? '' : ','}${JSON.stringify(policy)}`));
    corpus.write(']}');
    files[FILES.corpus] = corpus.close();

    const index = new HashedWriter(join(staging, FILES.index));
    index.write(`{"vocabulary":${JSON.stringify(vocabulary)},"documentFrequency":${JSON.stringify(documentFrequency)}`);
    index.write(`,"converted":${JSON.stringify(converted)},"flex":[`);
    flex.forEach(([key, data], i) => {
      index.write(`${i === 0 ? '' : ','}[${JSON.stringify(key)},`);
      index.write(JSON.stringify(data));
      index.write(']');
    });
    index.write(']}');
    files[FILES.index] = index.close();

    const binary = new HashedWriter(join(staging, FILES.vectors));
    for (const part of vectorParts(vectors)) binary.write(part);
    files[FILES.vectors] = binary.close();

    const manifest: SnapshotManifest = {
      format: SNAPSHOT_FORMAT,
      tokenizer: identity.tokenizer,
      parser: identity.parser,
      corpus: identity.corpus,
      created: new Date().toISOString(),
      policies: content.policies.length,
      clauses: content.policies.reduce((sum, p) => sum + p.clauses.length, 0),
      files,
    };
    // The manifest goes last: a folder without one is not a snapshot.
    writeFileSync(join(staging, 'manifest.json'), JSON.stringify(manifest, null, 2));
    rmSync(dir, { recursive: true, force: true });
    renameSync(staging, dir);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

export function readSnapshot(dir: string, expected: SnapshotIdentity): SnapshotRead {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) return { ok: false, reason: 'no snapshot' };
  try {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as SnapshotManifest;
    if (manifest.format !== SNAPSHOT_FORMAT) return { ok: false, reason: `snapshot format ${manifest.format}, expected ${SNAPSHOT_FORMAT}` };
    if (manifest.tokenizer !== expected.tokenizer) return { ok: false, reason: 'snapshot was built with another tokenizer or dictionary' };
    if (manifest.parser !== expected.parser) return { ok: false, reason: 'snapshot was built by another version of the parser' };
    if (manifest.corpus !== expected.corpus) return { ok: false, reason: 'the policy files changed since the snapshot was built' };
    const files: Record<string, Buffer> = {};
    for (const name of Object.values(FILES)) {
      const bytes = readFileSync(join(dir, name));
      if (sha256(bytes) !== manifest.files[name]) return { ok: false, reason: `snapshot file ${name} is corrupt or truncated` };
      files[name] = bytes;
    }
    const corpus = JSON.parse((files[FILES.corpus] as Buffer).toString('utf8')) as { policies: Policy[] };
    const rest = JSON.parse((files[FILES.index] as Buffer).toString('utf8')) as Omit<SavedIndex, 'vectors'>;
    const vectors = decodeVectors(files[FILES.vectors] as Buffer);
    const clauses = corpus.policies.reduce((sum, p) => sum + p.clauses.length, 0);
    if (clauses !== manifest.clauses || vectors.lengths.length !== clauses) return { ok: false, reason: 'snapshot parts disagree' };
    return { ok: true, policies: corpus.policies, saved: { ...rest, vectors } };
  } catch (error) {
    return { ok: false, reason: `snapshot unreadable: ${(error as Error).message}` };
  }
}
