import * as cheerio from 'cheerio';
import mammoth from 'mammoth';
import { inlineNumbering } from './docx-numbering.js';
import { blockLines } from './html-text.js';
import { IngestError, type ReadResult } from './types.js';

/**
 * A Word document through mammoth: paragraphs, headings and tables as HTML, read into lines the way
 * a web page is. Automatic numbering is written into the text first, so 第一条 and 一、 survive.
 */
export async function readDocx(bytes: Buffer): Promise<ReadResult> {
  let html: string;
  try {
    const numbered = await inlineNumbering(bytes);
    html = (await mammoth.convertToHtml({ buffer: numbered })).value;
  } catch (error) {
    throw new IngestError('unreadable', `the file is not a readable Word document (.docx): ${(error as Error).message}`);
  }
  const $ = cheerio.load(`<body>${html}</body>`);
  const body = $('body').get(0);
  const lines = body ? blockLines($, body) : [];
  return { text: `${lines.join('\n')}\n`, hints: {}, format: 'docx' };
}
