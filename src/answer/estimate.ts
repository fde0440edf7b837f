import type { QueryAnalysis } from '../search/analysis.js';
import { inTenThousands, rangeBefore, rangeHolds, shareOfSpending, spentIn } from '../search/spending.js';
import type { Block } from './bottom-line.js';

/**
 * An estimate from the asker's own figure. "投了800万，能补多少" against a clause granting 12% of the
 * investment up to 300万 is 800万 × 12% = 96万: the share and the cap are the cited clause's, the base
 * is what the asker said, and the answer says it is an estimate. Only where the question states what
 * was spent and the answering sentence grants one share of a spending base.
 */

export interface Estimate {
  /** All figures in 万元. */
  spent: number;
  share: number;
  raw: number;
  cap: number | null;
  /** The spending a project must reach (投资额500万元以上), when the asker's is below it. */
  unmetThreshold: number | null;
  result: number;
  /** The block whose clause states the share. */
  n: number;
}

/** The cap after the share (最高300万元, 最高不超过1500000元). */
const CAP = /(?:最高|不超过|上限)(?:不超过)?\s*(\d+(?:\.\d+)?)\s*(亿|万)?\s*元/;

const figure = (match: RegExpExecArray | null): number | null => (match ? inTenThousands(match[1] ?? '', match[2]) : null);

interface Tier {
  share: number;
  cap: number | null;
  lower: number | null;
  upper: number | null;
  n: number;
}

/** Each share of spending the sentences grant, with its cap (in its sentence or the next) and its range of spending. */
function tiersOf(block: Block): Tier[] {
  const texts = block.sentences.map((s) => s.normalize('NFKC'));
  const tiers: Tier[] = [];
  texts.forEach((text, i) => {
    const share = shareOfSpending(text);
    if (!share) return;
    const after = text.slice(share.index + share[0].length).split(/[%％]/)[0] ?? '';
    // A cap written as the next sentence (…提高到10%。单个项目补助最高800万元。) caps this share.
    const next = texts[i + 1] ?? '';
    const cap = figure(CAP.exec(after)) ?? (/[%％]/.test(next) ? null : figure(CAP.exec(next)));
    const { lower, upper } = rangeBefore(text, share);
    // A share with no range of its own (项目列入重点项目的，按10%) varies the one before: same projects.
    const previous = tiers[tiers.length - 1];
    const own = lower !== null || upper !== null || !previous;
    tiers.push({ share: Number(share[1]), cap, lower: own ? lower : previous.lower, upper: own ? upper : previous.upper, n: block.n });
  });
  return tiers;
}

/**
 * The estimate under the first share of spending whose range holds what the asker spent (a clause may
 * grant 8% from 300万 and 6% from 100万 to 300万); when none holds it, the first one, saying what it needs.
 */
export function estimateFor(analysis: QueryAnalysis, blocks: Block[]): Estimate | null {
  if (!analysis.intents.has('amount')) return null;
  const spent = spentIn(analysis.question);
  if (spent === null || spent <= 0) return null;
  const tiers = blocks.filter((b) => b.passage.role === 'answer').flatMap(tiersOf);
  const fits = (t: Tier): boolean => rangeHolds(t, spent);
  const tier = tiers.find(fits) ?? tiers[0];
  // Above every range it can be read against (300万元以下 only): nothing to say from this clause.
  if (!tier || (!fits(tier) && (tier.lower === null || spent >= tier.lower))) return null;
  const raw = (spent * tier.share) / 100;
  return {
    spent,
    share: tier.share,
    raw,
    cap: tier.cap,
    unmetThreshold: fits(tier) ? null : tier.lower,
    result: tier.cap !== null ? Math.min(raw, tier.cap) : raw,
    n: tier.n,
  };
}

/** A figure in 万元 as a reader writes it: at most two decimals, none when whole. */
export function tenThousands(value: number): string {
  return String(Math.round(value * 100) / 100);
}
