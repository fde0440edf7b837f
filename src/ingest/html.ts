import * as cheerio from 'cheerio';
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { parseDateValue } from '../corpus/dates.js';
import { parseHeaderLine, readHeaderFields, type HeaderKey } from '../corpus/header.js';
import { isBreadcrumb, isSiteChrome } from '../corpus/front-matter.js';
import { decodeText } from './encoding.js';
import { blockLines } from './html-text.js';
import type { ReadResult } from './types.js';

/**
 * A policy page saved from a government website: the site's info block (索引号, 发文字号, 发文机关,
 * 成文日期, 发布日期…) becomes hints; navigation, breadcrumbs, footers, share and print links and
 * scripts are dropped; the main content is the smallest element that holds most of the page's
 * Chinese text outside links, which is where a site puts the document.
 */

const DROPPED = 'script, style, noscript, iframe, object, embed, svg, canvas, form, button, input, select, textarea, link, meta, template, nav, aside';
/** Class or id words sites give their furniture. */
const CHROME_NAME = /(^|[-_\s])(nav|navbar|menu|breadcrumbs?|crumbs?|bread|footer|foot|share|print|sidebar|toolbar|tools|copyright|position|location|dqwz|fenxiang|related|xgwj|bottom|topbar|header-top|search|login)([-_\s]|$)/i;
/** The main content holds at least this share of its parent's text; deeper elements are tried while it does. */
const MAIN_SHARE = 0.8;
const INFO_MAX_CHARS = 800;
/** Furniture holds less than this share of a page's text outside links. */
const FURNITURE_MAX_SHARE = 0.5;
const MIN_INFO_FIELDS = 2;

const HINT_KEYS: Partial<Record<HeaderKey, string>> = {
  title: 'title',
  docNumber: 'docNumber',
  issuer: 'issuer',
  issued: 'issued',
  published: 'published',
  validFrom: 'validFrom',
  validTo: 'validTo',
  indexNumber: 'indexNumber',
};
const DATE_KEYS = new Set(['issued', 'published', 'validFrom', 'validTo']);

function declaredCharset(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 4096).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1] ?? null;
}

const hanCount = (text: string): number => text.match(/\p{Script=Han}/gu)?.length ?? 0;

/** Chinese characters of an element outside links: the measure of where the document is. */
function contentWeight($: CheerioAPI, element: Element): number {
  const all = hanCount($(element).text());
  const links = $(element)
    .find('a')
    .toArray()
    .reduce((sum, a) => sum + hanCount($(a).text()), 0);
  return all - links;
}

/** Site info blocks: small elements with several header fields, innermost first. */
function infoBlocks($: CheerioAPI): Element[] {
  const blocks = $('table, ul, dl, div, section, p')
    .toArray()
    .filter((el) => {
      const text = $(el).text();
      if (text.length > INFO_MAX_CHARS) return false;
      const fields = blockLines($, el).flatMap((line) => parseHeaderLine(line) ?? []);
      return fields.filter((f) => f.key !== 'other').length >= MIN_INFO_FIELDS;
    });
  // The innermost: an outer one may hold document text as well; any info line left over is front matter.
  return blocks.filter((el) => !blocks.some((inner) => inner !== el && $(el).find(inner).length > 0));
}

function mainContent($: CheerioAPI): Element {
  let current = $('body').get(0) ?? ($.root().children().get(0) as Element);
  for (;;) {
    const weight = contentWeight($, current);
    const child = $(current)
      .children()
      .toArray()
      .find((c) => contentWeight($, c) >= MAIN_SHARE * weight);
    if (!child || weight === 0) return current;
    current = child;
  }
}

function pageTitle($: CheerioAPI): string | null {
  const h1 = $('h1').first().text().trim();
  if (h1) return h1;
  // <title>某某措施_政策文件_某某区人民政府</title>: the longest part is the document's.
  const parts = $('title').first().text().split(/\s*[_|｜—-]\s*/).map((p) => p.trim());
  return parts.sort((a, b) => b.length - a.length)[0] || null;
}

export function readHtml(bytes: Buffer): ReadResult {
  const { text: html, encoding } = decodeText(bytes, declaredCharset(bytes));
  const $ = cheerio.load(html);
  $(DROPPED).remove();

  const hints: Record<string, string> = {};
  for (const block of infoBlocks($)) {
    for (const [key, field] of readHeaderFields(blockLines($, block))) {
      const hint = HINT_KEYS[key];
      if (!hint || hints[hint] !== undefined) continue;
      const value = DATE_KEYS.has(hint) ? parseDateValue(field.value) : field.value;
      if (value) hints[hint] = value;
    }
    $(block).remove();
  }
  const title = hints.title ?? pageTitle($);
  $('header, footer').remove();
  // A furniture name on an element that holds most of the page's text is a site's odd naming, not furniture.
  const page = $('body').get(0);
  const pageWeight = page ? contentWeight($, page) : 0;
  $('[class], [id]')
    .toArray()
    .filter((el) => CHROME_NAME.test(`${$(el).attr('class') ?? ''} ${$(el).attr('id') ?? ''}`))
    .filter((el) => contentWeight($, el) < FURNITURE_MAX_SHARE * pageWeight)
    .forEach((el) => $(el).remove());

  const lines = blockLines($, mainContent($)).filter((line) => !isSiteChrome(line) && !isBreadcrumb(line));
  // A site prints the title above the content, outside it: put it back at the top.
  if (title && !lines.slice(0, 8).some((line) => line.replace(/\s/g, '').includes(title.replace(/\s/g, '')))) lines.unshift(title);
  return { text: `${lines.join('\n')}\n`, hints, format: 'html', encoding };
}
