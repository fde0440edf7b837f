import { halfWidth } from '../text/figures.js';
import type { IsoDate } from '../corpus/types.js';
import type { Passage } from '../search/passages.js';
import type { Retrieval } from '../search/retrieve.js';
import { bottomLine, isCurrent, topicOf, type Block } from './bottom-line.js';
import { displayLabel, toCitation } from './citations.js';
import { amountsIn } from '../text/figures.js';
import { labelsFor, type Labels } from './labels.js';
import { neutraliseMarkers } from './grounding.js';
import { answeringSentences } from './sentences.js';
import type { AnswerObject } from './types.js';

export { amountsIn } from '../text/figures.js';
export { splitSentences } from './sentences.js';

/**
 * The answer with no language model. It opens with the bottom line (what can be had now, cited);
 * then one block per cited clause, in force first: the sentences that answer, quoted as the clause
 * words them, its amounts, responsible department and validity. Policies no longer in force follow
 * under their own heading, for reference. Each block's heading carries its citation marker.
 */

export interface ComposeOptions {
  asOf: IsoDate;
}

function heading(passage: Passage, n: number, labels: Labels): string {
  const { policy, clause } = passage;
  const number = policy.docNumber ? `（${policy.docNumber}）` : '';
  // The heading carries only the citation: the status is the block's last line, and pages show it as a badge.
  const gap = labels === labelsFor('en') ? ' ' : '';
  return `**${labels.region(policy.region)} ·《${neutraliseMarkers(policy.title)}》${neutraliseMarkers(number)}${gap}${displayLabel(clause.label)}** [${n}]`;
}

function blockLines(block: Block, labels: Labels, asOf: IsoDate): string[] {
  const { passage } = block;
  const lines = ['', heading(passage, block.n, labels)];
  // A [2] written in a policy is the policy's text, never a citation of this answer.
  // Figures are quoted half-width (７个工作日 → 7个工作日), as a reader types them into a form.
  for (const sentence of block.sentences) lines.push(`> ${halfWidth(neutraliseMarkers(sentence))}`);
  if (block.amounts.length > 0 && (passage.role === 'answer' || passage.role === 'measure' || passage.role === 'cap')) lines.push(`- ${labels.amounts}${labels.fieldSeparator}${block.amounts.join(labels === labelsFor('en') ? ', ' : '、')}`);
  if (block.department) lines.push(`- ${labels.responsible}${labels.fieldSeparator}${neutraliseMarkers(block.department)}`);
  lines.push(`- ${labels.status}${labels.fieldSeparator}${labels.validity(passage.policy, passage.status, asOf)}`);
  return lines;
}

function toBlock(passage: Passage, n: number, retrieval: Retrieval): Block {
  const sentences = answeringSentences(passage, retrieval.analysis);
  return {
    passage,
    n,
    sentences,
    amounts: passage.clause.kind === 'table-row' ? [] : amountsIn(sentences.join('')),
    department: passage.clause.responsible,
  };
}

export function composeExtractive(retrieval: Retrieval, options: ComposeOptions): AnswerObject {
  const { analysis, passages } = retrieval;
  const labels = labelsFor(analysis.language);
  const blocks = passages.map((p, i) => toBlock(p, i + 1, retrieval));
  const related = blocks.filter((b) => b.passage.role === 'related');
  const main = blocks.filter((b) => b.passage.role !== 'related');
  const lines: string[] = [];
  const missingRegions = retrieval.missing.filter((m) => m.reason === 'no-clause').map((m) => m.region);
  for (const m of retrieval.missing) if (m.reason === 'no-policies') lines.push(labels.noPoliciesFor(labels.region(m.region)));

  if (retrieval.noAnswer) {
    const where = retrieval.regions.map(labels.region).join(labels.listSeparator);
    lines.push(labels.noBasis(where, analysis.concepts.length > 0 ? topicOf(analysis) : ''));
  } else if (retrieval.measures) {
    const listed = main.filter((b) => b.passage.role === 'measure');
    const first = listed[0]?.passage;
    if (first) lines.push(labels.measures(neutraliseMarkers(first.policy.title), listed.length, retrieval.measures.omitted, labels.statusBadge(first.status)));
  } else if (retrieval.catalogue) {
    const policies = new Set(main.map((b) => b.passage.policy.id));
    const inForce = new Set(main.filter((b) => b.passage.status === 'in-force').map((b) => b.passage.policy.id));
    lines.push(labels.catalogue(retrieval.regions.map(labels.region).join(labels.listSeparator), policies.size, inForce.size, labels.date(options.asOf)));
  } else {
    lines.push(...bottomLine(analysis, main, missingRegions, labels, options.asOf));
  }
  if (retrieval.omittedPolicies) lines.push(labels.morePolicies(retrieval.omittedPolicies));

  const current = main.filter((b) => isCurrent(b.passage));
  const past = main.filter((b) => !isCurrent(b.passage));
  for (const block of current) lines.push(...blockLines(block, labels, options.asOf));
  if (past.length > 0) {
    lines.push('', labels.expiredHeading);
    for (const block of past) lines.push(...blockLines(block, labels, options.asOf));
  }
  if (related.length > 0) {
    lines.push('', labels.relatedHeading);
    for (const block of related) lines.push(...blockLines(block, labels, options.asOf));
  }
  return {
    question: analysis.question,
    answer: lines.join('\n').trim(),
    mode: 'extractive',
    noAnswer: retrieval.noAnswer,
    citations: passages.map((p, i) => toCitation(p, i + 1)),
  };
}
