import chardet from 'chardet';
import iconv from 'iconv-lite';
import { IngestError } from './types.js';

/**
 * Plain text in whatever encoding a Chinese office or website saved it: UTF-8 (with or without a
 * byte-order mark), UTF-16 LE/BE, GB18030/GBK/GB2312, Big5. A byte-order mark decides; then valid
 * UTF-8; then chardet's guess, checked against the Chinese encodings, because short GBK texts are
 * often guessed as a Western code page.
 */

/** Share of control or replacement characters above which a decoded "text" is binary noise. */
const MAX_NOISE_SHARE = 0.01;
/** A file this much NUL bytes is UTF-16 (every ASCII character has one) or binary. */
const UTF16_NUL_SHARE = 0.2;

function nulShare(bytes: Uint8Array, parity: 0 | 1): number {
  let nul = 0;
  let total = 0;
  for (let i = parity; i < bytes.length; i += 2, total++) if (bytes[i] === 0) nul++;
  return total === 0 ? 0 : nul / total;
}

function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length % 2 !== 0) return null;
  const odd = nulShare(bytes, 1);
  const even = nulShare(bytes, 0);
  if (odd >= UTF16_NUL_SHARE && even < UTF16_NUL_SHARE / 4) return 'utf-16le';
  if (even >= UTF16_NUL_SHARE && odd < UTF16_NUL_SHARE / 4) return 'utf-16be';
  return null;
}

/** Han and ASCII text make up at least this share of a real UTF-16 reading. */
const UTF16_TEXT_SHARE = 0.9;

function utf16Reading(buffer: Buffer): { text: string; encoding: string } | null {
  if (buffer.length % 2 !== 0) return null;
  for (const encoding of ['utf-16le', 'utf-16be']) {
    const text = iconv.decode(buffer, encoding);
    const plain = text.match(/[\p{Script=Han}\x20-\x7e\s\u3000-\u303f\uff00-\uffef“”‘’…—·《》]/gu)?.length ?? 0;
    if (noiseShare(text) <= MAX_NOISE_SHARE && plain >= UTF16_TEXT_SHARE * text.length) return { text, encoding };
  }
  return null;
}

function validUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Control characters (other than line and tab) and U+FFFD, as a share of the text. */
export function noiseShare(text: string): number {
  if (text.length === 0) return 0;
  const noise = text.match(/[\u0000-\u0008\u000b\u000e-\u001f\u007f\ufffd]/g)?.length ?? 0;
  return noise / text.length;
}

function hanShare(text: string): number {
  return text.length === 0 ? 0 : (text.match(/\p{Script=Han}/gu)?.length ?? 0) / text.length;
}

const CHINESE_ENCODINGS = ['gb18030', 'big5'];

/** chardet's name for an encoding, as iconv-lite knows it; GB2312 and GBK are read as their superset. */
function iconvName(name: string): string {
  const lower = name.toLowerCase();
  if (lower === 'gb2312' || lower === 'gbk' || lower === 'gb18030' || lower === 'euc-cn') return 'gb18030';
  return lower;
}

/** Decodes bytes as text, or refuses them as binary. `declared` is an encoding a file names itself (HTML meta). */
export function decodeText(bytes: Uint8Array, declared: string | null = null): { text: string; encoding: string } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return checked(buffer.subarray(3).toString('utf8'), 'utf-8 (BOM)');
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return checked(iconv.decode(buffer.subarray(2), 'utf-16le'), 'utf-16le');
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return checked(iconv.decode(buffer.subarray(2), 'utf-16be'), 'utf-16be');
  const utf16 = utf16WithoutBom(buffer);
  if (utf16) return checked(iconv.decode(buffer, utf16), utf16);
  if (buffer.includes(0)) {
    // Chinese UTF-16 has few NUL bytes (only its ASCII has them): it reads as clean Han text in one byte order.
    const reading = utf16Reading(buffer);
    if (reading) return reading;
    throw new IngestError('binary', 'the file holds binary data (NUL bytes), not text');
  }
  const utf8 = validUtf8(buffer);
  if (utf8 !== null) return checked(utf8, 'utf-8');

  const guesses = [declared, chardet.detect(buffer), ...CHINESE_ENCODINGS]
    .filter((n): n is string => typeof n === 'string' && iconv.encodingExists(iconvName(n)))
    .map(iconvName);
  let best: { text: string; encoding: string; score: number } | null = null;
  for (const encoding of [...new Set(guesses)]) {
    const text = iconv.decode(buffer, encoding);
    const score = hanShare(text) - 10 * noiseShare(text);
    if (best === null || score > best.score) best = { text, encoding, score };
  }
  if (best === null) throw new IngestError('unreadable', 'the text encoding could not be recognised');
  return checked(best.text, best.encoding);
}

function checked(text: string, encoding: string): { text: string; encoding: string } {
  if (noiseShare(text) > MAX_NOISE_SHARE) {
    throw new IngestError('binary', `the file does not read as text in ${encoding} (${Math.round(noiseShare(text) * 100)}% control characters)`);
  }
  return { text, encoding };
}
