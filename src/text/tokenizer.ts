import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { toSimplified } from './script.js';

/** Turns text into the terms the index is made of; injected so the core stays testable and swappable. */
export interface Tokenizer {
  /** Search-mode terms of a text: every word and the shorter words inside it. */
  terms(text: string, alreadyPrepared?: boolean): string[];
  /** One segmentation of a text into words, for reading a question's concepts. */
  words(text: string): string[];
  /** Changes whenever the same text would tokenise differently (dictionary or library version). */
  readonly signature: string;
}

/** Quotation marks split policy terms (“两化”融合); they carry no meaning for matching. */
const QUOTES = /[“”‘’"'「」『』]/g;
const TERM_CHAR = /[\p{Script=Han}\p{L}\p{N}]/u;

/** What every tokenizer does to text before segmenting it: simplified, lower-case, no quotes. */
export function prepareForTokens(text: string): string {
  return toSimplified(withoutQuotesLowerCase(text));
}

/** The part of preparing that needs no conversion table: enough for text already in simplified script. */
export function withoutQuotesLowerCase(text: string): string {
  return text.replace(QUOTES, '').toLowerCase();
}

export function isTerm(token: string): boolean {
  return TERM_CHAR.test(token) && token.trim() === token && token !== '';
}

interface NodeJieba {
  load(options: { userDict?: string }): void;
  cut(text: string, hmm?: boolean): string[];
  cutAll(text: string): string[];
}

let loaded: { jieba: NodeJieba; userDict: string; content: string } | null = null;

export class TokenizerError extends Error {
  override name = 'TokenizerError';
}

/**
 * nodejieba keeps one dictionary per process and aborts the process (uncatchably) on a missing file,
 * so the path is checked first and the dictionary is loaded once. Another folder with the same
 * dictionary (a copy of the index) is the same dictionary.
 */
function loadJieba(userDict: string): NodeJieba {
  if (!existsSync(userDict)) throw new TokenizerError(`user dictionary not found: ${userDict}`);
  const content = readFileSync(userDict, 'utf8');
  if (loaded) {
    if (loaded.content !== content) {
      throw new TokenizerError(`nodejieba already loaded ${loaded.userDict}; cannot switch to ${userDict} in one process`);
    }
    return loaded.jieba;
  }
  const require = createRequire(import.meta.url);
  const jieba = require('nodejieba') as NodeJieba;
  jieba.load({ userDict });
  loaded = { jieba, userDict, content };
  return jieba;
}

export function createJiebaTokenizer(userDict: string, dictionaryVersion: string): Tokenizer {
  const jieba = loadJieba(userDict);
  const require = createRequire(import.meta.url);
  const version = (require('nodejieba/package.json') as { version: string }).version;
  const cut = (prepared: string): string[] => mergeLatinRuns(jieba.cut(prepared, true)).filter(isTerm);
  const words = (text: string): string[] => cut(prepareForTokens(text));
  return {
    // Full-mode pieces of each long word (两化融合 inside 两化融合管理体系), which jieba's own search
    // mode leaves out for pieces of four characters or more.
    terms: (text, alreadyPrepared = false) => {
      const out: string[] = [];
      for (const word of cut(alreadyPrepared ? text : prepareForTokens(text))) {
        out.push(word);
        if ([...word].length < 3) continue;
        for (const piece of jieba.cutAll(word)) if (piece !== word && [...piece].length >= 2 && isTerm(piece)) out.push(piece);
      }
      return out;
    },
    words,
    signature: `nodejieba@${version}+hmm+full-pieces;dict=${dictionaryVersion}`,
  };
}

/**
 * Dictionary words only, with no guessed words for unknown runs (jieba without HMM): every word of
 * two or more characters is a word of the general or user dictionary. Region names use it to see
 * whether words overlap a short name (创新平台 over 新平). Needs the dictionary loaded by a tokenizer.
 */
export function dictionarySegmenter(): (text: string) => string[] {
  if (!loaded) throw new TokenizerError('create a tokenizer first: it loads the dictionary');
  const { jieba } = loaded;
  return (text) => jieba.cut(prepareForTokens(text), false);
}

/** jieba splits Latin letters and digits one by one in some contexts (5/g): join them back. */
export function mergeLatinRuns(tokens: string[]): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    const previous = out[out.length - 1];
    if (previous !== undefined && /^[a-z0-9.]+$/.test(token) && /[a-z0-9]$/.test(previous) && /^[a-z0-9.]+$/.test(previous)) {
      out[out.length - 1] = previous + token;
    } else {
      out.push(token);
    }
  }
  return out;
}
