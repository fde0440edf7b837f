import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { displayLabel } from '../answer/citations.js';
import type { Citation } from '../answer/types.js';
import type { IsoDate } from '../corpus/types.js';

/** Builds the chat messages from the templates in prompts/: the rules, then sources and question. */

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

/** One source as the model sees it: number, where it comes from, its validity, its words. */
export function formatSource(c: Citation): string {
  const window = `${c.validFrom ?? '?'} 至 ${c.validTo ?? '?'}`;
  const number = c.docNumber ? `（${c.docNumber}）` : '';
  return `[${c.n}] 《${c.title}》${number}${displayLabel(c.clause)} · ${c.region} · 有效期 ${window} · 状态：${STATUS[c.status]}\n${c.text}`;
}

/** Placeholders are filled in one pass, so text inside a source or question is never expanded. */
function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
}

export function buildMessages(
  templates: PromptTemplates,
  input: { question: string; asOf: IsoDate; citations: Citation[]; history?: Turn[] },
): ChatMessage[] {
  const history =
    input.history && input.history.length > 0
      ? `\n此前的对话（仅供理解追问，不是来源）：\n${input.history
          .map((t) => `问：${t.question}\n答：${t.answer.slice(0, 600)}`)
          .join('\n')}\n`
      : '';
  const values = {
    asOf: input.asOf,
    history,
    sources: input.citations.map(formatSource).join('\n\n'),
    question: input.question,
  };
  return [
    { role: 'system', content: fill(templates.system, values) },
    { role: 'user', content: fill(templates.user, values) },
  ];
}
