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
