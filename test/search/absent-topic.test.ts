import { describe, expect, it } from 'vitest';
import { absentWords, CharacterPairs } from '../../src/search/absent-words.js';
import { EVAL_DATE } from '../helpers.js';
import { engineWithFixtures } from '../support/corpora.js';

const engine = engineWithFixtures(['blind', 'blind3', 'blind5', 'blind6']);
const ask = (question: string) => engine.retriever.retrieve(question, { region: null, asOf: EVAL_DATE });

describe('a thing no policy speaks of, asked with an action the policies name', () => {
  it('is answered with no basis, not with the clauses that share the action (获评)', () => {
    const result = ask('企业获评中国驰名商标，哪个地方有奖励？奖多少？');
    expect(result.analysis.absentTopic).toBe('驰名商标');
    expect(result.noAnswer).toBe(true);
    expect(result.passages.filter((p) => p.role === 'answer')).toEqual([]);
  });

  it('does not refuse a colloquial word that shares characters with the corpus’s (上规模, 头一回)', () => {
    const result = ask('长阳的厂今年头一回够上规模进了统计，有奖励没？');
    expect(result.analysis.absentTopic).toBeNull();
    expect(result.noAnswer).toBe(false);
    expect(result.passages.find((p) => p.role === 'answer')?.clause.text).toContain('首次纳入规模以上工业统计');
  });

  it('never refuses for an absent word beside a thing the corpus knows (锂电池 beside 技改)', () => {
    const result = ask('我们是做锂电池的，技改能补多少');
    expect(result.analysis.absentTopic).toBeNull();
    expect(result.noAnswer).toBe(false);
  });

  it('reads character pairs of the corpus’s terms, and only words of three characters or more', () => {
    const pairs = new CharacterPairs(() => ['规模以上', '场地租金', '商务']);
    const corpus = { has: (term: string) => term === '商务' };
    const never = (): boolean => false;
    expect(absentWords(['驰名商标', '上规模', '场租', '储能电站'], corpus, pairs, never)).toEqual(['驰名商标', '储能电站']);
    expect(absentWords(['头一回'], corpus, pairs, (word) => word === '头一回')).toEqual([]);
  });
});
