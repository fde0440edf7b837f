import type { Intent, QueryAnalysis } from './analysis.js';
import { spentIn } from './spending.js';

/**
 * Reads a question against the turn before it, only where it leans on it. "那嘉定呢?" (a place and
 * nothing else) asks the earlier question about another place; "还有效吗?" (an aspect and nothing
 * else) asks it about the same policies; "那上云呢?" (a marked follow-up with a topic but no place)
 * keeps the earlier place. A question that names its own topic and place stands on its own.
 */

/**
 * Words that mark a follow-up: a conjunction (那, 还有), a supposition about the case just asked
 * (要是…呢), or a pointer back at what was just said (这个, 它).
 */
const FOLLOW_UP_MARK = /^\s*(那|那么|那如果|还有|再问|另外|换成|如果|要是|假如|这个|这项|这笔|这份|它|and\b|what about|how about|is it\b|is that\b|does it\b|does that\b)|呢\s*(?:[？?]|$)/i;

/** A question form made of a word and its negation (算不算, 能不能, 有没有): how it asks, never what about. */
const A_NOT_A = /^(\p{Script=Han}+)[不没]\1/u;

/**
 * `namesThing`: whether a word the corpus does not know could name a thing asked about (a noun, or a
 * word general Chinese does not have: 火星基地) rather than say what happens to it (分开, 进来).
 */
export function inheritFromPrevious(current: QueryAnalysis, previous: QueryAnalysis, namesThing: (word: string) => boolean = () => true): QueryAnalysis {
  const marked = FOLLOW_UP_MARK.test(current.question);
  const namesPlace = current.regions.length > 0 || current.regionsWithoutPolicies.length > 0 || current.policyIds.length > 0;
  // Only words that say what about make a topic of its own; qualifiers (一次, 以后) do not, nor verbs
  // the corpus does not know (分开, 进来).
  // A supposition of another spending (要是设备投到1200万呢？单个项目最多补多少) asks the earlier question
  // again with another figure: only a thing the earlier question did not name makes it one of its own,
  // not a word every policy uses (项目) nor a qualifier (单个).
  const newFigure = marked && spentIn(current.question) !== null;
  const newThing = (word: string): boolean => !previous.question.includes(word) && namesThing(word);
  const hasTopic =
    current.concepts.some((c) => c.content && c.weight > 0 && (!newFigure || (!c.generic && newThing(c.text)))) ||
    current.unmatched.some((w) => !A_NOT_A.test(w) && namesThing(w));
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
      asksGrant: current.asksGrant || previous.asksGrant,
      unmatched: previous.unmatched,
      absentTopic: previous.absentTopic,
      details: previous.details,
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
