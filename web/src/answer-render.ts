import type { AnswerObject, Citation } from '../../src/protocol.js';
import { blocks, splitExpired } from './answer-layout.js';
import { badge } from './format.js';
import { fill, type Language, type Texts } from './i18n.js';
import { renderMarkdown, type CitationHandler } from './markdown.js';

/**
 * An answer's body as the reader sees it: the bottom line and the in-force blocks first, each policy
 * block with its validity badge beside its heading and one chip per clause; what the answer puts
 * under "no longer in force" folded behind a control that says so, closed at first.
 */

export interface RenderOptions {
  language: Language;
  t: Texts;
  onlyInForce: boolean;
  onCitation: CitationHandler;
}

const CJK = /[\u3400-\u9fff]/;

/** A refusal with nothing cited is worded by the page when the server wrote it in the other language. */
export function refusalFor(answer: Pick<AnswerObject, 'answer' | 'noAnswer' | 'citations'>, language: Language, t: Texts): string | null {
  if (!answer.noAnswer || answer.citations.length > 0) return null;
  const chinese = CJK.test(answer.answer);
  return (language === 'zh') !== chinese ? t.noBasisRefusal : null;
}

function renderPart(text: string, citations: Citation[], options: RenderOptions, container: ParentNode): number {
  const byN = new Map(citations.map((c) => [c.n, c]));
  let hidden = 0;
  for (const block of blocks(text)) {
    const cited = block.n === null ? undefined : byN.get(block.n);
    if (options.onlyInForce && cited && cited.status !== 'in-force') {
      hidden++;
      continue;
    }
    const section = document.createElement('section');
    section.className = block.n === null ? 'lead' : `policy-block ${cited?.status ?? ''}`.trim();
    section.append(
      renderMarkdown(block.text, {
        known: new Set(byN.keys()),
        seen: new Set(),
        onCitation: options.onCitation,
        label: (n) => fill(options.t.citeLabel, { n }),
      }),
    );
    // The heading line (the first paragraph) carries the policy's status.
    const heading = section.firstElementChild;
    if (cited && heading) heading.append(' ', badge(cited, options.language, options.t));
    container.append(section);
  }
  return hidden;
}

export function renderAnswerBody(text: string, citations: Citation[], options: RenderOptions): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const parts = splitExpired(text);
  let hidden = renderPart(parts.current, citations, options, fragment);
  if (parts.expired) {
    const fold = document.createElement('details');
    fold.className = 'expired-fold';
    const summary = document.createElement('summary');
    summary.textContent = parts.expired.heading;
    fold.append(summary);
    const inner = document.createElement('div');
    const hiddenInside = renderPart(parts.expired.text, citations, options, inner);
    fold.append(inner);
    if (options.onlyInForce) hidden += Math.max(hiddenInside, 1);
    else fragment.append(fold);
  }
  if (hidden > 0) {
    const note = document.createElement('p');
    note.className = 'hidden-note';
    note.textContent = fill(options.t.hiddenNotInForce, { n: hidden });
    fragment.append(note);
  }
  return fragment;
}
