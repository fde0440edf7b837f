import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { displayLabel } from '../answer/citations.js';
import { neutraliseMarkers } from '../answer/grounding.js';
import type { Citation } from '../answer/types.js';
import type { IsoDate } from '../corpus/types.js';

/**
 * Builds the chat messages from the templates in prompts/: the rules, then sources and question.
 * Each source is fenced by lines that carry a random id of this request, and every text placed in
 * the prompt (clauses, titles, earlier turns, the question) is escaped so that it can neither close
 * a fence nor forge a numbered source: the model cannot be handed a source nobody retrieved.
 */

export interface PromptTemplates {
  system: string;
  user: string;
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface Turn {
  question: string;
  answer: string;
}

export const DEFAULT_PROMPTS_DIR = fileURLToPath(new URL('../../prompts', import.meta.url));

export function loadPromptTemplates(dir: string = DEFAULT_PROMPTS_DIR): PromptTemplates {
  return {
    system: readFileSync(join(dir, 'system.md'), 'utf8'),
    user: readFileSync(join(dir, 'user.md'), 'utf8'),
  };
}

const STATUS: Record<Citation['status'], string> = {
  'in-force': '在有效期内',
  expired: '已失效',
  abolished: '已废止',
  'not-yet-in-force': '尚未施行',
  unknown: '有效期未载明',
};

/** A fresh fence id: 48 random bits, which no text written before this request can contain. */
export function newFence(): string {
  return randomBytes(6).toString('hex');
}

/** Text as data inside the prompt: no run of <<< or >>> (a fence), no [n] (a source number). */
export function asData(text: string): string {
  return neutraliseMarkers(text).replace(/[<＜]{3,}|[>＞]{3,}/g, (run) => run.replace(/[<＜]/g, '‹').replace(/[>＞]/g, '›'));
}

/** One source as the model sees it, inside its fence: number, where it comes from, validity, words. */
export function formatSource(c: Citation, fence: string): string {
  const window = `${c.validFrom ?? '?'} 至 ${c.validTo ?? '?'}`;
  const number = c.docNumber ? `（${asData(c.docNumber)}）` : '';
  return [
    `<<<来源 ${fence}>>>`,
    `[${c.n}] 《${asData(c.title)}》${number}${asData(displayLabel(c.clause))} · ${asData(c.region)} · 有效期 ${window} · 状态：${STATUS[c.status]}`,
    asData(c.text),
    `<<<来源结束 ${fence}>>>`,
  ].join('\n');
}

/** Placeholders are filled in one pass, so text inside a source or question is never expanded. */
function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
}

export function buildMessages(
  templates: PromptTemplates,
  input: { question: string; asOf: IsoDate; citations: Citation[]; history?: Turn[]; fence: string },
): ChatMessage[] {
  const history =
    input.history && input.history.length > 0
      ? `\n此前的对话（仅供理解追问，不是来源）：\n${input.history
          .map((t) => `问：${asData(t.question)}\n答：${asData(t.answer.slice(0, 600))}`)
          .join('\n')}\n`
      : '';
  const values = {
    asOf: input.asOf,
    fence: input.fence,
    history,
    sources: input.citations.map((c) => formatSource(c, input.fence)).join('\n\n'),
    question: asData(input.question),
  };
  return [
    { role: 'system', content: fill(templates.system, values) },
    { role: 'user', content: fill(templates.user, values) },
  ];
}
