import { isIsoDate, todayInChina } from '../corpus/dates.js';
import type { IsoDate } from '../corpus/types.js';
import type { ErrorCode } from './types.js';

/** What every transport accepts, checked in one place so that each gives the same answer to bad input. */

export const MAX_QUESTION_CHARS = 500;

export interface AnswerRequest {
  question: string;
  /** A region name or short name; null for all regions. */
  region: string | null;
  asOf: IsoDate;
}

export type RequestCheck = { ok: true; request: AnswerRequest } | { ok: false; code: ErrorCode; message: string };

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/;
/** Half of a surrogate pair on its own is not text: only a crafted client sends one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const ALL_REGIONS = new Set(['', '全部', '所有', 'all', '*']);
/** Regions named in an unknown region's error: enough to pick from; the rest are counted. */
const MAX_LISTED_REGIONS = 20;

/** Reads a region name (松江, 浦东, Songjiang) and knows the regions on file, for the error when it cannot. */
export interface RegionLookup {
  resolveRegion(name: string): string | null;
  regionsOnFile(): readonly string[];
}

export function checkRequest(
  input: { question?: unknown; region?: unknown; asOf?: unknown },
  regions: RegionLookup | ((name: string) => string | null),
  today: IsoDate = todayInChina(),
): RequestCheck {
  const { question, region, asOf } = input;
  if (typeof question !== 'string') return { ok: false, code: 'bad-question', message: 'question must be a string' };
  const trimmed = question.trim();
  if (trimmed === '') return { ok: false, code: 'bad-question', message: 'question is empty' };
  if ([...trimmed].length > MAX_QUESTION_CHARS) {
    return {
      ok: false,
      code: 'question-too-long',
      message: `question is ${[...trimmed].length} characters; the limit is ${MAX_QUESTION_CHARS}`,
    };
  }
  if (CONTROL.test(trimmed) || LONE_SURROGATE.test(trimmed)) {
    return { ok: false, code: 'bad-question', message: 'question contains control characters or binary data' };
  }

  let resolvedRegion: string | null = null;
  if (region !== undefined && region !== null) {
    if (typeof region !== 'string' || region.length > 40) {
      return { ok: false, code: 'bad-region', message: 'region must be a short string such as 松江区' };
    }
    if (!ALL_REGIONS.has(region.trim().toLowerCase())) {
      resolvedRegion = typeof regions === 'function' ? regions(region) : regions.resolveRegion(region);
      if (resolvedRegion === null) return { ok: false, code: 'bad-region', message: unknownRegion(region.trim(), regions) };
    }
  }

  let date = today;
  if (asOf !== undefined && asOf !== null && asOf !== '') {
    if (typeof asOf !== 'string' || !isIsoDate(asOf)) {
      return { ok: false, code: 'bad-date', message: 'asOf must be a date written YYYY-MM-DD' };
    }
    date = asOf;
  }
  return { ok: true, request: { question: trimmed, region: resolvedRegion, asOf: date } };
}

function unknownRegion(name: string, regions: RegionLookup | ((name: string) => string | null)): string {
  const message = `no policies for region "${name}"`;
  if (typeof regions === 'function') return message;
  const onFile = regions.regionsOnFile();
  if (onFile.length === 0) return `${message}; no policies are on file`;
  const listed = onFile.slice(0, MAX_LISTED_REGIONS).join(', ');
  const more = onFile.length > MAX_LISTED_REGIONS ? ` and ${onFile.length - MAX_LISTED_REGIONS} more` : '';
  return `${message}; regions on file: ${listed}${more}`;
}
