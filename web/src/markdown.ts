/**
 * A small Markdown reader for answers: paragraphs, **bold**, > quotes, - lists and [n] citation
 * markers. It builds DOM nodes and sets only textContent, so nothing in a question, a document or a
 * model's answer can ever run as HTML or script. A marker becomes a chip the first time it appears
 * in a block (`seen`): one chip per clause, not one per sentence that quotes it.
 */

export type CitationHandler = (n: number, trigger: HTMLElement) => void;

export interface MarkerOptions {
  known: Set<number>;
  /** Markers already shown as a chip in this block; later ones are left out. */
  seen: Set<number>;
  onCitation: CitationHandler;
  label: (n: number) => string;
}

const INLINE = /(\*\*[^*\n]+\*\*|\[\d{1,3}\])/;

function appendInline(parent: HTMLElement, text: string, markers: MarkerOptions): void {
  const { known, seen, onCitation } = markers;
  for (const part of text.split(INLINE)) {
    if (part === '') continue;
    const bold = /^\*\*([^*\n]+)\*\*$/.exec(part);
    const marker = /^\[(\d{1,3})\]$/.exec(part);
    if (bold) {
      const strong = document.createElement('strong');
      appendInline(strong, bold[1] ?? '', markers);
      parent.append(strong);
    } else if (marker && known.has(Number(marker[1]))) {
      const n = Number(marker[1]);
      if (seen.has(n)) continue;
      seen.add(n);
      const chip = document.createElement('button');
      chip.type = 'button';
      chip.className = 'cite';
      chip.textContent = String(n);
      chip.setAttribute('aria-label', markers.label(n));
      chip.dataset.n = String(n);
      chip.addEventListener('click', () => onCitation(n, chip));
      parent.append(chip);
    } else {
      parent.append(document.createTextNode(part));
    }
  }
}

export function renderMarkdown(text: string, markers: MarkerOptions): DocumentFragment {
  const fragment = document.createDocumentFragment();
  let list: HTMLUListElement | null = null;
  let quote: HTMLQuoteElement | null = null;
  let paragraph: HTMLParagraphElement | null = null;

  const closeBlocks = (): void => {
    list = null;
    quote = null;
    paragraph = null;
  };

  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (line.trim() === '') {
      closeBlocks();
      continue;
    }
    const quoted = /^\s*>\s?(.*)$/.exec(line);
    const item = /^\s*[-*]\s+(.*)$/.exec(line);
    const heading = /^\s*#{1,6}\s+(.*)$/.exec(line);
    if (quoted) {
      list = null;
      paragraph = null;
      if (!quote) {
        quote = document.createElement('blockquote');
        fragment.append(quote);
      }
      const p = document.createElement('p');
      appendInline(p, quoted[1] ?? '', markers);
      quote.append(p);
    } else if (item) {
      quote = null;
      paragraph = null;
      if (!list) {
        list = document.createElement('ul');
        fragment.append(list);
      }
      const li = document.createElement('li');
      appendInline(li, item[1] ?? '', markers);
      list.append(li);
    } else if (heading) {
      closeBlocks();
      const h = document.createElement('h3');
      appendInline(h, heading[1] ?? '', markers);
      fragment.append(h);
    } else {
      list = null;
      quote = null;
      if (paragraph) {
        paragraph.append(document.createElement('br'));
      } else {
        paragraph = document.createElement('p');
        fragment.append(paragraph);
      }
      appendInline(paragraph, line, markers);
    }
  }
  return fragment;
}
