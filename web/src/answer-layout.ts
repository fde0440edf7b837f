/**
 * Reads the structure of an answer's Markdown without rendering it: the part after the line
 * "### 已失效，仅供参考" / "### No longer in force (for reference)" is what the page folds, and a
 * policy block starts at a bold heading line that carries its citation marker
 * ("**松江区 ·《…》第5条** [1]"). Answers without such lines are one part and no blocks.
 */

export const EXPIRED_HEADINGS = ['### 已失效，仅供参考', '### No longer in force (for reference)'];

export interface AnswerParts {
  current: string;
  /** The folded part's heading text (without ###), and its Markdown; null when there is none. */
  expired: { heading: string; text: string } | null;
}

export function splitExpired(markdown: string): AnswerParts {
  const lines = markdown.split('\n');
  const at = lines.findIndex((line) => EXPIRED_HEADINGS.includes(line.trim()));
  if (at < 0) return { current: markdown, expired: null };
  return {
    current: lines.slice(0, at).join('\n'),
    expired: { heading: (lines[at] ?? '').trim().replace(/^#+\s*/, ''), text: lines.slice(at + 1).join('\n') },
  };
}

const BLOCK_HEADING = /^\s*\*\*[^*\n]+\*\*\s*((?:\[\d{1,3}\]\s*)+)$/;

/** The citation number a block heading line names, or null for any other line. */
export function blockHeadingMarker(line: string): number | null {
  const match = BLOCK_HEADING.exec(line);
  const first = match?.[1] ? /\[(\d{1,3})\]/.exec(match[1]) : null;
  return first ? Number(first[1]) : null;
}

export interface Block {
  /** The citation its heading names; null for the text before the first block (the bottom line). */
  n: number | null;
  text: string;
}

/** A part of an answer cut into its lead text and its policy blocks, in order. */
export function blocks(markdown: string): Block[] {
  const result: Block[] = [];
  let current: Block = { n: null, text: '' };
  for (const line of markdown.split('\n')) {
    const n = blockHeadingMarker(line);
    if (n !== null) {
      if (current.text.trim() !== '' || current.n !== null) result.push(current);
      current = { n, text: line };
    } else {
      current.text = current.text === '' ? line : `${current.text}\n${line}`;
    }
  }
  if (current.text.trim() !== '' || current.n !== null) result.push(current);
  return result;
}
