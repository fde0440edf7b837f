import { describe, expect, it } from 'vitest';
import { RegionDirectory } from '../../src/regions/index.js';
import { DirectoryRegionNames } from '../../src/search/regions.js';

describe('a corpus region several divisions bear (铁西区: 沈阳, 鞍山, 四平)', () => {
  it('is placed by the place its documents write before it', () => {
    const placed = new RegionDirectory(['铁西区'], { writtenWith: new Map([['铁西区', ['沈阳市铁西区人民政府']]]) });
    expect(placed.problems).toEqual([]);
    expect(placed.parents('铁西区').map((p) => p.name)).toContain('沈阳市');
  });

  it('left unplaced, may lie only where one of its divisions is', () => {
    const directory = new RegionDirectory(['铁西区', '太仓市']);
    expect(directory.problems.map((p) => p.problem)).toEqual(['ambiguous']);
    const names = new DirectoryRegionNames(directory);
    expect(names.mayHoldUnplaced('大连市')).toBe(false);
    expect(names.mayHoldUnplaced('沈阳市')).toBe(true);
    expect(names.mayHoldUnplaced('辽宁省')).toBe(true);
  });
});

describe('a name several divisions bear, with its province in the same question', () => {
  it('is the one on file (辽宁省 leaves 沈阳’s and 鞍山’s 铁西区; 沈阳’s is on file)', () => {
    const directory = new RegionDirectory(['铁西区'], { writtenWith: new Map([['铁西区', ['沈阳市铁西区人民政府']]]) });
    const names = new DirectoryRegionNames(directory);
    expect(names.mentions('铁西区新入选辽宁省工业互联网平台的企业奖多少').map((m) => m.region)).toContain('铁西区');
  });
});
