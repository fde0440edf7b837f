import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { endOfTerm, validityStatus } from '../../src/corpus/dates.js';
import { CorpusError, loadPolicies } from '../../src/corpus/load.js';
import { regionOf } from '../../src/corpus/metadata.js';
import { parsePolicy } from '../../src/corpus/policy.js';

const policies = loadPolicies(new URL('../../index/policies/', import.meta.url).pathname);
const meta = (id: string) => {
  const p = policies.find((x) => x.id === id);
  if (!p) throw new Error(`no ${id}`);
  const { clauses: _c, source: _s, validityClauseId: _v, ...rest } = p;
  const { published: _p, indexNumber: _i, declaredValidity: _d, abolishedBy: _a, abolishedOn: _o, abolishedByClauseId: _ac, warnings: _w, draft, draftNoticeClauseIds: _n, ...core } = rest;
  // None of the seeds is a draft for comment.
  expect(draft).toBe(false);
  return core;
};

describe('metadata read from the text', () => {
  it('songjiang-2023', () => {
    expect(meta('songjiang-2023')).toEqual({
      id: 'songjiang-2023',
      title: '松江区制造业数字化转型发展若干政策',
      docNumber: '松科委规〔2023〕6号',
      issuer: '上海市松江区科学技术委员会',
      region: '松江区',
      issued: '2023-12-29',
      validFrom: '2024-01-28',
      validTo: '2029-01-27',
    });
  });

  it('taicang-2021', () => {
    expect(meta('taicang-2021')).toEqual({
      id: 'taicang-2021',
      title: '关于推进制造业智能化改造和数字化转型的若干措施',
      docNumber: '太政发〔2021〕3号',
      issuer: '太仓市人民政府',
      region: '太仓市',
      issued: '2021-01-13',
      validFrom: '2021-01-01',
      validTo: '2023-12-31',
    });
  });

  it('minhang-2021, whose text has no title line: the title comes from its stated purpose', () => {
    expect(meta('minhang-2021')).toEqual({
      id: 'minhang-2021',
      title: '闵行区推进智能制造与工业互联网促数字化转型的政策意见',
      docNumber: null,
      issuer: '闵行区经济委员会办公室',
      region: '闵行区',
      issued: '2021-07-16',
      validFrom: '2021-08-18',
      validTo: '2026-08-17',
    });
  });

  it('jiading-2021, valid from publication', () => {
    expect(meta('jiading-2021')).toEqual({
      id: 'jiading-2021',
      title: '嘉定区工业互联网创新发展专项支持实施意见',
      docNumber: '嘉经〔2021〕12号',
      issuer: '上海市嘉定区经济委员会、上海市嘉定区科学技术委员会、上海市嘉定区财政局',
      region: '嘉定区',
      issued: '2021-06-18',
      validFrom: '2021-06-18',
      validTo: '2025-12-31',
    });
  });

  it('songjiang-pilot-2025, in traditional characters', () => {
    expect(meta('songjiang-pilot-2025')).toEqual({
      id: 'songjiang-pilot-2025',
      title: '松江區中小企業數字化轉型城市試點工作方案',
      docNumber: null,
      issuer: '上海市松江區經濟委員會',
      region: '松江区',
      issued: '2025-05-29',
      validFrom: '2025-06-01',
      validTo: '2026-10-31',
    });
  });

  it('finds no site header, abolition or unreadable field in the shipped texts', () => {
    for (const p of policies) {
      expect(p).toMatchObject({ published: null, indexNumber: null, declaredValidity: null, abolishedBy: null, abolishedOn: null, warnings: [] });
    }
  });

  it('points at the clause that states the validity window', () => {
    const songjiang = policies.find((p) => p.id === 'songjiang-2023');
    const clause = songjiang?.clauses.find((c) => c.id === songjiang.validityClauseId);
    expect(clause?.text).toContain('有效期为五年');
  });
});

const UNSEEN = `无锡市工业和信息化局

锡工信规〔2024〕5号

关于印发《无锡市专精特新企业培育奖励办法》的通知

各区县工业和信息化局：

现将《无锡市专精特新企业培育奖励办法》印发给你们，请认真贯彻执行。

无锡市工业和信息化局

2024年3月1日

第一条 对首次认定的国家级专精特新“小巨人”企业，给予一次性奖励50万元。

第二条 本办法自2024年4月1日起施行，有效期3年。
`;

describe('a policy the project has not seen', () => {
  it('parses without code changes', () => {
    const policy = parsePolicy('wuxi-2024', UNSEEN);
    expect(policy).toMatchObject({
      title: '无锡市专精特新企业培育奖励办法',
      docNumber: '锡工信规〔2024〕5号',
      issuer: '无锡市工业和信息化局',
      region: '无锡市',
      issued: '2024-03-01',
      validFrom: '2024-04-01',
      validTo: '2027-03-31',
    });
    expect(policy.clauses.map((c) => c.label)).toEqual(['序言', '第一条', '第二条']);
  });

  it('reads the start an amendment decision states, not the window it quotes or tabulates', () => {
    const policy = parsePolicy('wuxi-2024-amend', `无锡市工业和信息化局关于修改《无锡市专精特新企业培育奖励办法》的决定

一、将第一条中的“给予一次性奖励50万元”修改为“给予一次性奖励60万元”。

二、将第二条中的“有效期3年”修改为“有效期至2029年3月31日”。

本决定自2025年1月1日起施行。

修改前后对照表
条款\t修改前\t修改后
第二条\t有效期至2027年3月31日\t有效期至2029年3月31日
`);
    expect(policy).toMatchObject({ validFrom: '2025-01-01', validTo: null });
    expect(policy.clauses.find((c) => c.id === policy.validityClauseId)?.text).toBe('本决定自2025年1月1日起施行。');
  });

  it('takes front matter over what the text says, and refuses a malformed date', () => {
    const policy = parsePolicy('x', `---\ntitle: 更正后的标题\nvalidTo: 2030-12-31\n---\n${UNSEEN}`);
    expect(policy.title).toBe('更正后的标题');
    expect(policy.validTo).toBe('2030-12-31');
    expect(() => parsePolicy('x', `---\nvalidTo: 2030年\n---\n${UNSEEN}`)).toThrow(/YYYY-MM-DD/);
  });

  it('is picked up from a folder with the shipped ones, and duplicate ids are refused', () => {
    const folder = mkdtempSync(join(tmpdir(), 'policies-'));
    writeFileSync(join(folder, 'wuxi-2024.md'), UNSEEN);
    writeFileSync(join(folder, 'README.md'), '# not a policy');
    expect(loadPolicies(folder).map((p) => p.id)).toEqual(['wuxi-2024']);
    writeFileSync(join(folder, 'wuxi-2024.txt'), UNSEEN);
    expect(() => loadPolicies(folder)).toThrow(CorpusError);
  });
});

describe('dates and regions', () => {
  it('counts a term of years to the day before its anniversary', () => {
    expect(endOfTerm('2024-01-28', 5)).toBe('2029-01-27');
    expect(endOfTerm('2021-01-01', 3)).toBe('2023-12-31');
    expect(endOfTerm('2024-03-01', 1)).toBe('2025-02-28');
  });

  it('gives a status as of a date, counting both ends as in force', () => {
    expect(validityStatus('2021-08-18', '2026-08-17', '2026-08-17')).toBe('in-force');
    expect(validityStatus('2021-08-18', '2026-08-17', '2026-08-18')).toBe('expired');
    expect(validityStatus('2025-06-01', '2026-10-31', '2025-05-31')).toBe('not-yet-in-force');
    expect(validityStatus(null, null, '2026-01-01')).toBe('unknown');
  });

  it('reads the most specific administrative unit of an issuer', () => {
    expect(regionOf('上海市松江区科学技术委员会')).toBe('松江区');
    expect(regionOf('太仓市人民政府')).toBe('太仓市');
    expect(regionOf('上海市松江區經濟委員會')).toBe('松江区');
    expect(regionOf('市政府办公室')).toBeNull();
  });
});
