import { describe, expect, it } from 'vitest';
import { checkRequest, MAX_QUESTION_CHARS } from '../../src/answer/request.js';

const resolve = (name: string): string | null => (['松江', '松江区'].includes(name.trim()) ? '松江区' : null);
const check = (input: Record<string, unknown>) => checkRequest(input, resolve, '2026-11-21');

describe('checkRequest', () => {
  it('accepts a question, trims it and fills in today', () => {
    expect(check({ question: '  技改补贴  ' })).toEqual({ ok: true, request: { question: '技改补贴', region: null, asOf: '2026-11-21' } });
  });

  it('resolves a short region name and treats 全部 as no region', () => {
    expect(check({ question: 'q', region: '松江' })).toMatchObject({ ok: true, request: { region: '松江区' } });
    expect(check({ question: 'q', region: '全部' })).toMatchObject({ ok: true, request: { region: null } });
  });

  it('names the regions on file when a region is unknown, at most twenty', () => {
    const few = { resolveRegion: resolve, regionsOnFile: () => ['嘉定区', '松江区'] };
    expect(checkRequest({ question: 'q', region: '火星' }, few, '2026-11-21')).toEqual({
      ok: false,
      code: 'bad-region',
      message: 'no policies for region "火星"; regions on file: 嘉定区, 松江区',
    });
    const many = { resolveRegion: resolve, regionsOnFile: () => Array.from({ length: 25 }, (_, i) => `第${i + 1}区`) };
    const result = checkRequest({ question: 'q', region: '火星' }, many, '2026-11-21');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain('第20区 and 5 more');
      expect(result.message).not.toContain('第21区');
    }
  });

  it.each([
    [{ question: '' }, 'bad-question'],
    [{ question: '   ' }, 'bad-question'],
    [{}, 'bad-question'],
    [{ question: 42 }, 'bad-question'],
    [{ question: ['a'] }, 'bad-question'],
    [{ question: 'x'.repeat(MAX_QUESTION_CHARS + 1) }, 'question-too-long'],
    [{ question: 'abc\u0000def' }, 'bad-question'],
    [{ question: '\ufffd\ufffd' }, 'bad-question'],
    [{ question: '松江\ud800' }, 'bad-question'],
    [{ question: '\udfff松江' }, 'bad-question'],
    [{ question: 'q', region: '浦东' }, 'bad-region'],
    [{ question: 'q', region: { $ne: 1 } }, 'bad-region'],
    [{ question: 'q', asOf: '2026-02-30' }, 'bad-date'],
    [{ question: 'q', asOf: 20261121 }, 'bad-date'],
  ])('refuses %j with %s', (input, code) => {
    const result = check(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe(code);
      expect(result.message.length).toBeGreaterThan(5);
    }
  });

  it('counts characters, not UTF-16 units, against the length limit', () => {
    expect(check({ question: '𠀀'.repeat(MAX_QUESTION_CHARS) }).ok).toBe(true);
  });
});
