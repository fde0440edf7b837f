import { readFileSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { answerExtractive } from '../../src/answer/answer.js';
import { fileURLToPath } from 'node:url';
import { createEngine, DEFAULT_INDEX_DIR, type Engine } from '../../src/engine.js';
import { assembleIndexDir } from '../../src/eval/corpus.js';
import { aggregate, normaliseAnswer, parseEvalSet, scoreQuestion, type EvalFigures, type EvalQuestion } from '../../src/eval/score.js';
import { EVAL_DATE, sharedEngine } from '../helpers.js';

const questions = readSet('dev.jsonl');

function readSet(name: string): EvalQuestion[] {
  return parseEvalSet(readFileSync(new URL(`./${name}`, import.meta.url), 'utf8'));
}

/** The fixture sets in the order they were written; a later set's questions are over all before it too. */
const SETS_IN_ORDER = ['blind', 'blind3', 'blind5', 'blind6', 'blind7', 'blind8', 'blind9', 'blind10'];
const through = (last: string): string[] => SETS_IN_ORDER.slice(0, SETS_IN_ORDER.indexOf(last) + 1).map((set) => `../fixtures/${set}/policies`);

/** The policy folders each corpus adds to the seeds. */
const CORPORA = {
  seeds: [],
  'seeds+blind': through('blind'),
  'seeds+blind3': ['../fixtures/blind3/policies'],
  'seeds+blind+blind3': through('blind3'),
  'seeds+blind+blind3+blind5': through('blind5'),
  'seeds+blind+blind3+blind5+blind6': through('blind6'),
  'seeds+blind+blind3+blind5+blind6+blind7': through('blind7'),
  'seeds+blind+blind3+blind5+blind6+blind7+blind8': through('blind8'),
  'seeds+blind+blind3+blind5+blind6+blind7+blind8+blind9': through('blind9'),
  'seeds+blind+blind3+blind5+blind6+blind7+blind8+blind9+blind10': through('blind10'),
} satisfies Record<string, string[]>;
type Corpus = keyof typeof CORPORA;
const indexDirs: string[] = [];
const engines = new Map<string, Engine>();

/** One engine per corpus and lexicon mode, built once: the figures below share them. */
function engineFor(corpus: Corpus, lexicon: 'files' | 'empty'): Engine {
  const key = `${corpus}/${lexicon}`;
  let engine = engines.get(key);
  if (!engine) {
    if (corpus === 'seeds' && lexicon === 'files') engine = sharedEngine();
    else {
      const folders: string[] = CORPORA[corpus];
      const dir = folders.length === 0 ? DEFAULT_INDEX_DIR : assembleIndexDir(DEFAULT_INDEX_DIR, folders.map((f) => fileURLToPath(new URL(f, import.meta.url))));
      if (dir !== DEFAULT_INDEX_DIR) indexDirs.push(dir);
      engine = createEngine(dir, 'off', { lexicon });
    }
    engines.set(key, engine);
  }
  return engine;
}

function figuresOf(set: EvalQuestion[], engine: Engine): EvalFigures {
  const answers = set.map((q) => answerExtractive({ question: q.question, region: q.region ?? null, asOf: q.asOf ?? EVAL_DATE }, engine, q.history ?? []));
  return aggregate(set, answers).figures;
}

/**
 * Floors a little below what each set scores today, so a change that loses ground fails here. The
 * development floors are the acceptance figures; the blind sets were written from the policy texts alone,
 * before any tuning against them, and are the better guide to questions nobody has seen.
 */
const FLOORS: { name: string; file: string; corpus: Corpus; lexicon: 'files' | 'empty'; anchor: number; facts: number; refusal: number }[] = [
  { name: 'development set', file: 'dev.jsonl', corpus: 'seeds', lexicon: 'files', anchor: 0.95, facts: 0.95, refusal: 0.9 },
  { name: 'development set, lexicon emptied', file: 'dev.jsonl', corpus: 'seeds', lexicon: 'empty', anchor: 0.92, facts: 0.9, refusal: 0.9 },
  { name: 'blind questions on the seeds', file: 'blind-seed.jsonl', corpus: 'seeds', lexicon: 'files', anchor: 0.96, facts: 0.95, refusal: 0.85 },
  { name: 'blind questions on new policies', file: 'blind-new.jsonl', corpus: 'seeds+blind', lexicon: 'files', anchor: 0.88, facts: 0.87, refusal: 0.85 },
  { name: 'blind set #3 on four more policies', file: 'blind3.jsonl', corpus: 'seeds+blind3', lexicon: 'files', anchor: 0.84, facts: 0.82, refusal: 0.9 },
  { name: 'blind set #4, colloquial, over all nineteen policies', file: 'blind4.jsonl', corpus: 'seeds+blind+blind3', lexicon: 'files', anchor: 0.84, facts: 0.8, refusal: 0.95 },
  { name: 'blind set #5, four more layouts, over all twenty-three policies', file: 'blind5.jsonl', corpus: 'seeds+blind+blind3+blind5', lexicon: 'files', anchor: 0.85, facts: 0.83, refusal: 0.95 },
  { name: 'blind set #6, portal page, chaptered rules, city top-ups, a call for applications, over twenty-seven policies', file: 'blind6.jsonl', corpus: 'seeds+blind+blind3+blind5+blind6', lexicon: 'files', anchor: 0.87, facts: 0.88, refusal: 0.85 },
  { name: 'blind set #7, PDF text, Chinese numerals, a 一问一答 解读, a spreadsheet list, over thirty-one policies', file: 'blind7.jsonl', corpus: 'seeds+blind+blind3+blind5+blind6+blind7', lexicon: 'files', anchor: 0.76, facts: 0.83, refusal: 0.85 },
  { name: 'blind set #8, a service guide, decimal numbering, 款/项 cross-references, an amendment, over thirty-five policies', file: 'blind8.jsonl', corpus: 'seeds+blind+blind3+blind5+blind6+blind7+blind8', lexicon: 'files', anchor: 0.82, facts: 0.82, refusal: 0.85 },
  { name: 'blind set #9, an infographic, a notice wrapping its 办法, a PDF tier table, a draft for comment, over thirty-nine policies', file: 'blind9.jsonl', corpus: 'seeds+blind+blind3+blind5+blind6+blind7+blind8+blind9', lexicon: 'files', anchor: 0.77, facts: 0.86, refusal: 0.95 },
  { name: 'blind set #10, a scan, a bilingual page, a chaptered 办法, a 公示, over forty-three policies', file: 'blind10.jsonl', corpus: 'seeds+blind+blind3+blind5+blind6+blind7+blind8+blind9+blind10', lexicon: 'files', anchor: 0.8, facts: 0.82, refusal: 0.95 },
  { name: 'held-out questions', file: 'heldout.jsonl', corpus: 'seeds+blind', lexicon: 'files', anchor: 0.87, facts: 0.85, refusal: 0.8 },
];

afterAll(() => {
  for (const dir of indexDirs) rmSync(dir, { recursive: true, force: true });
});

/** Citation chips per answer: more than three and a reader stops checking them. */
const MAX_CITATIONS_PER_ANSWER = 3;

describe.each(FLOORS)('$name', ({ file, corpus, lexicon, anchor, facts, refusal }) => {
  it('meets its quality floors', () => {
    const figures = figuresOf(readSet(file), engineFor(corpus, lexicon));
    expect(figures.anchorRecall).toBeGreaterThanOrEqual(anchor);
    expect(figures.factRecall).toBeGreaterThanOrEqual(facts);
    expect(figures.refusalAccuracy).toBeGreaterThanOrEqual(refusal);
    expect(figures.citationsPerAnswer).toBeLessThanOrEqual(MAX_CITATIONS_PER_ANSWER);
  }, 120_000);
});

describe('the scoring rules', () => {
  const q = questions.find((x) => x.id === 'g061');
  if (!q) throw new Error('g061 missing from the dev set');

  it('compares traditional text to simplified evidence, ignoring whitespace', () => {
    const result = scoreQuestion(q, {
      question: q.question,
      answer: '試點補貼資金1億元及區配套資金1.02 億元',
      mode: 'extractive',
      noAnswer: false,
      citations: [
        {
          n: 1, policyId: 'p', title: 't', docNumber: null, issuer: null, region: '松江区', clause: '（六）',
          text: '試點資金由中央財政下達的中小企業數字化轉型城市試點補貼資金1億元及區配套資金1.02億元兩部分組成', validFrom: null, validTo: null, status: 'unknown',
        },
      ],
    });
    expect(result.missingEvidence).toEqual([]);
    expect(result.missingFacts).toEqual([]);
  });

  it('reads 1,000 as 1000 and ISO dates as Chinese dates', () => {
    expect(normaliseAnswer('最高1,000万元，至2026-08-17')).toBe('最高1000万元，至2026年8月17日');
  });

  it('counts a refusal of an answerable question against it', () => {
    const result = scoreQuestion(q, { question: q.question, answer: '没有依据', mode: 'extractive', noAnswer: true, citations: [] });
    expect(result.refusedWrongly).toBe(true);
    expect(result.missingEvidence.length).toBe(q.evidence.length);
  });
});
