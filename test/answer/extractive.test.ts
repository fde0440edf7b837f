import { describe, expect, it } from 'vitest';
import { answer, answerExtractive } from '../../src/answer/answer.js';
import { markersIn } from '../../src/answer/citations.js';
import { amountsIn } from '../../src/answer/extractive.js';
import type { AnswerEvent, AnswerObject } from '../../src/answer/types.js';
import { parseEvalSet } from '../../src/eval/score.js';
import { readFileSync } from 'node:fs';
import { EVAL_DATE, sharedEngine } from '../helpers.js';

const engine = sharedEngine();
const ask = (question: string, region: string | null = null): AnswerObject =>
  answerExtractive({ question, region, asOf: EVAL_DATE }, engine);
const blockOf = (a: AnswerObject, policyId: string): string => {
  const n = a.citations.find((c) => c.policyId === policyId)?.n;
  return a.answer.split('\n\n').find((block) => block.includes(`[${n}]`) && block.startsWith('**')) ?? '';
};

describe('extractive answer to the headline question', () => {
  const a = ask('我能拿多少两化融合奖励');

  it('cites each policy with its clause and validity', () => {
    expect(a.mode).toBe('extractive');
    expect(a.noAnswer).toBe(false);
    expect(a.citations.map((c) => [c.policyId, c.clause, c.status])).toEqual([
      ['songjiang-2023', '5', 'in-force'],
      ['minhang-2021', '第四条', 'expired'],
      ['jiading-2021', '2', 'expired'],
      ['taicang-2021', '（三）', 'expired'],
    ]);
    expect(a.citations[0]).toMatchObject({
      n: 1,
      title: '松江区制造业数字化转型发展若干政策',
      docNumber: '松科委规〔2023〕6号',
      region: '松江区',
      validFrom: '2024-01-28',
      validTo: '2029-01-27',
    });
  });

  it('states each amount and validity under its own citation', () => {
    expect(blockOf(a, 'songjiang-2023')).toMatch(/AA 级别以上的给予一次性最高不超过20万元奖励/);
    expect(blockOf(a, 'songjiang-2023')).toMatch(/在有效期内/);
    expect(blockOf(a, 'taicang-2021')).toMatch(/给予最高30万元奖励/);
    expect(blockOf(a, 'taicang-2021')).toMatch(/已于2023年12月31日失效/);
    expect(blockOf(a, 'minhang-2021')).toMatch(/给予20万元的一次性奖励/);
    expect(blockOf(a, 'minhang-2021')).toMatch(/分别给予30万元、40万元、50万元的一次性奖励/);
    expect(blockOf(a, 'minhang-2021')).toMatch(/获评市级及以上两化融合试点示范的企业，给予50万元/);
    expect(blockOf(a, 'minhang-2021')).toMatch(/已于2026年8月17日失效/);
    expect(blockOf(a, 'jiading-2021')).toMatch(/给予一次性奖励20万元/);
    expect(blockOf(a, 'jiading-2021')).toMatch(/已于2025年12月31日失效/);
  });

  it('gives the whole clause text behind each citation', () => {
    expect(a.citations[0]?.text).toMatch(/^5\.支持企业开展数字化认证。.*（责任部门：区科委）$/);
  });
});

describe('every answer to the development questions', () => {
  const questions = parseEvalSet(readFileSync(new URL('../eval/dev.jsonl', import.meta.url), 'utf8'));
  const answers = questions.map((q) => ask(q.question));

  it('uses exactly the citations it lists, numbered 1..n', () => {
    for (const a of answers) {
      expect(a.citations.map((c) => c.n)).toEqual(a.citations.map((_, i) => i + 1));
      expect(markersIn(a.answer).sort((x, y) => x - y)).toEqual(a.citations.map((c) => c.n));
    }
  });

  it('quotes every amount exactly as a cited clause states it', () => {
    for (const a of answers) {
      const cited = a.citations.map((c) => c.text.replace(/\s+/g, '')).join('\n');
      for (const amount of amountsIn(a.answer)) expect(cited).toContain(amount);
    }
  });

  it('puts every quoted line under the heading of the clause it comes from', () => {
    for (const a of answers) {
      let n = 0;
      for (const line of a.answer.split('\n')) {
        const heading = /^\*\*.*\[(\d+)\]$/.exec(line);
        if (heading) n = Number(heading[1]);
        if (!line.startsWith('> ')) continue;
        const clause = a.citations.find((c) => c.n === n);
        expect(clause).toBeDefined();
        if (clause?.text.includes('|')) continue; // table rows are read with their headings
        expect(clause?.text.replace(/\s+/g, '')).toContain(line.slice(2).replace(/\s+/g, ''));
      }
    }
  });

  it('opens with the bottom line, each policy in force cited, and folds the rest under one heading', () => {
    for (const a of answers.filter((x) => !x.noAnswer)) {
      const [first = ''] = a.answer.split('\n');
      expect(first.startsWith('**')).toBe(false);
      // Clauses shown from elsewhere for reference come last, under their own heading.
      const relatedAt = a.answer.indexOf('其他地区或文件的相关条款');
      const answering = (c: { n: number }): boolean => relatedAt < 0 || a.answer.indexOf(`[${c.n}]`) < relatedAt;
      const expired = a.citations.filter((c) => c.status === 'expired' && answering(c));
      const heading = a.answer.indexOf('### 已失效，仅供参考');
      if (expired.length > 0 && a.citations.some((c) => c.status === 'in-force')) expect(heading).toBeGreaterThan(0);
      for (const c of a.citations.filter((x) => x.status === 'in-force')) {
        if (heading > 0) expect(a.answer.indexOf(`[${c.n}]`)).toBeLessThan(heading);
      }
    }
  });
});

describe('answers about a policy as a whole', () => {
  it('quotes the sentence that states validity, not one that merely mentions 实施', () => {
    const a = ask('太仓的政策现在还有效吗');
    expect(a.answer).toContain('> 本通知自2021年1月1日起实施，有效期三年。');
    expect(a.answer).toMatch(/^截至2026年11月21日：太仓市 《关于推进制造业智能化改造和数字化转型的若干措施》（太政发〔2021〕3号）已于2023年12月31日失效 \[1\]/);
    expect(a.answer).not.toContain('实施细则');
    expect(a.answer).toContain('已于2023年12月31日失效');
  });
});

describe('reading a clause', () => {
  it('reads a table row with its column headings, leaving out the row number', () => {
    const a = ask('试点拟改造的企业中，专精特新“小巨人”企业和专精特新中小企业分别有多少家？');
    expect(a.answer).toContain('> 擬改造企業中專精特新“小巨人”企業數量：2025年 20；2026年 20；總數 40');
    expect(a.answer).toContain('> 擬改造企業中專精特新中小企業數量：2025年 150；2026年 92；總數 242');
  });

  it('names the responsible department, brackets inside included', () => {
    const a = ask('松江城市试点中试点企业的数字化诊断由哪个部门负责？');
    expect(a.answer).toContain('- 责任部门：區數據局、相關街鎮(經開區)');
    expect(a.answer).toMatch(/^截至2026年11月21日[^\n]*责任部门 區數據局、相關街鎮\(經開區\)[^\n]*\[1\]/);
  });

  it('answers who interprets a policy named by a few of its title words', () => {
    const a = ask('松江试点方案由哪个部门负责解释？');
    expect(a.citations.map((c) => [c.policyId, c.clause])).toEqual([['songjiang-pilot-2025', '（二）']]);
    expect(a.answer).toContain('> (二)本文件由區經委負責解釋。');
    expect(a.answer.split('\n')[0]).toContain('(二)本文件由區經委負責解釋。');
  });
});

describe('answers with no basis', () => {
  it('says so plainly and cites nothing when nothing is related', () => {
    const a = ask('企业数字化转型投入能享受研发费用加计扣除吗？扣除比例是多少？');
    expect(a.noAnswer).toBe(true);
    expect(a.citations).toEqual([]);
    expect(a.answer).toMatch(/^在现有的政策文件中没有找到关于“[^”]*加计扣除[^”]*”的条款，无法给出有依据的答复。$/);
  });

  it('names the region that has nothing and points, cited, to those that have', () => {
    const a = ask('嘉定区对DCMM认证有奖励吗？');
    expect(a.noAnswer).toBe(true);
    expect(a.answer).toMatch(/^在嘉定区的政策文件中没有找到关于“DCMM”的条款/);
    expect(a.citations.map((c) => c.policyId)).toEqual(['songjiang-2023', 'taicang-2021']);
    expect(a.answer).toMatch(/第5条\*\* \[1\]\n> 支持企业开展 DCMM 贯标，对首次通过 DCMM 二级及以上评估认证的企业，给予一次性最高不超过20万元奖励。/);
  });

  it('answers in English when asked in English', () => {
    const a = ask('Does Minhang subsidise high-tech enterprise certification?');
    expect(a.noAnswer).toBe(true);
    expect(a.answer).toMatch(/^No clause in the policies on file for \S+ answers this question/);
  });
});

describe('the answer stream', () => {
  it('sends sources, then the text in pieces, then the answer object', async () => {
    const events: AnswerEvent[] = [];
    for await (const event of answer({ question: '松江技改补贴', region: null, asOf: EVAL_DATE }, { engine })) events.push(event);
    expect(events[0]?.type).toBe('sources');
    expect(events.at(-1)?.type).toBe('done');
    const deltas = events.filter((e): e is Extract<AnswerEvent, { type: 'delta' }> => e.type === 'delta');
    expect(deltas.length).toBeGreaterThan(1);
    const done = events.at(-1) as Extract<AnswerEvent, { type: 'done' }>;
    expect(deltas.map((d) => d.text).join('')).toBe(done.answer.answer);
  });

  it('stops with a cancelled error when its signal aborts', async () => {
    const controller = new AbortController();
    const events: AnswerEvent[] = [];
    for await (const event of answer({ question: '我能拿多少两化融合奖励', region: null, asOf: EVAL_DATE }, { engine, signal: controller.signal })) {
      events.push(event);
      if (event.type === 'delta') controller.abort();
    }
    expect(events.at(-1)).toMatchObject({ type: 'error', code: 'cancelled' });
    expect(events.some((e) => e.type === 'done')).toBe(false);
  });
});
