import { displayLabel } from '../answer/citations.js';
import type { Citation } from '../answer/types.js';
import { formatChineseDate } from '../corpus/dates.js';

const STATUS_TEXT: Record<Citation['status'], string> = {
  'in-force': '有效',
  expired: '已失效',
  abolished: '已废止',
  'not-yet-in-force': '尚未施行',
  unknown: '有效期未载明',
};

export function statusText(citation: Citation): string {
  const base = STATUS_TEXT[citation.status];
  if (citation.status === 'abolished' && citation.abolishedOn) return `${base}（${formatChineseDate(citation.abolishedOn)}）`;
  if (citation.status === 'expired' && citation.validTo) return `${base}（${formatChineseDate(citation.validTo)}）`;
  if (citation.status === 'in-force' && citation.validTo) return `${base}（至${formatChineseDate(citation.validTo)}）`;
  if (citation.status === 'not-yet-in-force' && citation.validFrom) return `${base}（${formatChineseDate(citation.validFrom)}起）`;
  return base;
}

/** The numbered source list printed after a streamed answer. */
export function formatSources(citations: Citation[]): string {
  if (citations.length === 0) return '';
  const lines = ['', '来源：'];
  for (const c of citations) {
    const number = c.docNumber ? `（${c.docNumber}）` : '';
    lines.push(`[${c.n}] 《${c.title}》${number}${displayLabel(c.clause)} · ${c.region} · ${statusText(c)}`);
    for (const line of c.text.split('\n')) lines.push(`    ${line}`);
  }
  return lines.join('\n');
}
