import { describe, expect, it } from 'vitest';
import { RegionDirectory } from '../../src/regions/index.js';

/** The seeds, plus regions of the kinds issue 9 met: a new area, a zone the dataset lists, a zone it does not. */
const CORPUS = ['松江区', '闵行区', '嘉定区', '太仓市', '浦东新区', '扬州经济技术开发区', '太仓港经济技术开发区'];
const directory = new RegionDirectory(CORPUS);
const names = (refs: { name: string }[]) => refs.map((r) => r.name);

describe('canonical: the region on file a user means', () => {
  it.each([
    ['松江', '松江区'],
    ['松江区', '松江区'],
    ['  浦东 ', '浦东新区'],
    ['太仓', '太仓市'],
    ['扬州经开区', '扬州经济技术开发区'],
    ['扬州经济开发区', '扬州经济技术开发区'],
    ['太仓港经开区', '太仓港经济技术开发区'],
    ['上海市松江区', '松江区'],
    ['310117', '松江区'],
  ])('%s → %s', (name, region) => {
    expect(directory.canonical(name)).toBe(region);
  });

  it.each([
    ['Songjiang', '松江区'],
    ['songjiang district', '松江区'],
    ['Songjiang-District', '松江区'],
    ['SONGJIANG', '松江区'],
    ['Pudong', '浦东新区'],
    ['Pudong New Area', '浦东新区'],
    ['Taicang', '太仓市'],
    ['Tai Cang', '太仓市'],
    ['Taicang City', '太仓市'],
    ['Minhang', '闵行区'],
    ['Yangzhou ETDZ', '扬州经济技术开发区'],
    ['Yangzhou Economic and Technological Development Zone', '扬州经济技术开发区'],
    ['Taicanggang ETDZ', '太仓港经济技术开发区'],
    ['Tai Cang Gang Economic Development Zone', '太仓港经济技术开发区'],
  ])('reads pinyin: %s → %s', (name, region) => {
    expect(directory.canonical(name)).toBe(region);
  });

  it.each([
    ['松江區', '松江区'],
    ['太倉市', '太仓市'],
    ['太倉', '太仓市'],
    ['揚州經開區', '扬州经济技术开发区'],
  ])('reads traditional script: %s → %s', (name, region) => {
    expect(directory.canonical(name)).toBe(region);
  });

  it('finds a region filed in traditional script by its simplified names, and returns it as filed', () => {
    const traditional = new RegionDirectory(['太倉港經濟技術開發區']);
    expect(traditional.canonical('太仓港经开区')).toBe('太倉港經濟技術開發區');
    expect(traditional.mentions('太仓港经开区的政策')).toMatchObject([{ name: '太倉港經濟技術開發區', inCorpus: true }]);
    expect(traditional.parents('太倉港經濟技術開發區').map((p) => p.name)).toEqual(['太仓市', '苏州市', '江苏省']);
  });

  it('has no canonical region for places with no policy of their own, unknown names, or several regions at once', () => {
    expect(directory.canonical('杭州')).toBeNull();
    expect(directory.canonical('苏州')).toBeNull();
    expect(directory.canonical('火星')).toBeNull();
    expect(directory.canonical('')).toBeNull();
    expect(directory.canonical('松江和嘉定')).toBeNull();
    expect(directory.canonical('Taic Ang')).toBeNull();
  });

  it('still tells what such a name denotes', () => {
    expect(directory.resolve('杭州')).toEqual({ name: '杭州市', level: 'city', code: '3301', inCorpus: false });
    expect(directory.resolve('Suzhou')).toMatchObject({ name: '苏州市', inCorpus: false });
  });
});

describe('a zone named after its place', () => {
  it('answers to the bare place name when it is the only region on file there', () => {
    expect(directory.canonical('扬州')).toBe('扬州经济技术开发区');
  });

  it('leaves the place name to the city once the city has policies of its own', () => {
    const withCity = new RegionDirectory([...CORPUS, '扬州市']);
    expect(withCity.canonical('扬州')).toBe('扬州市');
    expect(withCity.canonical('扬州经开区')).toBe('扬州经济技术开发区');
    expect(withCity.scope('扬州').map((s) => [s.region, s.relation])).toEqual([
      ['扬州市', 'self'],
      ['扬州经济技术开发区', 'within'],
    ]);
  });

  it('leaves it to the city when another region on file lies there too', () => {
    const withDistrict = new RegionDirectory([...CORPUS, '邗江区']);
    expect(withDistrict.canonical('扬州')).toBeNull();
    expect(withDistrict.resolve('扬州')?.name).toBe('扬州市');
    expect(withDistrict.scope('扬州').map((s) => s.region)).toEqual(['邗江区', '扬州经济技术开发区']);
  });

  it('keeps the corpus spelling of a region filed under a short spelling', () => {
    const short = new RegionDirectory(['扬州经开区']);
    expect(short.canonical('扬州经济技术开发区')).toBe('扬州经开区');
    expect(names(short.parents('扬州经开区'))).toEqual(['扬州市', '江苏省']);
  });
});

describe('parents from the GB/T 2260 division tree', () => {
  it('places a county-level city in its prefecture and province', () => {
    expect(directory.parents('太仓市')).toEqual([
      { name: '苏州市', level: 'city', code: '3205', inCorpus: false },
      { name: '江苏省', level: 'province', code: '32', inCorpus: false },
    ]);
  });

  it("hangs a municipality's districts directly under it", () => {
    expect(directory.parents('松江区')).toEqual([{ name: '上海市', level: 'province', code: '31', inCorpus: false }]);
    expect(names(directory.parents('浦东'))).toEqual(['上海市']);
  });

  it('places a zone the dataset lists, and one it does not by the place its name starts with', () => {
    expect(names(directory.parents('扬州经济技术开发区'))).toEqual(['扬州市', '江苏省']);
    expect(directory.resolve('太仓港经济技术开发区')).toEqual({ name: '太仓港经济技术开发区', level: 'zone', code: null, inCorpus: true });
    expect(names(directory.parents('太仓港经济技术开发区'))).toEqual(['太仓市', '苏州市', '江苏省']);
  });

  it('answers within() both ways', () => {
    expect(directory.within('太仓市', '苏州市')).toBe(true);
    expect(directory.within('太仓', '江苏')).toBe(true);
    expect(directory.within('苏州', '江苏')).toBe(true);
    expect(directory.within('松江', '上海')).toBe(true);
    expect(directory.within('Taicang', 'Suzhou')).toBe(true);
    expect(directory.within('松江', '苏州')).toBe(false);
    expect(directory.within('苏州', '太仓')).toBe(false);
    expect(directory.within('火星', '江苏')).toBe(false);
  });
});

describe('scope: the regions on file a question about a region should search', () => {
  it('finds the regions on file inside a city with no policy of its own (苏州 → 太仓)', () => {
    expect(directory.scope('苏州')).toEqual([
      { region: '太仓市', relation: 'within', level: 'county' },
      { region: '太仓港经济技术开发区', relation: 'within', level: 'zone' },
    ]);
  });

  it('adds the policies of the regions above, nearest first', () => {
    const layered = new RegionDirectory(['松江区', '上海市', '太仓市', '苏州市', '江苏省']);
    expect(layered.scope('松江').map((s) => [s.region, s.relation])).toEqual([
      ['松江区', 'self'],
      ['上海市', 'above'],
    ]);
    expect(layered.scope('太仓').map((s) => [s.region, s.relation])).toEqual([
      ['太仓市', 'self'],
      ['苏州市', 'above'],
      ['江苏省', 'above'],
    ]);
    expect(layered.scope('江苏').map((s) => s.region)).toEqual(['江苏省', '苏州市', '太仓市']);
  });

  it('is empty for a region with nothing on file, and for an unknown name', () => {
    expect(directory.scope('杭州')).toEqual([]);
    expect(directory.scope('火星')).toEqual([]);
  });
});

describe('aliases', () => {
  it('lists every name a user may write', () => {
    expect(directory.aliases('浦东新区')).toEqual(['浦东新区', '浦东']);
    expect(directory.aliases('扬州经济技术开发区')).toEqual(['扬州经济技术开发区', '扬州经开区', '扬州经济开发区', '扬州开发区', '扬州']);
    expect(directory.aliases('火星')).toEqual([]);
  });
});

describe('names several regions bear', () => {
  it('places them beside the other regions on file', () => {
    const nanjing = new RegionDirectory(['鼓楼区', '玄武区']);
    expect(nanjing.resolve('鼓楼区')?.code).toBe('320106');
    expect(names(nanjing.parents('鼓楼区'))).toEqual(['南京市', '江苏省']);
    expect(nanjing.problems).toEqual([]);
    const fuzhou = new RegionDirectory(['鼓楼区', '福州市']);
    expect(fuzhou.resolve('鼓楼区')?.code).toBe('350102');
  });

  it('reports one it cannot place rather than guessing', () => {
    const alone = new RegionDirectory(['鼓楼区']);
    expect(alone.parents('鼓楼区')).toEqual([]);
    expect(alone.canonical('鼓楼')).toBe('鼓楼区');
    expect(alone.problems).toHaveLength(1);
    expect(alone.problems[0]).toMatchObject({ region: '鼓楼区', problem: 'ambiguous' });
    expect(alone.problems[0]?.candidates.map((c) => c.code).sort()).toEqual(['320106', '320302', '350102', '410204']);
  });

  it('lets the corpus decide a romanised name (Suzhou: 苏州 or 宿州)', () => {
    expect(directory.canonical('Suzhou')).toBeNull();
    expect(directory.resolve('Suzhou')?.name).toBe('苏州市');
    const anhui = new RegionDirectory(['宿州市']);
    expect(anhui.canonical('Suzhou')).toBe('宿州市');
    const neither = new RegionDirectory(['松江区']);
    expect(neither.resolve('Suzhou')).toBeNull();
  });

  it('resolves a short name borne by a province and a city to the province (吉林)', () => {
    expect(directory.resolve('吉林')?.name).toBe('吉林省');
    expect(directory.resolve('吉林市')?.name).toBe('吉林市');
  });

  it('reports a region the dataset does not know, placed nowhere', () => {
    const odd = new RegionDirectory(['火星']);
    expect(odd.canonical('火星')).toBe('火星');
    expect(odd.parents('火星')).toEqual([]);
    expect(odd.problems).toEqual([{ region: '火星', problem: 'unknown', candidates: [] }]);
  });
});
