import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { decodeText } from './encoding.js';
import { readDocx } from './docx.js';
import { readHtml } from './html.js';
import { readPdf } from './pdf.js';
import { IngestError, type ReadResult } from './types.js';

/**
 * One step from a file to text and hints, whatever its format: the format is recognised from the
 * file's first bytes (a .txt that is really a PDF is read as a PDF), then from its name.
 */

/** Larger than this is not a policy document; refusing early bounds memory and time. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** A file this small is checked for holding only white space; a larger blank file fails later, as no text. */
const BLANK_CHECK_BYTES = 64 * 1024;

const MAGIC = {
  pdf: Buffer.from('%PDF-'),
  zip: Buffer.from([0x50, 0x4b, 0x03, 0x04]),
  elf: Buffer.from([0x7f, 0x45, 0x4c, 0x46]),
  png: Buffer.from([0x89, 0x50, 0x4e, 0x47]),
  jpeg: Buffer.from([0xff, 0xd8, 0xff]),
  gif: Buffer.from('GIF8'),
  gzip: Buffer.from([0x1f, 0x8b]),
  ole: Buffer.from([0xd0, 0xcf, 0x11, 0xe0]),
};

const startsWith = (bytes: Buffer, magic: Buffer): boolean => bytes.subarray(0, magic.length).equals(magic);

function looksLikeHtml(name: string, bytes: Buffer): boolean {
  if (/\.(html?|xhtml|shtml)$/i.test(name)) return true;
  const head = bytes.subarray(0, 1024).toString('latin1').trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html');
}

/** Reads policy text from bytes; `name` is the file's name (for its extension and messages). */
export async function readBytes(name: string, bytes: Buffer): Promise<ReadResult> {
  if (bytes.length === 0 || (bytes.length < BLANK_CHECK_BYTES && bytes.toString('utf8').trim() === '')) {
    throw new IngestError('empty', 'the file is empty');
  }
  if (startsWith(bytes, MAGIC.pdf)) return readPdf(bytes);
  if (startsWith(bytes, MAGIC.zip)) {
    if (/\.(xlsx|pptx|zip)$/i.test(name)) throw new IngestError('unsupported', `${extname(name)} files are not policy documents: save the policy as .docx, .pdf, .html or .txt`);
    return readDocx(bytes);
  }
  if (startsWith(bytes, MAGIC.ole)) throw new IngestError('unsupported', 'old Word (.doc) files are not read: save it as .docx');
  for (const kind of ['elf', 'png', 'jpeg', 'gif', 'gzip'] as const) {
    if (startsWith(bytes, MAGIC[kind])) throw new IngestError('binary', `the file is binary (${kind === 'elf' ? 'a program' : `a ${kind} file`}), not a policy text`);
  }
  if (looksLikeHtml(name, bytes)) return readHtml(bytes);
  const { text, encoding } = decodeText(bytes);
  return { text, hints: {}, format: 'txt', encoding };
}

/** A file's bytes, refused before reading when it is no regular file or larger than any policy. */
export function readFileBytes(file: string): Buffer {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new IngestError('unreadable', `${file} is not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw new IngestError('unreadable', `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (size > MAX_FILE_BYTES) throw new IngestError('unsupported', `the file is ${(size / 1e6).toFixed(0)} MB; the limit is ${MAX_FILE_BYTES / 1e6} MB`);
  try {
    return readFileSync(file);
  } catch (error) {
    throw new IngestError('unreadable', `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

export async function read(file: string): Promise<ReadResult> {
  return readBytes(file, readFileBytes(file));
}
