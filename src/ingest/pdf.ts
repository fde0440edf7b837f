import { getDocumentProxy } from 'unpdf';
import { layoutText, textAmount, type PageRuns } from './pdf-layout.js';
import { IngestError, type ReadResult } from './types.js';

/**
 * A PDF with a text layer, read with pdf.js (through unpdf) into positioned text runs and laid out
 * as text. A PDF with no text layer (a scan) is refused: reading it needs OCR, and an empty policy
 * indexed silently would answer nothing.
 */

/** Fewer readable characters than this per page means the pages are images. */
const MIN_CHARS_PER_PAGE = 10;
/** More pages than this is not a policy document; refusing bounds the work. */
const MAX_PAGES = 500;

interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

export async function readPdf(bytes: Buffer): Promise<ReadResult> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js takes ownership of the array it is given: pass a copy.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'PasswordException') throw new IngestError('encrypted', 'the PDF is password-protected: save an unprotected copy');
    throw new IngestError('unreadable', `the file is not a readable PDF: ${(error as Error).message}`);
  }
  try {
    if (pdf.numPages > MAX_PAGES) throw new IngestError('unsupported', `the PDF has ${pdf.numPages} pages; the limit is ${MAX_PAGES}`);
    const pages: PageRuns[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const { height } = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const runs = (content.items as PdfTextItem[])
        .filter((item) => typeof item.str === 'string')
        .map((item) => {
          const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform;
          return { str: item.str, x, y, width: item.width, size: Math.max(Math.hypot(a, b), Math.hypot(c, d), item.height) || 1 };
        });
      pages.push({ height, runs });
    }
    if (textAmount(pages) < MIN_CHARS_PER_PAGE * pages.length) {
      throw new IngestError('scanned', 'the PDF has no text layer (it looks scanned): run OCR on it, or import the text as .docx or .txt');
    }
    return { text: layoutText(pages), hints: {}, format: 'pdf' };
  } finally {
    await pdf.destroy();
  }
}
