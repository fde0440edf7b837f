import type { Concept, QueryAnalysis } from '../search/analysis.js';
import { holdsConcept } from '../search/holds.js';
import { prepareForTokens } from '../text/tokenizer.js';
import type { Passage } from '../search/passages.js';
import { estimateFor } from './estimate.js';
import { neutraliseMarkers } from './grounding.js';
import type { Labels } from './labels.js';

/**
 * The one or two sentences an answer opens with: what the reader can get now (each policy in force,
 * its amounts and condition, cited), how many policies speak to the question, and which regions asked
 * about have nothing on it.
 */

export interface Block {
  passage: Passage;
  n: number;
  sentences: string[];
  amounts: string[];
  department: string | null;
}

/** A condition is quoted in the bottom line only when it is short enough to read at a glance. */
const MAX_CONDITION_CHARS = 40;
/** "对…的（企业），给予…": the condition a reward is given on, as the clause words it. */
const CONDITION = /对([^，。；]{2,60}?)的(?:企业|项目|单位|平台|园区)?[，,]?\s*(?:给予|按|奖励|补贴|资助|一次性)/;

export function conditionOf(sentences: string[], concepts: Concept[] = []): string | null {
  // The condition of the item asked about: the sentences saying most of the question first (a clause
  // may set conditions for several items).
  const held = (s: string): number => concepts.reduce((sum, c) => sum + (holdsConcept(prepareForTokens(s), c) ? c.weight : 0), 0);
  const ordered = concepts.length > 0 ? [...sentences].sort((a, b) => held(b) - held(a)) : sentences;
  for (const sentence of ordered) {
    const match = CONDITION.exec(sentence);
    const text = match?.[1]?.trim();
    if (text && [...text].length <= MAX_CONDITION_CHARS) return text;
  }
  return null;
}

export function isCurrent(p: Passage): boolean {
  return p.status !== 'expired' && p.status !== 'abolished';
}

/** A concept as the asker wrote it (DCMM, not the dcmm it is matched as). */
function asWritten(text: string, question: string): string {
  const at = question.toLowerCase().indexOf(text);
  return at >= 0 ? question.slice(at, at + text.length) : text;
}

/** The key concept, or the question's heaviest concepts, as the answer names its topic. */
export function topicOf(analysis: QueryAnalysis): string {
  const key = analysis.concepts[analysis.key];
  const named = key
    ? [key]
    : [...analysis.concepts]
        .filter((c) => !c.generic)
        .sort((a, b) => b.weight - a.weight)
        .slice(0, 2);
  return named.map((c) => asWritten(c.text, analysis.question)).join('、');
}

/** The block citing the clause that abolished a policy, if the answer cites it. */
function abolishingBlock(block: Block, blocks: Block[]): Block | undefined {
  return blocks.find((b) => b.passage.role === 'abolition' && b.passage.clause.id === block.passage.policy.abolishedByClauseId);
}

/** The marker of the clause that says where a policy stands (its validity clause, or the one abolishing it). */
function standingMarker(block: Block, blocks: Block[]): string {
  const source = blocks.find((b) => b.passage.role === 'validity' && b.passage.policy.id === block.passage.policy.id) ?? abolishingBlock(block, blocks);
  return source && source !== block ? ` [${source.n}]` : '';
}

function item(block: Block, analysis: QueryAnalysis, labels: Labels, asOf: string, withTitle: boolean, blocks: Block[]): string {
  const { policy } = block.passage;
  const parts: string[] = [];
  if (analysis.intents.has('amount') && block.amounts.length > 0) parts.push(block.amounts.join('、'));
  if (analysis.intents.has('department') && block.department) parts.push(`${labels.responsible} ${block.department}`);
  if (block.passage.role === 'interpretation' && block.sentences[0]) parts.push(block.sentences[0]);
  if (analysis.intents.has('validity') || block.passage.role !== 'answer') parts.push(labels.validity(policy, block.passage.status, asOf));
  // Named in full, a policy carries its number: a city's and a county's may share a title.
  const number = policy.docNumber ? `（${neutraliseMarkers(policy.docNumber)}）` : '';
  const title = withTitle || parts.length === 0 ? `《${neutraliseMarkers(policy.title)}》${number}` : '';
  const condition = analysis.intents.has('amount') ? conditionOf(block.sentences, analysis.concepts) : null;
  const standing = parts.length > 0 && block.passage.status !== 'in-force' && !analysis.intents.has('validity') && block.passage.role === 'answer';
  // The standing is a claim of its own: the badge cites the clause that states it.
  const badge = standing ? labels.badge(`${labels.statusBadge(block.passage.status)}${standingMarker(block, blocks)}`) : '';
  // Stating only where an abolished policy stands, the line cites the clause that abolished it.
  const statesStanding = analysis.intents.has('validity') || block.passage.role !== 'answer';
  const abolition = statesStanding && block.passage.status === 'abolished' ? abolishingBlock(block, blocks) : undefined;
  return `${labels.region(policy.region)} ${title}${parts.join('，')} [${abolition?.n ?? block.n}]${badge}${condition ? labels.condition(condition) : ''}`;
}

export function bottomLine(analysis: QueryAnalysis, blocks: Block[], missing: string[], labels: Labels, asOf: string): string[] {
  // A question about a policy as a whole is answered by its validity or interpretation clauses.
  const answerBlocks = blocks.filter((b) => b.passage.role === 'answer');
  const aboutWhole = answerBlocks.length === 0;
  const pool = aboutWhole ? blocks : answerBlocks;
  const firstPerPolicy = pool.filter((b, i) => pool.findIndex((o) => o.passage.policy.id === b.passage.policy.id) === i);
  const current = firstPerPolicy.filter((b) => b.passage.status === 'in-force');
  const lines: string[] = [];
  const date = labels.date(asOf);
  if (aboutWhole || analysis.intents.has('validity')) {
    // Asked whether something still applies: every policy's standing, in force or not, and that of
    // each policy a cited clause abolished, first, since that is most likely the one asked about.
    const abolished = firstPerPolicy.flatMap((b) => (b.passage.abolishes ?? []).map((p) => `${labels.region(p.region)} 《${neutraliseMarkers(p.title)}》${p.docNumber ? `（${neutraliseMarkers(p.docNumber)}）` : ''}${labels.validity(p, 'abolished', asOf)} [${b.n}]`));
    const items = [...abolished, ...firstPerPolicy.map((b) => item(b, analysis, labels, asOf, true, blocks))];
    if (items.length > 0) lines.push(labels.asOfList(date, items.join(labels.listSeparator)));
  } else if (current.length > 0) {
    lines.push(labels.availableNow(date, current.map((b) => item(b, analysis, labels, asOf, false, blocks)).join(labels.listSeparator)));
  } else if (firstPerPolicy.length > 0) {
    lines.push(labels.noneInForce(date, firstPerPolicy.map((b) => item(b, analysis, labels, asOf, false, blocks)).join(labels.listSeparator)));
  }
  const estimate = aboutWhole ? null : estimateFor(analysis, current.length > 0 ? current : firstPerPolicy);
  if (estimate) lines.push(labels.estimate(estimate));
  if (firstPerPolicy.length > 1) lines.push(labels.policyCount(firstPerPolicy.length, current.length));
  const topic = topicOf(analysis);
  for (const region of missing) lines.push(labels.missingTopic(labels.region(region), topic));
  return lines.length > 0 ? [lines.join('')] : [];
}
