import type { Intent, QueryAnalysis } from './analysis.js';

/**
 * Reads a question against the turn before it, only where it leans on it. "那嘉定呢?" (a place and
 * nothing else) asks the earlier question about another place; "还有效吗?" (an aspect and nothing
 * else) asks it about the same policies; "那上云呢?" (a marked follow-up with a topic but no place)
 * keeps the earlier place. A question that names its own topic and place stands on its own.
 */

/** Words that mark a follow-up: a conjunction (那, 还有), or a pointer back at what was just said (这个, 它). */
const FOLLOW_UP_MARK = /^\s*(那|那么|那如果|还有|再问|另外|换成|如果是|这个|这项|这笔|这份|它|and\b|what about|how about|is it\b|is that\b|does it\b|does that\b)|呢\s*[？?]?\s*$/i;

export function inheritFromPrevious(current: QueryAnalysis, previous: QueryAnalysis): QueryAnalysis {
  const marked = FOLLOW_UP_MARK.test(current.question);
  const namesPlace = current.regions.length > 0 || current.regionsWithoutPolicies.length > 0 || current.policyIds.length > 0;
  const hasTopic = current.concepts.length > 0 || current.unmatched.length > 0;
  const asksAspect = current.intents.size > 0 || current.asksInterpretation;
  // "Which policies are there" is a question of its own unless it is marked as a follow-up.
  if (current.intents.has('catalogue') && !marked) return current;

  if (!hasTopic && (namesPlace || marked || asksAspect)) {
    // Same topic; another place if one is named, else the same place.
    const intents = new Set<Intent>([...previous.intents].filter((i) => i !== 'comparison'));
    for (const intent of current.intents) intents.add(intent);
    if (current.regions.length + current.regionsWithoutPolicies.length >= 2) intents.add('comparison');
    const place = namesPlace
      ? { regions: current.regions, regionsWithoutPolicies: current.regionsWithoutPolicies, policyIds: current.policyIds }
      : { regions: previous.regions, regionsWithoutPolicies: previous.regionsWithoutPolicies, policyIds: previous.policyIds };
    return {
      ...current,
      ...place,
      intents,
      asksInterpretation: current.asksInterpretation || (!namesPlace && previous.asksInterpretation),
      concepts: previous.concepts,
      key: previous.key,
      phrases: previous.phrases,
      parts: previous.parts,
      countUnit: current.countUnit ?? previous.countUnit,
      asksFigure: current.asksFigure || previous.asksFigure,
      unmatched: previous.unmatched,
      inherited: 'topic',
    };
  }
  if (marked && !namesPlace && (previous.regions.length > 0 || previous.policyIds.length > 0)) {
    return {
      ...current,
      regions: previous.regions,
      regionsWithoutPolicies: previous.regionsWithoutPolicies,
      policyIds: previous.policyIds,
      inherited: 'place',
    };
  }
  return current;
}
