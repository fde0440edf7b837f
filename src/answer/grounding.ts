import type { IsoDate } from '../corpus/types.js';
import { figuresIn, foldFigureText, sameFigure, type FigureValue } from '../text/figures.js';
import { toSimplified } from '../text/script.js';
import { displayLabel, reconcileCitations } from './citations.js';
import { hasContent, isLabelLine, markerNumbers, splitLines, withoutMarkers, type AnswerLine } from './claims.js';
import type { Citation } from './types.js';

/**
 * The check a generated answer passes before anyone sees it as checked. Every sentence must cite a
 * source by a marker that names one; every amount, percentage, count and date it states must be
 * stated by a source it cites (or be the date asked about); a block quote must be a piece of the
 * clause it cites, word for word once spaces and script are set aside; a sentence that repeats the
 * model's own instructions, or cites a clause that gives instructions to a model, is not an answer.
 * Sentences that fail are removed, and the answer says so; when too little is left, the caller
 * answers extractively instead.
 */

export type RemovalReason = 'no-marker' | 'figure' | 'quote' | 'echo' | 'instruction';

export interface GroundingOptions {
  asOf: IsoDate;
  language: 'zh' | 'en';
  /** A secret of this request, written in the prompt: text that contains it repeats the prompt. */
  canary?: string;
  /** The rules the model was given: sentences that mostly repeat them are echoes, not answers. */
  instructions?: string;
}

export interface Grounded {
  /** ok: the answer stands (perhaps with sentences removed); no-citation: nothing cited a source;
   * rejected: it echoed its prompt, or too little survived the check. */
  outcome: 'ok' | 'no-citation' | 'rejected';
  text: string;
  citations: Citation[];
  /** Every sentence passed and every marker named a source. */
  checked: boolean;
  claims: number;
  removed: number;
  reasons: Partial<Record<RemovalReason, number>>;
}

/** Less than this share of the answer's sentences surviving the check is too little to show. */
const MIN_KEPT_SHARE = 0.5;
/** Quoted phrases (“…”) shorter than this are terms (“两化”), not quotations of a clause. */
const MIN_QUOTED_CHARS = 6;
/** Echo check: character n-grams of this length, and the share of a sentence's that may repeat the rules. */
const ECHO_GRAM = 6;
const ECHO_SHARE = 0.5;

/** [n] written inside a policy's own text, made plain text so that no reader takes it for a citation. */
export function neutraliseMarkers(text: string): string {
  return text.replace(/\[(\d{1,3})\]/g, '［$1］');
}

/** Text addressed to a model rather than to a business: what a poisoned document would contain. */
const INSTRUCTION_PATTERNS = [
  /(忽略|无视|忘记|忘掉|不要理会|跳过)(掉)?(以上|上述|之前|前面|先前|此前|所有|全部|一切)(的)?(所有|全部)?(指令|指示|规则|提示|要求|设定|设置|内容)/,
  /\b(ignore|disregard|forget)\s+(all\s+|any\s+)?(the\s+)?(previous|prior|above|earlier|preceding|foregoing)\s+(instructions|rules|prompts?|directions)/i,
  /(系统提示词?|system prompt|你现在是|从现在起你|you are now (a|an|the)\b|as an ai (language )?model)/i,
];

export function looksLikeInstruction(text: string): boolean {
  const simplified = toSimplified(text);
  return INSTRUCTION_PATTERNS.some((re) => re.test(simplified));
}

/** A text as quotes are compared: one script, half-width figures, no spaces, emphasis or quotation marks. */
export function forQuoteMatching(text: string): string {
  return toSimplified(foldFigureText(text))
    .replace(/［(\d{1,3})］/g, '[$1]')
    .replace(/[\s*“”"'‘’「」『』]/g, '');
}

const EDGE_PUNCTUATION = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;

/** Whether a quotation (possibly with …… where it skips words) is a piece of the clause, word for word. */
function quotes(quotation: string, clause: string): boolean {
  const source = forQuoteMatching(clause);
  const pieces = forQuoteMatching(withoutMarkers(quotation))
    .split(/…+|\.{3,}/)
    .map((p) => p.replace(EDGE_PUNCTUATION, ''))
    .filter((p) => p !== '');
  return pieces.length > 0 && pieces.every((p) => source.includes(p));
}

/** A cited clause and what the prompt said about it (title, number, validity): what a sentence may state. */
class Source {
  private figureValues: FigureValue[] | null = null;
  private matchableText: string | null = null;
  readonly instruction: boolean;

  constructor(readonly citation: Citation) {
    this.instruction = looksLikeInstruction(citation.text);
  }

  private get all(): string {
    const c = this.citation;
    return `${[c.title, c.docNumber ?? '', displayLabel(c.clause), c.region, c.validFrom ?? '', c.validTo ?? ''].join(' ')}\n${c.text}`;
  }

  /** Read only when a sentence that cites this clause states a figure. */
  get figures(): FigureValue[] {
    this.figureValues ??= figuresIn(this.all).flatMap((f) => f.values);
    return this.figureValues;
  }

  get matchable(): string {
    this.matchableText ??= forQuoteMatching(this.all);
    return this.matchableText;
  }
}

function grams(text: string): string[] {
  const chars = [...forQuoteMatching(text).replace(/[\p{P}\p{S}]/gu, '')];
  const out: string[] = [];
  for (let i = 0; i + ECHO_GRAM <= chars.length; i++) out.push(chars.slice(i, i + ECHO_GRAM).join(''));
  return out;
}

/** The rules' n-grams, made once per template (the same few for every answer). */
const rulesCache = new Map<string, Set<string>>();
function rulesGrams(instructions: string): Set<string> {
  let cached = rulesCache.get(instructions);
  if (!cached) {
    cached = new Set(grams(instructions.replace(/\{\{\w+\}\}/g, ' ')));
    if (rulesCache.size > 16) rulesCache.clear();
    rulesCache.set(instructions, cached);
  }
  return cached;
}

function echoes(claim: string, rules: Set<string>): boolean {
  if (rules.size === 0) return false;
  const own = grams(withoutMarkers(claim));
  if (own.length < 4) return false;
  return own.filter((g) => rules.has(g)).length >= ECHO_SHARE * own.length;
}

type Verdict = { keep: true } | { keep: false; reason: RemovalReason };

function judge(claim: string, cited: Source[], kind: AnswerLine['kind'], context: { asOf: FigureValue[]; rules: Set<string> }): Verdict {
  if (cited.length === 0) return { keep: false, reason: 'no-marker' };
  if (cited.some((s) => s.instruction)) return { keep: false, reason: 'instruction' };
  if (echoes(claim, context.rules)) return { keep: false, reason: 'echo' };
  const text = withoutMarkers(claim);
  if (kind === 'quote') return cited.some((s) => quotes(text, s.citation.text)) ? { keep: true } : { keep: false, reason: 'quote' };
  for (const figure of figuresIn(text)) {
    for (const value of figure.values) {
      const stated = [...context.asOf, ...cited.flatMap((s) => s.figures)].some((known) => sameFigure(value, known));
      if (!stated) return { keep: false, reason: 'figure' };
    }
  }
  for (const quoted of text.matchAll(/“([^”]+)”/g)) {
    const words = forQuoteMatching(quoted[1] ?? '').replace(EDGE_PUNCTUATION, '');
    if ([...words].length >= MIN_QUOTED_CHARS && !cited.some((s) => s.matchable.includes(words))) return { keep: false, reason: 'quote' };
  }
  return { keep: true };
}

/** A quote line without a marker of its own takes those of its quote block (a marker after the block). */
function blockMarkers(lines: AnswerLine[]): Map<number, number[]> {
  const inherited = new Map<number, number[]>();
  let block: number[] = [];
  const close = (): void => {
    const markers = [...new Set(block.flatMap((i) => markerNumbers(lines[i]?.claims.join('') ?? '')))];
    for (const i of block) inherited.set(i, markers);
    block = [];
  };
  lines.forEach((line, i) => (line.kind === 'quote' ? block.push(i) : close()));
  close();
  return inherited;
}

function notice(removed: number, language: GroundingOptions['language']): string {
  return language === 'en'
    ? `(${removed === 1 ? 'One statement' : `${removed} statements`} that could not be checked against the cited clauses ${removed === 1 ? 'was' : 'were'} removed.)`
    : `（另有${removed}处内容无法在所引条款中核对，已删除。）`;
}

export function groundAnswer(text: string, citations: Citation[], options: GroundingOptions): Grounded {
  const rejected = (reason: RemovalReason): Grounded => ({ outcome: 'rejected', text: '', citations: [], checked: false, claims: 0, removed: 0, reasons: { [reason]: 1 } });
  if (options.canary && text.toLowerCase().includes(options.canary.toLowerCase())) return rejected('echo');

  const sources = new Map(citations.map((c) => [c.n, new Source(c)]));
  const context = {
    asOf: figuresIn(options.asOf).flatMap((f) => f.values),
    rules: options.instructions ? rulesGrams(options.instructions) : new Set<string>(),
  };
  const lines = splitLines(text);
  const quoteMarkers = blockMarkers(lines);
  const reasons: Grounded['reasons'] = {};
  let claims = 0;
  let removed = 0;
  let cited = 0;
  let invalidMarkers = 0;

  const kept = lines.map((line, i): string | null => {
    if (line.kind === 'blank') return '';
    const markers = line.claims.flatMap(markerNumbers);
    if (markers.length === 0 && isLabelLine(line) && !line.claims.some((c) => figuresIn(c).length > 0)) return line.prefix + line.claims.join('');
    const parts: string[] = [];
    for (const claim of line.claims) {
      if (!hasContent(claim)) {
        parts.push(claim);
        continue;
      }
      claims++;
      const own = markerNumbers(claim);
      const numbers = line.kind === 'quote' && own.length === 0 ? (quoteMarkers.get(i) ?? []) : own;
      invalidMarkers += numbers.filter((n) => !sources.has(n)).length;
      const citedSources = numbers.flatMap((n) => sources.get(n) ?? []);
      if (citedSources.length > 0) cited++;
      const verdict = judge(claim, citedSources, line.kind, context);
      if (verdict.keep) parts.push(claim);
      else {
        removed++;
        reasons[verdict.reason] = (reasons[verdict.reason] ?? 0) + 1;
      }
    }
    const body = parts.join('');
    return hasContent(body) ? line.prefix + body : null;
  });

  if (cited === 0) return { outcome: 'no-citation', text: '', citations: [], checked: false, claims, removed, reasons };
  const survivors = claims - removed;
  if (survivors === 0 || survivors < MIN_KEPT_SHARE * claims) return { outcome: 'rejected', text: '', citations: [], checked: false, claims, removed, reasons };

  const joined = kept
    .filter((line): line is string => line !== null)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const reconciled = reconcileCitations(joined, citations);
  const finalText = removed > 0 ? `${reconciled.text}\n\n${notice(removed, options.language)}` : reconciled.text;
  return {
    outcome: 'ok',
    text: finalText,
    citations: reconciled.citations,
    checked: removed === 0 && invalidMarkers === 0,
    claims,
    removed,
    reasons,
  };
}
