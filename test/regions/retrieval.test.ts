import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkRequest } from '../../src/answer/request.js';
import { createEngine, DEFAULT_INDEX_DIR } from '../../src/engine.js';

/**
 * Region names as the engine takes them, over a corpus of the 太仓 seed and three short policies of
 * the kinds issue 9 met: a new area (浦东新区), a zone (扬州经济技术开发区, filed by front matter) and a
 * municipality whose policies apply to its districts (上海市).
 */
const PUDONG = `上海市浦东新区科技和经济委员会

浦科经委规〔2024〕1号

关于支持企业上云的若干措施

第一条 对首次上云的中小企业，按云服务费用的50%给予补贴，单个企业最高10万元。

第二条 本措施自2024年1月1日起施行，有效期五年。

上海市浦东新区科技和经济委员会

2023年12月20日
`;

const YANGZHOU = `---
region: 扬州经济技术开发区
---
扬州经济技术开发区管理委员会

扬开管发〔2024〕2号

关于推进智能化改造的若干政策

第一条 对智能化改造项目，按设备投资的10%给予补助，单个项目最高200万元。

第二条 本政策自2024年3月1日起施行，有效期三年。

扬州经济技术开发区管理委员会

2024年2月20日
`;

const SHANGHAI = `上海市经济和信息化委员会

沪经信规〔2024〕3号

关于支持工业互联网平台建设的若干措施

第一条 对获评市级工业互联网平台的企业，给予最高300万元奖励。

第二条 本措施自2024年1月1日起施行，有效期五年。

上海市经济和信息化委员会

2023年12月25日
`;

const dir = mkdtempSync(join(tmpdir(), 'regions-'));
cpSync(join(DEFAULT_INDEX_DIR, 'dict'), join(dir, 'dict'), { recursive: true });
mkdirSync(join(dir, 'policies'));
cpSync(join(DEFAULT_INDEX_DIR, 'policies', 'taicang-2021.md'), join(dir, 'policies', 'taicang-2021.md'));
writeFileSync(join(dir, 'policies', 'pudong-cloud.md'), PUDONG);
writeFileSync(join(dir, 'policies', 'yangzhou-etdz.md'), YANGZHOU);
writeFileSync(join(dir, 'policies', 'shanghai-platform.md'), SHANGHAI);
const engine = createEngine(dir, 'off');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const AS_OF = '2025-06-01';
/** The regions of the clauses that answer; none when the engine finds no basis (related clauses elsewhere do not count). */
const regionsCited = (question: string, region: string | null = null) => {
  const retrieval = engine.retriever.retrieve(question, { region, asOf: AS_OF });
  return retrieval.noAnswer ? [] : [...new Set(retrieval.passages.map((p) => p.policy.region))];
};

describe('region names the engine takes', () => {
  it('files the fixtures under the regions this test relies on', () => {
    expect(engine.regions.regions).toEqual(['上海市', '太仓市', '扬州经济技术开发区', '浦东新区']);
    expect(engine.regions.problems).toEqual([]);
  });

  it.each([
    ['浦东', '浦东新区'],
    ['Pudong New Area', '浦东新区'],
    ['扬州', '扬州经济技术开发区'],
    ['扬州经开区', '扬州经济技术开发区'],
    ['太倉', '太仓市'],
    ['苏州', '苏州市'],
  ])('accepts --region %s as %s', (name, region) => {
    expect(checkRequest({ question: '上云补贴', region: name }, engine.retriever, AS_OF)).toMatchObject({ ok: true, request: { region } });
  });

  it('refuses an unknown region, listing the regions on file', () => {
    const check = checkRequest({ question: '上云补贴', region: '杭州' }, engine.retriever, AS_OF);
    expect(check).toEqual({
      ok: false,
      code: 'bad-region',
      message: 'no policies for region "杭州"; regions on file: 上海市, 太仓市, 扬州经济技术开发区, 浦东新区',
    });
  });
});

describe('searching the regions a region covers', () => {
  it('answers a question about 苏州 from 太仓', () => {
    expect(regionsCited('苏州的企业智能化改造贷款贴息有多少？')).toEqual(['太仓市']);
    // 上海市 has a platform reward too, but it is not 苏州's.
    expect(regionsCited('获评工业互联网平台有什么奖励？')).toContain('上海市');
    expect(regionsCited('苏州的企业获评工业互联网平台有什么奖励？')).toEqual(['太仓市']);
    expect(regionsCited('智能化改造贷款贴息有多少？', '苏州')).toEqual(['太仓市']);
  });

  it('applies the municipality’s policies to its district', () => {
    expect(regionsCited('浦东的企业获评工业互联网平台有什么奖励？')).toEqual(['上海市']);
    expect(regionsCited('上云补贴多少？', '浦东')).toEqual(['浦东新区']);
  });

  it('finds a zone by the name of its place, and a region named in pinyin', () => {
    expect(regionsCited('扬州的智能化改造补助多少？')).toEqual(['扬州经济技术开发区']);
    expect(regionsCited('How much is the cloud subsidy in Pudong New Area?')).toEqual(['浦东新区']);
  });

  it('says a region with no policy on file has none, instead of answering from elsewhere', () => {
    const retrieval = engine.retriever.retrieve('杭州的企业上云补贴多少？', { asOf: AS_OF });
    expect(retrieval.noAnswer).toBe(true);
    expect(retrieval.passages.filter((p) => p.role !== 'related')).toEqual([]);
    expect(retrieval.missing).toEqual([{ region: '杭州市', reason: 'no-policies' }]);
  });
});
