import type { AnswerObject, Citation } from '../../src/protocol.js';
import { EXPIRED_HEADINGS } from './answer-layout.js';
import { clauseLabel, policyHref, statusLabel } from './format.js';
import type { Language, Texts } from './i18n.js';

/**
 * An answer as text to paste elsewhere. Clean text suits chat apps such as WeChat, which show
 * Markdown as it is typed: no ** or >, each source marker once per paragraph as ①②…, and the
 * sources listed at the end with a link to each clause. Markdown keeps the answer as written.
 */

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

export function circled(n: number): string {
  return n >= 1 && n <= CIRCLED.length ? (CIRCLED[n - 1] as string) : `[${n}]`;
}

function sourceLine(c: Citation, language: Language, t: Texts): string {
  const number = c.docNumber ? (language === 'en' ? ` (${c.docNumber})` : `（${c.docNumber}）`) : '';
  return `《${c.title}》${number}${clauseLabel(c.clause, t)} · ${c.region} · ${statusLabel(c, language, t)}`;
}

export function cleanText(answer: Pick<AnswerObject, 'answer' | 'citations'>, language: Language, t: Texts, origin: string, asOf: string | null): string {
  const lines: string[] = [];
  for (const raw of answer.answer.split('\n')) {
    let line = raw.trimEnd();
    if (EXPIRED_HEADINGS.includes(line.trim())) line = `【${line.replace(/^#+\s*/, '').trim()}】`;
    line = line
      .replace(/^\s*#{1,6}\s+/, '')
      .replace(/^\s*>\s?/, '')
      .replace(/^\s*[-*]\s+/, '• ')
      .replace(/\*\*([^*\n]+)\*\*/g, '$1');
    // One marker per line is enough to say where a sentence comes from.
    const seen = new Set<string>();
    line = line
      .replace(/\s*\[(\d{1,3})\]/g, (_, digits: string) => {
        if (seen.has(digits)) return '';
        seen.add(digits);
        return circled(Number(digits));
      })
      .trimEnd();
    lines.push(line);
  }
  const body = lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
  if (answer.citations.length === 0) return body;
  const sources = answer.citations.map(
    (c) => `${circled(c.n)} ${sourceLine(c, language, t)}\n   ${origin}${policyHref(c, language, asOf)}`,
  );
  return `${body}\n\n${t.sources}${language === 'en' ? ':' : '：'}\n${sources.join('\n')}`;
}

export function markdownText(answer: Pick<AnswerObject, 'answer' | 'citations'>, language: Language, t: Texts, origin: string, asOf: string | null): string {
  if (answer.citations.length === 0) return answer.answer;
  const sources = answer.citations.map((c) => `- [${c.n}] [${sourceLine(c, language, t)}](${origin}${policyHref(c, language, asOf)})`);
  return `${answer.answer}\n\n**${t.sources}**\n\n${sources.join('\n')}`;
}
