import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPolicies } from './corpus/load.js';
import type { Policy } from './corpus/types.js';
import { SearchIndex } from './search/index.js';
import { DICTIONARY_FILES, loadLexicon, type Lexicon } from './search/lexicon.js';
import { QueryAnalyser } from './search/query.js';
import { Retriever } from './search/retrieve.js';
import { createJiebaTokenizer, type Tokenizer } from './text/tokenizer.js';

/** The corpus, its index and the retriever, loaded once from an index/ folder. */
export interface Engine {
  policies: Policy[];
  index: SearchIndex;
  retriever: Retriever;
  analyser: QueryAnalyser;
  tokenizer: Tokenizer;
  lexicon: Lexicon;
  stats: EngineStats;
}

export interface EngineStats {
  policies: number;
  clauses: number;
  tokens: number;
  vocabulary: number;
  textChars: number;
  /** UTF-8 size of the clause texts: what build throughput is measured against. */
  textBytes: number;
  dictionaryMs: number;
  buildMs: number;
}

/** index/ beside src/ or dist/: the same relative place in a checkout and in a built package. */
export const DEFAULT_INDEX_DIR = fileURLToPath(new URL('../index', import.meta.url));

export function createEngine(indexDir: string = DEFAULT_INDEX_DIR): Engine {
  const dictDir = join(indexDir, 'dict');
  const lexicon = loadLexicon(dictDir);
  const dictionaryStart = performance.now();
  const tokenizer = createJiebaTokenizer(join(dictDir, DICTIONARY_FILES.userDict), lexicon.version);
  tokenizer.words('预热'); // nodejieba loads its dictionaries on first use
  const dictionaryMs = performance.now() - dictionaryStart;

  const buildStart = performance.now();
  const policies = loadPolicies(join(indexDir, 'policies'));
  const index = new SearchIndex(policies, tokenizer);
  const analyser = new QueryAnalyser(tokenizer, lexicon, policies, (term) => index.has(term));
  const retriever = new Retriever(index, analyser);
  const buildMs = performance.now() - buildStart;

  return {
    policies,
    index,
    retriever,
    analyser,
    tokenizer,
    lexicon,
    stats: {
      policies: policies.length,
      clauses: index.clauses.length,
      tokens: index.tokenCount,
      vocabulary: index.vocabulary.size,
      textChars: policies.reduce((sum, p) => sum + p.clauses.reduce((s, c) => s + c.text.length, 0), 0),
      textBytes: policies.reduce((sum, p) => sum + p.clauses.reduce((s, c) => s + Buffer.byteLength(c.text), 0), 0),
      dictionaryMs,
      buildMs,
    },
  };
}
