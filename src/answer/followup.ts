import { regionAliases, type QueryAnalysis } from '../search/query.js';

/**
 * Reads a follow-up against the question before it, within one conversation: "那嘉定呢?" after
 * "松江两化融合奖励多少" asks the same about 嘉定; "那上云呢?" asks about 上云 in the same region.
 */

const FOLLOW_UP = /^\s*(那|那么|还有|再问|另外|换成|如果是|and\b|what about|how about)|呢\s*[？?]?\s*$/i;

export function resolveFollowUp(
  question: string,
  previous: string | null,
  analyse: (question: string) => QueryAnalysis,
): string {
  if (!previous) return question;
  const current = analyse(question);
  const prior = analyse(previous);
  const marked = FOLLOW_UP.test(question);
  const namesPlace = current.regions.length > 0 || current.policyIds.length > 0;

  if (current.concepts.length === 0 && (namesPlace || marked)) {
    // Same question, another place: the earlier question without its place names.
    let base = previous;
    if (current.regions.length > 0) {
      const aliases = prior.regions.flatMap((r) => regionAliases(r)).sort((a, b) => b.length - a.length);
      for (const alias of aliases) base = base.split(alias).join('');
    }
    return `${current.regions.join('、')}${base}`;
  }
  if (marked && current.regions.length === 0 && prior.regions.length > 0) {
    // Another topic, same place.
    return `${prior.regions.join('、')} ${question}`;
  }
  return question;
}
