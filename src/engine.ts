import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePolicyFiles, readPolicyFiles } from './corpus/load.js';
import type { Policy } from './corpus/types.js';
import { RegionDirectory } from './regions/index.js';
import { parserSignature } from './corpus/version.js';
import { SearchIndex } from './search/index.js';
import { DICTIONARY_FILES, emptyLexicon, loadLexicon, type Lexicon } from './search/lexicon.js';
import { QueryAnalyser } from './search/analyse.js';
import { CharacterPairs } from './search/absent-words.js';
import { lazyBilingual } from './search/bilingual.js';
import { lazyPinyinTerms } from './search/pinyin-terms.js';
import { DirectoryRegionNames } from './search/regions.js';
import { generalLanguage } from './text/general-language.js';
import { Retriever } from './search/retrieve.js';
import { corpusFingerprint, readSnapshot, writeSnapshot } from './search/snapshot.js';
import { createJiebaTokenizer, dictionarySegmenter, type Tokenizer } from './text/tokenizer.js';

/** The corpus, its index and the retriever, loaded once from an index/ folder. */
export interface Engine {
  policies: Policy[];
  index: SearchIndex;
  retriever: Retriever;
  analyser: QueryAnalyser;
  /** The regions policies are filed under, with their names, parents and scope. */
  regions: RegionDirectory;
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
  /** Parsing and indexing the policies, or loading the snapshot. */
  buildMs: number;
  /** Writing the snapshot after a build (0 when none was written). */
  snapshotMs: number;
  /** Where the index came from, and why a snapshot was not used when it was not. */
  source: 'snapshot' | 'built';
  snapshotNote: string | null;
}

/**
 * use: load the snapshot when it is valid, else build and write a new one (serve, ask);
 * rebuild: always build and write (policy-qa index); off: build in memory only (tests).
 */
export type SnapshotMode = 'use' | 'rebuild' | 'off';

/** index/ beside src/ or dist/: the same relative place in a checkout and in a built package. */
export const DEFAULT_INDEX_DIR = fileURLToPath(new URL('../index', import.meta.url));

/** The index folder every command uses: INDEX_DIR when it is set, else the shipped index/. */
export function indexDirFromEnv(env: Record<string, string | undefined> = process.env): string {
  return env.INDEX_DIR?.trim() || DEFAULT_INDEX_DIR;
}

export interface EngineOptions {
  /**
   * 'empty' runs with the hand-kept word lists (synonyms, question filler, English glossary) emptied,
   * to measure what the general mechanisms do on their own; the jieba user dictionary stays.
   */
  lexicon?: 'files' | 'empty';
}

export function createEngine(indexDir: string = DEFAULT_INDEX_DIR, snapshot: SnapshotMode = 'use', options: EngineOptions = {}): Engine {
  const dictDir = join(indexDir, 'dict');
  const lexicon = options.lexicon === 'empty' ? emptyLexicon(loadLexicon(dictDir)) : loadLexicon(dictDir);
  const dictionaryStart = performance.now();
  const tokenizer = createJiebaTokenizer(join(dictDir, DICTIONARY_FILES.userDict), lexicon.version);
  tokenizer.words('预热'); // nodejieba loads its dictionaries on first use
  const dictionaryMs = performance.now() - dictionaryStart;

  const buildStart = performance.now();
  const files = readPolicyFiles(join(indexDir, 'policies'));
  const identity = { tokenizer: tokenizer.signature, parser: parserSignature(), corpus: corpusFingerprint(files) };
  const snapshotDir = join(indexDir, 'snapshot');
  let policies: Policy[];
  let index: SearchIndex;
  let source: EngineStats['source'] = 'built';
  let snapshotNote: string | null = null;
  let buildMs = 0;
  let snapshotMs = 0;

  const loaded = snapshot === 'use' ? readSnapshot(snapshotDir, identity) : null;
  if (loaded?.ok) {
    policies = loaded.policies;
    index = new SearchIndex(policies, tokenizer, loaded.saved);
    source = 'snapshot';
  } else {
    if (loaded && !loaded.ok) snapshotNote = `${loaded.reason}; rebuilt`;
    policies = parsePolicyFiles(files);
    index = new SearchIndex(policies, tokenizer);
    buildMs = performance.now() - buildStart;
    if (snapshot !== 'off') {
      const writeStart = performance.now();
      try {
        writeSnapshot(snapshotDir, { policies, saved: index.save() }, identity);
        snapshotMs = performance.now() - writeStart;
      } catch (error) {
        // A read-only install still answers; it just builds at every start.
        snapshotNote = `${snapshotNote ?? 'built'}; snapshot not written: ${(error as Error).message}`;
      }
    }
  }
  const writtenWith = new Map<string, string[]>();
  for (const p of policies) writtenWith.set(p.region, [...(writtenWith.get(p.region) ?? []), ...[p.issuer, p.title].filter((t): t is string => t !== null)]);
  const regions = new RegionDirectory(
    policies.map((p) => p.region),
    { segment: dictionarySegmenter(), writtenWith },
  );
  const regionNames = new DirectoryRegionNames(regions);
  const general = generalLanguage();
  // With a policy glossary, a word it does not list is mostly how a question is put (receive, give,
  // under): a general dictionary would turn it into noise. Without one (a corpus of another field, or
  // the lexicon emptied), the general dictionary is what English is read by.
  // Its single characters and function words (可, 一, 共) are kept out.
  const bilingual =
    lexicon.glossary.size === 0
      ? lazyBilingual((word) => lexicon.terms.has(word) || (index.has(word) && [...word].length >= 2 && !general.isFunctionWord(word)))
      : undefined;
  const vocabulary = (): readonly string[] => index.vocabularyTerms();
  const analyser = new QueryAnalyser(tokenizer, lexicon, policies, index, general, regionNames, bilingual, lazyPinyinTerms(vocabulary), new CharacterPairs(vocabulary));
  const retriever = new Retriever(index, analyser, regionNames, { corpus: index, general, terms: lexicon.terms });
  if (source === 'snapshot') buildMs = performance.now() - buildStart;

  return {
    policies,
    index,
    retriever,
    analyser,
    regions,
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
      snapshotMs,
      source,
      snapshotNote,
    },
  };
}
