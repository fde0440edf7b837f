import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { answerExtractive } from '../../src/answer/answer.js';
import type { AnswerObject } from '../../src/answer/types.js';
import { createEngine, DEFAULT_INDEX_DIR } from '../../src/engine.js';
import { assembleIndexDir } from '../../src/eval/corpus.js';
import { amountsIn } from '../../src/text/figures.js';
import { EVAL_DATE } from '../helpers.js';
import { engineWithFixtures } from '../support/corpora.js';

/** Answers about policies no longer (or not yet) in force, over the seeds plus the blind policy texts. */
const dir = assembleIndexDir(DEFAULT_INDEX_DIR, [fileURLToPath(new URL('../fixtures/blind/policies', import.meta.url))]);
const engine = createEngine(dir, 'off');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ask = (question: string): AnswerObject => answerExtractive({ question, region: null, asOf: EVAL_DATE }, engine);
const firstLine = (a: AnswerObject): string => a.answer.split('\n')[0] ?? '';
const citationOf = (a: AnswerObject, n: string | undefined) => a.citations.find((c) => `[${c.n}]` === n);

describe('an answer from an expired policy', () => {
  const a = ask('武进小巨人奖多少钱？');

  it('states the amount of the item asked about, not of the items beside it', () => {
    expect(firstLine(a)).toContain('60万元');
    expect(firstLine(a)).not.toContain('20万元');
    expect(firstLine(a)).not.toContain('2万元');
  });

  it('cites the clause that says the policy has expired where it says so', () => {
    const badge = /（已失效 (\[\d+\])）/.exec(firstLine(a));
    expect(badge).not.toBeNull();
    const source = citationOf(a, badge?.[1]);
    expect(source?.policyId).toBe('wujin-2024');
    expect(source?.text).toContain('有效期两年');
  });
});

describe('asked whether an abolished policy still applies', () => {
  const a = ask('诸暨2021年那个技改政策现在还能用吗？');

  it('says first that it was abolished, and when, citing the abolishing clause', () => {
    const line = firstLine(a);
    expect(line).toMatch(/诸政发〔2021〕5号）已于2025年1月1日废止 \[\d+\]/);
    const marker = /废止 (\[\d+\])/.exec(line)?.[1];
    const source = citationOf(a, marker);
    expect(source?.policyId).toBe('zhuji-2025');
    expect(source?.text).toContain('同时废止');
  });

  it('never presents the old policy as in force', () => {
    expect(firstLine(a)).not.toMatch(/诸政发〔2021〕5号）[^；。]*在有效期内/);
  });
});

describe('amounts written in full-width digits', () => {
  it('are stated with the digits a reader types', () => {
    expect(amountsIn('给予一次性奖励６０万元，按２５％、１．５万元')).toEqual(['60万元', '25%', '1.5万元']);
  });
});

describe('a year in a question about where a policy stands', () => {
  it('is a date to check, not a word the validity clause must hold', () => {
    const a = ask('松江区制造业数字化转型发展若干政策2028年还能申报吗？');
    expect(a.noAnswer).toBe(false);
    expect(a.citations[0]).toMatchObject({ policyId: 'songjiang-2023', clause: '末段' });
    expect(firstLine(a)).toContain('至2029年1月27日');
  });

  it('says which of a region\'s policies is meant when it is that policy\'s year', () => {
    const a = ask('诸暨2025年的那个政策现在还有效吗？');
    expect(a.citations.map((c) => c.policyId)).toEqual(['zhuji-2025']);
  });
});

describe('asked who may apply', () => {
  it('cites the clause that says whom the policy applies to, beside the item\'s own', () => {
    const a = ask('武进的中小企业想申请专精特新奖励，要满足哪些条件？');
    const texts = a.citations.map((c) => c.text.replace(/\s/g, ''));
    expect(texts.some((t) => t.includes('具有独立法人资格的中小企业'))).toBe(true);
    expect(texts.some((t) => t.includes('小巨人'))).toBe(true);
    expect(a.answer).toContain('申报企业上一年度应无严重失信记录');
  });
});

describe('two short forms side by side', () => {
  it('reads 智改数转 as 智能化改造 and 数字化转型, so a clause on either answers', () => {
    const a = ask('扬州经开区智改数转项目奖补比例是多少？');
    expect(a.noAnswer).toBe(false);
    expect(a.citations[0]?.policyId).toBe('yangzhou-kfq-2023');
    expect(a.citations[0]?.text).toContain('智能化改造');
    expect(a.answer).toContain('8%');
  });
});

describe('the old policy that goes on until the new one starts', () => {
  const withSet7 = engineWithFixtures(['blind7']);

  it('is quoted with the new policy’s validity (…继续执行至2026年12月14日)', () => {
    const text = answerExtractive({ question: '西青区那个智能化绿色化融合的新措施，现在能按它申报吗？', region: null, asOf: EVAL_DATE }, withSet7).answer;
    expect(text).toContain('有效期至2029年12月14日');
    expect(text).toContain('继续执行至2026年12月14日');
  });
});
