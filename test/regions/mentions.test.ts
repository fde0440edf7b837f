import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INDEX_DIR } from '../../src/engine.js';
import { RegionDirectory, type RegionMention } from '../../src/regions/index.js';
import { DICTIONARY_FILES } from '../../src/search/lexicon.js';
import { createJiebaTokenizer, dictionarySegmenter } from '../../src/text/tokenizer.js';

createJiebaTokenizer(join(DEFAULT_INDEX_DIR, 'dict', DICTIONARY_FILES.userDict), 'regions-test');
const SEEDS = ['松江区', '闵行区', '嘉定区', '太仓市'];
const seeds = new RegionDirectory(SEEDS, { segment: dictionarySegmenter() });

const found = (directory: RegionDirectory, text: string) =>
  directory.mentions(text).map((m) => [m.name, m.alias, m.inCorpus] as const);

describe('mentions in Chinese', () => {
  it('finds each seed region by its full or short name, with its span', () => {
    const text = '松江、闵行区、嘉定和太仓分别有什么两化融合奖励？';
    const mentions = seeds.mentions(text);
    expect(mentions.map((m) => m.name)).toEqual(['松江区', '闵行区', '嘉定区', '太仓市']);
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.alias);
    expect(mentions.every((m) => m.inCorpus && m.ambiguous.length === 0)).toBe(true);
  });

  it('finds the cities and provinces of the seeds, flagged as not on file', () => {
    expect(found(seeds, '苏州的企业和上海的企业，江苏省有什么政策')).toEqual([
      ['苏州市', '苏州', false],
      ['上海市', '上海', false],
      ['江苏省', '江苏省', false],
    ]);
    expect(seeds.mentions('苏州')[0]).toMatchObject({ level: 'city', code: '3205' });
  });

  it('finds well-known regions with no policy on file, so that the engine can say so', () => {
    expect(found(seeds, '杭州有智能工厂补贴吗')).toEqual([['杭州市', '杭州', false]]);
    expect(found(seeds, '浦东有什么政策')).toEqual([['浦东新区', '浦东', false]]);
    expect(found(seeds, '昆山的企业上云补贴')).toEqual([['昆山市', '昆山', false]]);
  });

  it('reads a qualified name as one mention of its last unit', () => {
    expect(found(seeds, '上海市松江区的企业')).toEqual([['松江区', '上海市松江区', true]]);
    expect(found(seeds, '江苏省苏州市太仓市')).toEqual([['太仓市', '江苏省苏州市太仓市', true]]);
    expect(found(seeds, '苏州太仓')).toEqual([['太仓市', '苏州太仓', true]]);
  });

  it('reads traditional script, keeping the offsets and words of the text as written', () => {
    expect(found(seeds, '松江區與太倉市的補貼')).toEqual([
      ['松江区', '松江區', true],
      ['太仓市', '太倉市', true],
    ]);
    expect(found(seeds, '蘇州工業園區')).toEqual([['苏州工业园区', '蘇州工業園區', false]]);
  });

  it.each([
    '我们公司在开发区，新区有什么政策',
    '和平发展',
    '长安汽车的配套企业',
    '朝阳产业有什么扶持',
    '三明治店能申请补贴吗',
    '平台企业的数字化转型',
    '创新和技术改造的政策',
    '重大关键技术攻关',
    '振兴业务',
    '周末上街溜达',
    '企业长寿的秘诀',
    '城区的企业有什么补贴',
  ])('reads no region into an ordinary sentence: %s', (text) => {
    expect(seeds.mentions(text)).toEqual([]);
  });

  it('reads a common word as a place when a region it lies in is written right before it', () => {
    expect(seeds.mentions('南京鼓楼的企业')).toMatchObject([{ name: '鼓楼区', code: '320106', alias: '南京鼓楼' }]);
  });

  it('reads a common word as a region on file, and within a word still not', () => {
    const heping = new RegionDirectory(['和平区', '南开区'], { segment: dictionarySegmenter() });
    expect(found(heping, '和平的企业有什么补贴')).toEqual([['和平区', '和平', true]]);
    expect(heping.mentions('和平发展')).toMatchObject([{ name: '和平区' }]);
    const chaoyang = new RegionDirectory(['朝阳区', '海淀区'], { segment: dictionarySegmenter() });
    expect(chaoyang.mentions('朝阳产业')).toEqual([]);
    expect(found(chaoyang, '朝阳的企业')).toEqual([['朝阳区', '朝阳', true]]);
  });

  it('reads a place on file that the segmenter joined to the word after it (苏州企业)', () => {
    const suzhou = new RegionDirectory(['苏州市', '太仓市'], { segment: dictionarySegmenter() });
    expect(suzhou.mentions('苏州企业拿到发明专利授权')).toMatchObject([{ name: '苏州市', alias: '苏州' }]);
    // Not a place with nothing on file, nor one that makes an ordinary word with what follows.
    expect(new RegionDirectory(['太仓市'], { segment: dictionarySegmenter() }).mentions('苏州企业拿到发明专利授权').filter((m) => m.inCorpus)).toEqual([]);
  });
});

describe('names several regions bear, in text', () => {
  const codes = (mentions: RegionMention[]) => mentions.map((m) => m.code);

  it('resolves by a region the text names', () => {
    expect(codes(seeds.mentions('南京鼓楼区'))).toEqual(['320106']);
    expect(codes(seeds.mentions('福州市鼓楼区的企业'))).toEqual(['350102']);
    expect(codes(seeds.mentions('北京朝阳区'))).toEqual(['110105']);
    expect(codes(seeds.mentions('鼓楼区（南京）的政策'))).toEqual(['320106', '3201']);
  });

  it('reports a full name nothing resolves, with every candidate, and drops such a short name', () => {
    const [gulou] = seeds.mentions('鼓楼区的政策');
    expect(gulou).toMatchObject({ name: '鼓楼区', code: null, inCorpus: false, level: 'county' });
    expect(gulou?.ambiguous.map((r) => r.code).sort()).toEqual(['320106', '320302', '350102', '410204']);
    // 通州区 of 北京 sits beside 海淀区, 通州区 of 南通 beside 海门区: nothing says which.
    const both = new RegionDirectory(['海淀区', '海门区'], { segment: dictionarySegmenter() });
    expect(both.mentions('通州的企业')).toEqual([]);
    expect(both.mentions('通州区的企业')[0]?.ambiguous.map((r) => r.code).sort()).toEqual(['110112', '320612']);
    expect(codes(both.mentions('南通市通州区'))).toEqual(['320612']);
  });

  it('resolves by the corpus', () => {
    const nanjing = new RegionDirectory(['玄武区', '秦淮区'], { segment: dictionarySegmenter() });
    expect(codes(nanjing.mentions('鼓楼区的政策'))).toEqual(['320106']);
  });
});

describe('mentions in English (pinyin)', () => {
  const pudong = new RegionDirectory([...SEEDS, '浦东新区', '扬州经济技术开发区'], { segment: dictionarySegmenter() });

  it.each([
    ['What does Songjiang District give for a smart factory?', '松江区', 'Songjiang District'],
    ['songjiang-district subsidies', '松江区', 'songjiang-district'],
    ['Is there a cloud subsidy in Tai Cang?', '太仓市', 'Tai Cang'],
    ['Taicang City rewards', '太仓市', 'Taicang City'],
    ["Minhang's rent subsidy", '闵行区', 'Minhang'],
    ['Pudong New Area policies', '浦东新区', 'Pudong New Area'],
    ['Does Pudong fund robots?', '浦东新区', 'Pudong'],
    ['Yangzhou ETDZ rewards', '扬州经济技术开发区', 'Yangzhou ETDZ'],
  ])('%s → %s', (text, region, alias) => {
    expect(found(pudong, text)).toEqual([[region, alias, true]]);
  });

  it('knows the cities whose English name is not their pinyin (Hohhot, Harbin, Urumqi)', () => {
    const north = new RegionDirectory(['呼和浩特市', '黑龙江省'], { segment: dictionarySegmenter() });
    expect(found(north, 'How much does Hohhot award a little giant?')).toEqual([['呼和浩特市', 'Hohhot', true]]);
    expect(north.mentions('Harbin digital subsidy')).toMatchObject([{ name: '哈尔滨市' }]);
    expect(north.mentions('Urumqi')).toMatchObject([{ name: '乌鲁木齐市', inCorpus: false }]);
  });

  it('knows the Mongolian names of Inner Mongolia, a banner among them (Jungar Banner, Ordos)', () => {
    const ordos = new RegionDirectory(['准格尔旗'], { segment: dictionarySegmenter() });
    expect(ordos.mentions('How much does Jungar Banner subsidise 5G networks?')).toMatchObject([{ name: '准格尔旗', inCorpus: true }]);
    expect(ordos.mentions('Ordos')).toMatchObject([{ name: '鄂尔多斯市' }]);
  });

  it('finds places not on file, and lets the corpus decide Suzhou', () => {
    expect(found(seeds, 'What about Wuxi and Suzhou?')).toEqual([
      ['无锡市', 'Wuxi', false],
      ['苏州市', 'Suzhou', false],
    ]);
    const anhui = new RegionDirectory(['宿州市'], { segment: dictionarySegmenter() });
    expect(anhui.mentions('Suzhou')).toMatchObject([{ name: '宿州市', inCorpus: true }]);
    const shanghai = new RegionDirectory(['松江区'], { segment: dictionarySegmenter() });
    expect(shanghai.mentions('Suzhou')[0]?.ambiguous.map((r) => r.name).sort()).toEqual(['宿州市', '苏州市']);
  });

  it.each([
    'How much is the subsidy for a new production line?',
    'An enterprise in the development zone wants a grant',
    'Can a company in the new area apply?',
    'Which department is responsible?',
  ])('reads no region into an ordinary English sentence: %s', (text) => {
    expect(seeds.mentions(text)).toEqual([]);
  });
});

describe('English words that spell pinyin', () => {
  it('never starts a name with an English article: a Li-ion line is not 阿里 in a corpus with 拉萨', () => {
    const tibet = new RegionDirectory(['拉萨市', '西宁市'], { segment: dictionarySegmenter() });
    expect(tibet.mentions('We are building a Li-ion cathode material line in Xining').map((m) => m.name)).toEqual(['西宁市']);
  });
});

describe('speed', () => {
  it('reads a 500-character question in well under a millisecond', () => {
    const question = '松江区和嘉定区的企业想了解两化融合奖励和智能工厂的政策，浦东有没有类似的补贴？太仓的企业上云能拿多少钱？Songjiang District and Taicang? '
      .repeat(8)
      .slice(0, 500);
    for (let i = 0; i < 200; i++) seeds.mentions(question);
    const runs = 500;
    const start = performance.now();
    for (let i = 0; i < runs; i++) seeds.mentions(question);
    const perCall = (performance.now() - start) / runs;
    // Measured at about 0.3 ms on the development machine; the bound leaves room for a loaded CI box.
    expect(perCall).toBeLessThan(2);
  });
});

describe('counts that look like place names', () => {
  it('reads a short name the dictionary has as a numeral as a count (三台 数控机床), the full name as the place', () => {
    expect(found(seeds, '我们厂去年买了三台数控机床，技改能补多少')).toEqual([]);
    expect(found(seeds, '三台县的技改补贴多少')).toEqual([['三台县', '三台县', false]]);
  });
});
