import * as cheerio from 'cheerio';
import type { CheerioAPI } from 'cheerio';
import JSZip from 'jszip';
import type { Element } from 'domhandler';

/**
 * Word's automatic numbering (第%1条, %1、, （%1）) lives outside the text, in numbering.xml, and HTML
 * conversions keep only "a list". The corpus cuts clauses at their printed numbers, so each numbered
 * paragraph gets its number written in front of its text, formatted as Word would show it, before
 * the document is converted.
 */

interface Level {
  format: string;
  text: string;
  start: number;
}

const CN_DIGITS = '〇一二三四五六七八九';
const TRADITIONAL_STEMS = '甲乙丙丁戊己庚辛壬癸';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

function chineseCounting(n: number): string {
  if (n < 10) return CN_DIGITS[n] ?? String(n);
  if (n < 20) return `十${n % 10 === 0 ? '' : CN_DIGITS[n % 10]}`;
  if (n < 100) return `${CN_DIGITS[Math.floor(n / 10)]}十${n % 10 === 0 ? '' : CN_DIGITS[n % 10]}`;
  if (n < 1000) {
    const rest = n % 100;
    const tail = rest === 0 ? '' : rest < 10 ? `零${CN_DIGITS[rest]}` : rest < 20 ? `一${chineseCounting(rest)}` : chineseCounting(rest);
    return `${CN_DIGITS[Math.floor(n / 100)]}百${tail}`;
  }
  return String(n);
}

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [value, digits] of table) while (n >= value) (out += digits), (n -= value);
  return out;
}

function letters(n: number): string {
  return String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
}

export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCounting(n);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return [...String(n)].map((d) => CN_DIGITS[Number(d)]).join('');
    case 'ideographTraditional':
      return TRADITIONAL_STEMS[n - 1] ?? String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return CIRCLED[n - 1] ?? String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return [...String(n)].map((d) => String.fromCharCode(0xff10 + Number(d))).join('');
    case 'decimalZero':
      return String(n).padStart(2, '0');
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerLetter':
      return letters(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    case 'lowerRoman':
      return roman(n);
    case 'bullet':
    case 'none':
      return '';
    default:
      return String(n);
  }
}

const attr = ($: CheerioAPI, el: Element | undefined, name: string): string | undefined => (el ? $(el).attr(name) : undefined);

function readLevels($: CheerioAPI): { abstract: Map<string, Level[]>; nums: Map<string, { abstractId: string; starts: Map<number, number> }> } {
  const abstract = new Map<string, Level[]>();
  $('w\\:abstractNum').each((_, el) => {
    const levels: Level[] = [];
    $(el)
      .children('w\\:lvl')
      .each((__, lvl) => {
        const ilvl = Number($(lvl).attr('w:ilvl') ?? 0);
        levels[ilvl] = {
          format: attr($, $(lvl).children('w\\:numFmt').get(0), 'w:val') ?? 'decimal',
          text: attr($, $(lvl).children('w\\:lvlText').get(0), 'w:val') ?? '',
          start: Number(attr($, $(lvl).children('w\\:start').get(0), 'w:val') ?? 1),
        };
      });
    abstract.set($(el).attr('w:abstractNumId') ?? '', levels);
  });
  const nums = new Map<string, { abstractId: string; starts: Map<number, number> }>();
  $('w\\:num').each((_, el) => {
    const starts = new Map<number, number>();
    $(el)
      .children('w\\:lvlOverride')
      .each((__, o) => {
        const start = attr($, $(o).children('w\\:startOverride').get(0), 'w:val');
        if (start !== undefined) starts.set(Number($(o).attr('w:ilvl') ?? 0), Number(start));
      });
    nums.set($(el).attr('w:numId') ?? '', { abstractId: attr($, $(el).children('w\\:abstractNumId').get(0), 'w:val') ?? '', starts });
  });
  return { abstract, nums };
}

function styleNumbering(stylesXml: string | undefined): Map<string, { numId: string; ilvl: number }> {
  const byStyle = new Map<string, { numId: string; ilvl: number }>();
  if (!stylesXml) return byStyle;
  const $ = cheerio.load(stylesXml, { xml: true });
  $('w\\:style').each((_, style) => {
    const numPr = $(style).children('w\\:pPr').children('w\\:numPr');
    const numId = attr($, numPr.children('w\\:numId').get(0), 'w:val');
    if (numId !== undefined) byStyle.set($(style).attr('w:styleId') ?? '', { numId, ilvl: Number(attr($, numPr.children('w\\:ilvl').get(0), 'w:val') ?? 0) });
  });
  return byStyle;
}

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The document with every automatic number written into its paragraph's text. */
export async function inlineNumbering(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const numberingXml = await zip.file('word/numbering.xml')?.async('string');
  const documentXml = await zip.file('word/document.xml')?.async('string');
  if (!numberingXml || !documentXml) return bytes;
  const { abstract, nums } = readLevels(cheerio.load(numberingXml, { xml: true }));
  const byStyle = styleNumbering(await zip.file('word/styles.xml')?.async('string'));

  const $ = cheerio.load(documentXml, { xml: true });
  // Word counts per list definition: lists that share one continue each other's numbers.
  const counters = new Map<string, number[]>();
  $('w\\:p').each((_, p) => {
    const pPr = $(p).children('w\\:pPr');
    const numPr = pPr.children('w\\:numPr');
    const styleId = attr($, pPr.children('w\\:pStyle').get(0), 'w:val');
    const fromStyle = styleId !== undefined ? byStyle.get(styleId) : undefined;
    const numId = attr($, numPr.children('w\\:numId').get(0), 'w:val') ?? fromStyle?.numId;
    const ilvl = Number(attr($, numPr.children('w\\:ilvl').get(0), 'w:val') ?? fromStyle?.ilvl ?? 0);
    const num = numId !== undefined ? nums.get(numId) : undefined;
    const levels = num ? abstract.get(num.abstractId) : undefined;
    const level = levels?.[ilvl];
    if (!num || !levels || !level || level.format === 'bullet') return;
    const count = counters.get(num.abstractId) ?? [];
    count[ilvl] = count[ilvl] === undefined ? (num.starts.get(ilvl) ?? level.start) : (count[ilvl] ?? 0) + 1;
    count.length = ilvl + 1;
    counters.set(num.abstractId, count);
    const label = level.text.replace(/%(\d)/g, (_m, d: string) => {
      const k = Number(d) - 1;
      return formatNumber(count[k] ?? levels[k]?.start ?? 1, levels[k]?.format ?? 'decimal');
    });
    if (label === '') return;
    // Word puts a tab after the number; a space keeps 第一条 apart from its text as typed texts do.
    const spaced = /[\p{Script=Han}\p{L}\p{N}.]$/u.test(label) ? `${label} ` : label;
    numPr.remove();
    // A paragraph numbered by its style keeps the style but loses the list.
    if (fromStyle) pPr.append('<w:numPr><w:numId w:val="0"/></w:numPr>');
    const run = `<w:r><w:t xml:space="preserve">${escapeXml(spaced)}</w:t></w:r>`;
    if (pPr.length > 0) pPr.after(run);
    else $(p).prepend(run);
  });
  zip.file('word/document.xml', $.xml());
  return zip.generateAsync({ type: 'nodebuffer' });
}
