import { toSimplified } from '../text/script.js';
import { holds, leadingPlaces, mentionedPlaces, type PlaceName } from './place-names.js';

/**
 * The region a policy is about, read from its own words through the GB/T 2260 divisions: the
 * issuer's place first (扬州经济技术开发区管理委员会 → 扬州经济技术开发区; 长阳县人民政府 → 长阳土家族
 * 自治县), made more specific by a place inside it that the title names (a zone over its city, a
 * district over its municipality); else the title's place; else, when the text says nothing else,
 * the one place its body names. A place the title merely mentions never replaces the issuer's by
 * one outside it.
 */

export interface RegionEvidence {
  /** The issuing organisations, lead first: the header's 发文机关, the signature, a red header. */
  issuers: string[];
  title: string | null;
  /** The document's paragraphs in simplified script, read when neither issuer nor title names a place. */
  body: string[];
}

/** Where the region was read: `body` is a guess from the places the text names, worth a warning. */
export type RegionSource = 'issuer' | 'title' | 'body';

export interface RegionReading {
  region: string;
  source: RegionSource | null;
}

/** What may follow a unit the divisions lack at the start of a title: it is the issuer's (西咸新区关于…). */
const ISSUER_FOLLOWS = /^(关于|人民政府|管理委员会|管委会|党工委|办公室|印发)/;

/** The last place of the first issuer that names one: the issuer's own place. */
function issuerPlace(issuers: string[]): PlaceName | null {
  for (const issuer of issuers) {
    for (const name of toSimplified(issuer).split(/[、，,\s]+/)) {
      const chain = leadingPlaces(name);
      const last = chain[chain.length - 1];
      if (last) return last;
    }
  }
  return null;
}

/**
 * The places a title names. A short county name (萧山) counts only when the document names it
 * again elsewhere: a title is short, and two mentions are not a coincidence of words.
 */
function titlePlaces(title: string, body: string): PlaceName[] {
  const named = (alias: string): boolean => body.includes(alias);
  const lead = leadingPlaces(title, named);
  const last = lead[lead.length - 1];
  // A unit the divisions lack is believed only as the issuer of a title (西咸新区关于…).
  if (last && last.places.length === 0 && !ISSUER_FOLLOWS.test(title.slice(last.end))) lead.pop();
  const after = lead[lead.length - 1]?.end ?? 0;
  return [...lead, ...mentionedPlaces(title.slice(after), named).map((p) => ({ ...p, start: p.start + after, end: p.end + after }))];
}

/** Along a chain of places each inside the one before, the last; a place outside the first is ignored. */
function deepest(first: PlaceName, others: PlaceName[]): PlaceName {
  let chosen = first;
  for (const other of others) if (holds(chosen, other)) chosen = other;
  return chosen;
}

/**
 * A street address (某市某区凤台东街2288号): where an office sits, not what the text is about. Up to
 * ADDRESS_REACH characters before the street are the places the address runs through.
 */
const ADDRESS_REACH = 12;
const STREET_ADDRESS = new RegExp(`\\p{Script=Han}{1,${ADDRESS_REACH}}(?:路|街|大道|大街|巷)[\\d０-９]+号`, 'gu');

/** The one place a body names once its enclosing places are set aside, or null when it names none or several. */
function soleBodyPlace(body: string): PlaceName | null {
  const found = mentionedPlaces(body.replace(STREET_ADDRESS, ''));
  const innermost = found.filter((p) => !found.some((q) => q !== p && q.name !== p.name && holds(p, q)));
  const names = new Set(innermost.map((p) => p.name));
  return names.size === 1 ? (innermost[0] ?? null) : null;
}

export function readRegion(evidence: RegionEvidence): RegionReading {
  const body = evidence.body.join('\n');
  const title = toSimplified(evidence.title ?? '');
  const fromTitle = title === '' ? [] : titlePlaces(title, body.replace(title, ''));
  const issuer = issuerPlace(evidence.issuers);
  if (issuer) return { region: deepest(issuer, fromTitle).name, source: 'issuer' };
  const [first, ...rest] = fromTitle;
  if (first) return { region: deepest(first, rest).name, source: 'title' };
  const sole = soleBodyPlace(body);
  return sole ? { region: sole.name, source: 'body' } : { region: '', source: null };
}

/** The most specific place an organisation's name starts with: 上海市松江区科委 → 松江区; null for 市政府办公室. */
export function regionOf(name: string): string | null {
  const chain = leadingPlaces(toSimplified(name.split(/[、\s]/)[0] ?? ''));
  return chain[chain.length - 1]?.name ?? null;
}
