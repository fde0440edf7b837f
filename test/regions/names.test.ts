import { describe, expect, it } from 'vitest';
import { aliasesOfName, splitName, zonePlace } from '../../src/regions/names.js';

const aliases = (name: string) => aliasesOfName(name).map((a) => a.alias);
const shortNames = (name: string) => aliasesOfName(name).filter((a) => a.bare).map((a) => a.alias);

describe('short names by one rule: drop the suffix, keep at least two characters', () => {
  it.each([
    ['浦东新区', '浦东'],
    ['松江区', '松江'],
    ['太仓市', '太仓'],
    ['上海市', '上海'],
    ['江苏省', '江苏'],
    ['内蒙古自治区', '内蒙古'],
    ['广西壮族自治区', '广西'],
    ['新疆维吾尔自治区', '新疆'],
    ['香港特别行政区', '香港'],
    ['延边朝鲜族自治州', '延边'],
    ['锡林郭勒盟', '锡林郭勒'],
    ['阿克苏地区', '阿克苏'],
    ['科尔沁左翼中旗', '科尔沁左翼中'],
    ['娄东街道', '娄东'],
    ['城厢镇', '城厢'],
  ])('%s is also called %s', (name, short) => {
    expect(shortNames(name)).toEqual([short]);
  });

  it('keeps a one-character stem with its suffix (沛县 is never 沛)', () => {
    expect(aliases('沛县')).toEqual(['沛县']);
    expect(aliases('城区')).toEqual(['城区']);
  });

  it('drops every ethnic group of an autonomous unit, and offers the plain suffix', () => {
    expect(aliases('大厂回族自治县')).toEqual(['大厂回族自治县', '大厂', '大厂县']);
    expect(shortNames('双江拉祜族佤族布朗族傣族自治县')).toEqual(['双江']);
    expect(splitName('宁夏回族自治区')).toMatchObject({ stem: '宁夏', suffix: '自治区' });
  });

  it('does not mistake the end of an ordinary stem for an ethnic group (六盘水市 stays 六盘水)', () => {
    expect(shortNames('六盘水市')).toEqual(['六盘水']);
    expect(shortNames('北京市')).toEqual(['北京']);
  });
});

describe('zones are named after the place they lie in', () => {
  it('gives an economic development zone its short spellings, but not the bare place name', () => {
    expect(aliases('扬州经济技术开发区')).toEqual(['扬州经济技术开发区', '扬州经开区', '扬州经济开发区', '扬州开发区']);
    expect(shortNames('扬州经济技术开发区')).toEqual([]);
    expect(zonePlace('扬州经济技术开发区')).toBe('扬州');
  });

  it('reads each kind of zone by its longest suffix', () => {
    expect(splitName('苏州工业园区')).toMatchObject({ stem: '苏州', suffix: '工业园区' });
    expect(splitName('合肥高新技术产业开发区')).toMatchObject({ stem: '合肥', suffix: '高新技术产业开发区' });
    expect(aliases('合肥高新技术产业开发区')).toContain('合肥高新区');
    expect(splitName('扬州经开区')).toMatchObject({ stem: '扬州', suffix: '经开区' });
    expect(splitName('上海外高桥保税区')).toMatchObject({ stem: '上海外高桥', suffix: '保税区' });
  });

  it('also drops the 市 of a zone named after a city (秦皇岛市经济技术开发区 → 秦皇岛经开区)', () => {
    expect(aliases('秦皇岛市经济技术开发区')).toContain('秦皇岛经开区');
  });

  it('a new area is a region of its own, with a short name (浦东新区 → 浦东)', () => {
    expect(zonePlace('浦东新区')).toBeNull();
  });
});
