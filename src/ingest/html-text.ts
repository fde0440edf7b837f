import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

/**
 * The text of an HTML tree as the corpus reads text: one block (paragraph, heading, list item) a
 * line, and a data table one row a line with its cells separated by ` | ` (as table rows are written
 * in index/policies/). Used for saved web pages and for Word documents converted to HTML.
 */

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'ul', 'tbody',
  'thead', 'tfoot', 'caption', 'body', 'html',
]);

const isElement = (node: AnyNode): node is Element => node.type === 'tag' || node.type === 'script' || node.type === 'style';

/** The text of an element on one line (for a table cell). */
export function inlineText($: CheerioAPI, element: Element): string {
  return blockLines($, element).join(' ').trim();
}

function rowsOf($: CheerioAPI, table: Element): Element[] {
  // Rows of this table, not of a table nested in one of its cells.
  return $(table)
    .find('tr')
    .toArray()
    .filter((tr) => $(tr).closest('table').get(0) === table);
}

/** A table of data (two or more cells a row, no table inside): one line a row. Layout tables are read as blocks. */
function isDataTable($: CheerioAPI, table: Element): boolean {
  const rows = rowsOf($, table);
  return rows.length > 0 && $(table).find('table').length === 0 && rows.some((tr) => $(tr).children('td, th').length >= 2);
}

export function blockLines($: CheerioAPI, root: Element): string[] {
  const lines: string[] = [];
  let current = '';
  const breakLine = (): void => {
    const line = current.replace(/[ \t\r\n\f]+/g, ' ').trim();
    if (line !== '') lines.push(line);
    current = '';
  };
  const walk = (node: AnyNode): void => {
    if (node.type === 'text') {
      current += (node as unknown as { data: string }).data;
      return;
    }
    if (!isElement(node)) return;
    const tag = node.tagName.toLowerCase();
    if (tag === 'br') return breakLine();
    if (tag === 'table' && isDataTable($, node)) {
      breakLine();
      for (const tr of rowsOf($, node)) {
        const cells = $(tr)
          .children('td, th')
          .toArray()
          .map((cell) => inlineText($, cell).replace(/\|/g, '｜'));
        if (cells.some((c) => c !== '')) lines.push(`${cells.join(' | ')} |`);
      }
      return;
    }
    const block = BLOCK.has(tag) || tag === 'table' || tag === 'tr' || tag === 'td' || tag === 'th';
    if (block) breakLine();
    for (const child of node.children) walk(child);
    if (block) breakLine();
  };
  walk(root);
  breakLine();
  return lines;
}
