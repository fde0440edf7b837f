/**
 * A generated answer cut into the pieces the grounding check judges one by one: lines of Markdown,
 * and in each line the sentences ("claims") with the [n] markers that follow them. Cutting keeps
 * every character, so that joining the pieces gives the text back.
 */

export type LineKind = 'blank' | 'heading' | 'quote' | 'item' | 'text';

export interface AnswerLine {
  kind: LineKind;
  /** What comes before the claims: "> ", "- ", "1. ", "## ". */
  prefix: string;
  claims: string[];
}

const MARKER = /\[(\d{1,3})\]/g;
const TERMINATORS = '。！？!?；;';
const CLOSERS = '”’」』）)】';

/** The numbers of the [n] markers in a text, in order. */
export function markerNumbers(text: string): number[] {
  return [...text.matchAll(MARKER)].map((m) => Number(m[1]));
}

export function withoutMarkers(text: string): string {
  return text.replace(MARKER, '');
}

/** An English full stop ends a sentence; a decimal point (1.5) does not. */
function endsAt(text: string, i: number): boolean {
  const char = text[i] ?? '';
  if (TERMINATORS.includes(char)) return true;
  return char === '.' && !/\d/.test(text[i + 1] ?? '') && (i + 1 === text.length || /\s/.test(text[i + 1] ?? ''));
}

/** Sentences of one line; the markers right after a full stop (…20万元。[1]) stay with its sentence. */
export function splitClaims(line: string): string[] {
  const claims: string[] = [];
  let start = 0;
  let i = 0;
  while (i < line.length) {
    if (!endsAt(line, i)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < line.length && (TERMINATORS.includes(line[j] ?? '') || CLOSERS.includes(line[j] ?? ''))) j++;
    for (let m = /^\s*\[\d{1,3}\]/.exec(line.slice(j)); m !== null; m = /^\s*\[\d{1,3}\]/.exec(line.slice(j))) j += m[0].length;
    claims.push(line.slice(start, j));
    start = j;
    i = j;
  }
  if (start < line.length) claims.push(line.slice(start));
  return claims;
}

const PREFIXES: [LineKind, RegExp][] = [
  ['heading', /^\s*#{1,6}\s+/],
  ['quote', /^\s*>\s?/],
  ['item', /^\s*(?:[-*+]|\d{1,2}[.、)]|[（(]\d{1,2}[)）])\s+/],
];

export function splitLines(text: string): AnswerLine[] {
  return text.split('\n').map((line): AnswerLine => {
    if (line.trim() === '') return { kind: 'blank', prefix: line, claims: [] };
    for (const [kind, re] of PREFIXES) {
      const match = re.exec(line);
      if (match) {
        const rest = line.slice(match[0].length);
        // A quoted clause is judged whole: it must be a piece of its clause as it stands.
        return { kind, prefix: match[0], claims: kind === 'quote' ? [rest] : splitClaims(rest) };
      }
    }
    return { kind: 'text', prefix: '', claims: splitClaims(line) };
  });
}

/** Whether a piece says anything once markers, spaces, punctuation and emphasis are gone. */
export function hasContent(claim: string): boolean {
  return /[\p{L}\p{N}]/u.test(withoutMarkers(claim));
}

/** A short line that names what follows (a heading, a bold label, "要点：") rather than stating a fact. */
export function isLabelLine(line: AnswerLine): boolean {
  const text = line.claims.join('').trim();
  if (text.length > 40) return false;
  // A heading names a section (### 已失效，仅供参考), whatever its punctuation.
  if (line.kind === 'heading') return true;
  if (/[。！？!?；;，,]/.test(text.replace(/[：:]$/, ''))) return false;
  return /^\*\*[^*]+\*\*[：:]?$/.test(text) || /[：:]$/.test(text);
}
