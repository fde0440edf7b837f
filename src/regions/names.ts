import type { RegionLevel } from './types.js';

/**
 * How Chinese region names are built: a stem and a suffix that says what kind of unit it is. One
 * general rule makes the short names: drop the suffix, keep a stem of at least two characters
 * (浦东新区 → 浦东, 松江区 → 松江, 太仓市 → 太仓; 沛县 keeps its suffix). A development zone is named after
 * the place it lies in (扬州经济技术开发区), so its stem is that place, not the zone: the zone's short
 * names keep a short form of the suffix (扬州经开区, 扬州经济开发区, 扬州开发区).
 */

export interface SuffixKind {
  /** The dataset's spelling. */
  suffix: string;
  /** Every spelling that marks this kind at the end of a name, the dataset's first. */
  spellings: string[];
  /** Further suffixes users put after the stem for it (开发区 for an 经济技术开发区). */
  looser: string[];
  /** The level of a name with this suffix when the dataset does not list it. */
  level: RegionLevel;
  /** The stem names the place the unit lies in, not the unit (扬州 of 扬州经开区). */
  zone: boolean;
  /** English words for the suffix, lower case, one phrase per entry. */
  english: string[];
}

function kind(
  spellings: string[],
  level: RegionLevel,
  english: string[],
  options: { zone?: boolean; looser?: string[] } = {},
): SuffixKind {
  return { suffix: spellings[0] ?? '', spellings, looser: options.looser ?? [], level, zone: options.zone ?? false, english };
}

export const SUFFIX_KINDS: SuffixKind[] = [
  kind(['特别行政区'], 'province', ['special administrative region', 'sar']),
  kind(['自治区'], 'province', ['autonomous region']),
  kind(['省'], 'province', ['province']),
  kind(['自治州'], 'city', ['autonomous prefecture', 'prefecture']),
  kind(['地区'], 'city', ['prefecture']),
  kind(['盟'], 'city', ['league']),
  kind(['市'], 'city', ['city', 'municipality']),
  kind(['新区'], 'county', ['new area', 'new district', 'district']),
  kind(['自治县'], 'county', ['autonomous county', 'county']),
  kind(['县'], 'county', ['county']),
  kind(['自治旗'], 'county', ['autonomous banner', 'banner']),
  kind(['旗'], 'county', ['banner']),
  kind(['林区'], 'county', ['forestry district']),
  kind(['区'], 'county', ['district']),
  kind(['经济技术开发区', '经开区', '经济开发区'], 'zone', [
    'economic and technological development zone',
    'economic technological development zone',
    'economic and technology development zone',
    'economic development zone',
    'development zone',
    'development area',
    'etdz',
    'edz',
  ], { zone: true, looser: ['开发区'] }),
  kind(['高新技术产业开发区', '高新技术开发区', '高新技术产业园区', '高新区'], 'zone', [
    'high tech industrial development zone',
    'hi tech industrial development zone',
    'high tech development zone',
    'high tech zone',
    'hi tech zone',
    'hitech zone',
    'high tech park',
    'hi tech park',
    'high technology zone',
    'hidz',
  ], { zone: true }),
  kind(['工业园区', '工业园'], 'zone', ['industrial park', 'industrial zone'], { zone: true }),
  kind(['综合保税区', '保税区'], 'zone', ['bonded zone', 'bonded area', 'comprehensive bonded zone'], { zone: true }),
  kind(['开发区'], 'zone', ['development zone', 'development area'], { zone: true }),
  kind(['园区'], 'zone', ['park'], { zone: true }),
  kind(['街道'], 'town', ['subdistrict', 'sub district', 'street']),
  kind(['镇'], 'town', ['town']),
  kind(['乡'], 'town', ['township']),
  kind(['苏木'], 'town', ['sumu']),
];

/** Every suffix spelling, longest first, so that 经济技术开发区 is read before 开发区 and 区. */
const SPELLINGS: [string, SuffixKind][] = SUFFIX_KINDS.flatMap((k) => k.spellings.map((s): [string, SuffixKind] => [s, k])).sort(
  (a, b) => b[0].length - a[0].length,
);

/**
 * The zone suffix written at a position (经济技术开发区 in 长沙经济技术开发区), longest spelling first:
 * after a place's name it makes a zone named after that place.
 */
export function zoneSuffixAt(text: string, at: number): string | null {
  for (const [spelling, k] of SPELLINGS) if (k.zone && text.startsWith(spelling, at)) return spelling;
  return null;
}

/** The 56 recognised ethnic groups, as autonomous units put them between stem and suffix (大厂回族自治县). */
const ETHNIC_GROUPS =
  '汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺'.split(
    ' ',
  );
const ETHNIC_TAIL = new RegExp(`(?:(?:${[...ETHNIC_GROUPS].sort((a, b) => b.length - a.length).join('|')})族|维吾尔)$`);
/** Units that put ethnic groups before their suffix. */
const ETHNIC_UNIT = /^(自治|乡$)/;

/** A stem shorter than this is not a name on its own (沛 of 沛县, 城 of 城区). */
export const MIN_STEM_CHARS = 2;

export interface NameParts {
  stem: string;
  /** The suffix as written; '' when the name has none this module knows. */
  suffix: string;
  kind: SuffixKind | null;
}

export function charLength(text: string): number {
  return [...text].length;
}

/** 扬州经济技术开发区 → 扬州 + 经济技术开发区; 大厂回族自治县 → 大厂 + 自治县 (ethnic groups dropped). */
export function splitName(name: string): NameParts {
  for (const [spelling, k] of SPELLINGS) {
    if (name.length > spelling.length && name.endsWith(spelling)) {
      let stem = name.slice(0, -spelling.length);
      if (!ETHNIC_UNIT.test(spelling)) return { stem, suffix: spelling, kind: k };
      // The ethnic groups of an autonomous unit (双江拉祜族佤族布朗族傣族自治县) are dropped one by one,
      // but never down to less than a name.
      for (let bare = stem.replace(ETHNIC_TAIL, ''); bare !== stem && charLength(bare) >= MIN_STEM_CHARS; bare = stem.replace(ETHNIC_TAIL, '')) {
        stem = bare;
      }
      return { stem, suffix: spelling, kind: k };
    }
  }
  return { stem: name, suffix: '', kind: null };
}

export interface NameAlias {
  alias: string;
  /** The alias is a stem without any suffix (浦东), a weaker sign that the text names a place. */
  bare: boolean;
}

/**
 * Every name a user may write for a region of this full name: the name itself; for a zone, its stem
 * with each spelling of its suffix (扬州经开区, 扬州经济开发区, 扬州开发区), also with the stem's own
 * 市 dropped (秦皇岛市经济技术开发区 → 秦皇岛经开区); for anything else the stem alone when it has at
 * least two characters (浦东, 松江, 内蒙古), and an autonomous unit with its plain suffix (大厂县).
 */
export function aliasesOfName(name: string): NameAlias[] {
  const out: NameAlias[] = [{ alias: name, bare: false }];
  const add = (alias: string, bare: boolean): void => {
    if (!out.some((a) => a.alias === alias)) out.push({ alias, bare });
  };
  const { stem, kind: k } = splitName(name);
  if (!k) return out;
  if (k.zone) {
    const stems = [stem];
    const placeStem = splitName(stem);
    if (placeStem.kind && !placeStem.kind.zone && charLength(placeStem.stem) >= MIN_STEM_CHARS) stems.push(placeStem.stem);
    for (const s of stems) for (const spelling of [...k.spellings, ...k.looser]) add(`${s}${spelling}`, false);
    return out;
  }
  if (charLength(stem) < MIN_STEM_CHARS) return out;
  add(stem, true);
  const plain = /^自治([县州旗])$/.exec(k.suffix)?.[1];
  if (plain) add(`${stem}${plain}`, false);
  return out;
}

/** The place a zone's name starts with (扬州 of 扬州经济技术开发区), or null for a name that is no zone. */
export function zonePlace(name: string): string | null {
  const { stem, kind: k } = splitName(name);
  return k?.zone ? stem : null;
}
