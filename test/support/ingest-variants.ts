import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import iconv from 'iconv-lite';
import PDFDocument from 'pdfkit';

/**
 * Writes one policy text (test/fixtures/ingest/yinzhou-digital-2024.txt) in every format and
 * encoding a provider may have it in: UTF-8 with and without a byte-order mark, GBK, UTF-16 LE and BE,
 * a GB2312 web page with a government site's chrome and info block, a Word document with automatic
 * numbering (第%1章, 第%1条) and a real table, a PDF with a running header, page numbers, hard-wrapped
 * lines and a table, and a scanned PDF with no text layer. Generated at test time from the text, so
 * the variants never drift from it.
 *
 * PDFs need a CJK font to embed: Debian's fonts-wqy-zenhei, which .ci/run installs (shipping a
 * 10 MB font, or a subset that goes stale when the text changes, would be worse).
 */

export const SOURCE = new URL('../fixtures/ingest/yinzhou-digital-2024.txt', import.meta.url).pathname;
export const CJK_FONT = '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc';
const CJK_FONT_NAME = 'WenQuanYiZenHei';

export const hasCjkFont = (): boolean => existsSync(CJK_FONT);

interface Block {
  kind: 'title' | 'chapter' | 'article' | 'table' | 'signature' | 'text';
  lines: string[];
}

/** The source text as blocks: paragraphs split at blank lines, table rows kept together. */
export function blocks(text: string): Block[] {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((chunk) => chunk.split('\n').map((l) => l.trim()))
    .map((lines): Block => {
      const first = lines[0] ?? '';
      if (first.includes('|')) return { kind: 'table', lines };
      if (lines.length > 1) return { kind: 'signature', lines };
      if (/^第[一二三四五六七八九十]+章/.test(first)) return { kind: 'chapter', lines };
      if (/^第[一二三四五六七八九十]+条/.test(first)) return { kind: 'article', lines };
      if (/(办法|通知)$/.test(first)) return { kind: 'title', lines };
      return { kind: 'text', lines };
    });
}

const cells = (row: string): string[] => row.split('|').map((c) => c.trim()).filter((c) => c !== '');
const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function htmlPage(text: string): string {
  const body = blocks(text)
    .filter((b) => !/^\S+〔\d{4}〕\d+号$/.test(b.lines[0] ?? '')) // the site shows the number in its info block only
    .map((b) => {
      if (b.kind === 'table') {
        const rows = b.lines.map((r) => `<tr>${cells(r).map((c) => `<td style="border:1px solid #000">${escapeHtml(c)}</td>`).join('')}</tr>`);
        return `<table class="MsoTableGrid" border="1" cellspacing="0"><tbody>${rows.join('')}</tbody></table>`;
      }
      if (b.kind === 'signature') return b.lines.map((l) => `<p style="text-align:right">${escapeHtml(l)}</p>`).join('\n');
      if (b.kind === 'title' || b.kind === 'chapter') return `<p style="text-align:center"><strong>${escapeHtml(b.lines[0] ?? '')}</strong></p>`;
      return `<p style="text-indent:2em">&nbsp;&nbsp;${escapeHtml(b.lines.join(''))}</p>`;
    })
    .join('\n');
  const notice = blocks(text).find((b) => b.kind === 'title')?.lines[0] ?? '';
  return `<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>${escapeHtml(notice)}_政策文件_宁波市鄞州区人民政府</title>
<script>var _hmt = _hmt || []; (function() { var hm = document.createElement("script"); })();</script>
<style>.nav li{display:inline}</style></head>
<body>
<div class="header"><div class="logo">宁波市鄞州区人民政府</div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/zwfw">政务服务</a></li><li><a href="/hdjl">互动交流</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; <a href="/zcwj">政策文件</a></div>
<div class="main-wrap">
<table class="xxgk-info">
<tr><td>索引号：</td><td>11330212MB1C87652X/2024-00088</td><td>主题分类：</td><td>工业、交通</td></tr>
<tr><td>发文机关：</td><td>宁波市鄞州区经济和信息化局</td><td>成文日期：</td><td>2024-04-10</td></tr>
<tr><td>发文字号：</td><td>鄞经信〔2024〕8号</td><td>发布日期：</td><td>2024-04-15</td></tr>
</table>
<h1 class="article-title">${escapeHtml(notice)}</h1>
<div class="article-tools">【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】 <a href="javascript:window.print()">【打印】</a> <a href="javascript:window.close()">【关闭】</a></div>
<div id="zoom" class="TRS_Editor">
${body}
</div>
<div class="fenxiang">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>
<div class="related"><h3>相关链接</h3><ul><li><a href="/a">关于开展2024年度数字化车间申报工作的通知</a></li><li><a href="/b">鄞州区工业和信息化发展专项资金使用情况公示</a></li></ul></div>
</div>
<div class="footer"><p>主办单位：宁波市鄞州区人民政府办公室　版权所有</p><p>网站标识码：3302120001　浙ICP备05012345号</p></div>
<script src="/js/jquery.min.js"></script><script>$(function(){ $('#zoom').css('font-size','16px'); });</script>
</body></html>
`;
}

export async function docxFile(text: string): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  for (const b of blocks(text)) {
    const first = b.lines[0] ?? '';
    if (b.kind === 'chapter') {
      children.push(new Paragraph({ numbering: { reference: 'chapters', level: 0 }, alignment: AlignmentType.CENTER, children: [new TextRun({ text: first.replace(/^第.+?章\s*/, ''), bold: true })] }));
    } else if (b.kind === 'article') {
      children.push(new Paragraph({ numbering: { reference: 'articles', level: 0 }, children: [new TextRun(first.replace(/^第.+?条\s*/, ''))] }));
    } else if (b.kind === 'table') {
      children.push(new Table({ rows: b.lines.map((r) => new TableRow({ children: cells(r).map((c) => new TableCell({ children: [new Paragraph(c)] })) })) }));
    } else if (b.kind === 'title') {
      children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: first, bold: true, size: 36 })] }));
    } else if (b.kind === 'signature') {
      for (const line of b.lines) children.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(line)] }));
    } else {
      children.push(new Paragraph({ children: [new TextRun(b.lines.join(''))] }));
    }
  }
  const doc = new Document({
    numbering: {
      config: [
        { reference: 'chapters', levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '第%1章', alignment: AlignmentType.CENTER }] },
        { reference: 'articles', levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '第%1条', alignment: AlignmentType.START }] },
      ],
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

function pdfBuffer(draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 72, bottom: 72, left: 72, right: 72 }, bufferPages: true });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  draw(doc);
  doc.end();
  return done;
}

/** Official-document layout: 16 pt text, two-character first-line indent, a running header and page numbers. */
export function pdfFile(text: string): Promise<Buffer> {
  return pdfBuffer((doc) => {
    doc.font(CJK_FONT, CJK_FONT_NAME).fontSize(16);
    const width = doc.page.width - 144;
    for (const b of blocks(text)) {
      if (b.kind === 'table') {
        const columns = [60, 220, width - 280];
        for (const row of b.lines) {
          const y = doc.y;
          let x = 72;
          cells(row).forEach((cell, i) => {
            doc.rect(x, y - 4, columns[i] ?? 100, 26).stroke();
            doc.text(cell, x + 6, y, { width: (columns[i] ?? 100) - 12, lineBreak: false });
            x += columns[i] ?? 100;
          });
          doc.x = 72;
          doc.y = y + 26;
        }
        doc.moveDown(0.5);
      } else if (b.kind === 'title' || b.kind === 'chapter') {
        doc.text(b.lines[0] ?? '', 72, doc.y, { width, align: 'center' });
      } else if (b.kind === 'signature') {
        for (const line of b.lines) doc.text(line, 72, doc.y, { width, align: 'right' });
      } else {
        doc.text(b.lines.join(''), 72, doc.y, { width, indent: 32 });
      }
    }
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      // Writing inside the margins would start a new page.
      doc.page.margins = { top: 0, bottom: 0, left: 72, right: 72 };
      doc.fontSize(10).text('宁波市鄞州区经济和信息化局规范性文件', 72, 40, { width, align: 'center', lineBreak: false });
      doc.fontSize(12).text(`— ${i + 1} —`, 72, doc.page.height - 50, { width, align: 'center', lineBreak: false });
    }
  });
}

/** A page of a scan: drawn shapes where the text would be, and no text layer. */
export function scannedPdf(): Promise<Buffer> {
  return pdfBuffer((doc) => {
    for (let y = 100; y < 700; y += 24) doc.rect(72 + (y % 48), y, 420 - (y % 96), 10).fill('#333');
  });
}

export interface Variants {
  dir: string;
  files: Record<string, string>;
}

/** Every variant, written to `dir`. The PDFs only when the CJK font is there. */
export async function writeVariants(dir: string): Promise<Variants> {
  const text = readFileSync(SOURCE, 'utf8');
  mkdirSync(dir, { recursive: true });
  const files: Record<string, string> = {};
  const put = (name: string, data: Buffer | string): void => {
    files[name] = join(dir, name);
    writeFileSync(files[name], data);
  };
  put('政策-utf8.txt', text);
  put('政策-utf8-bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
  put('政策-gbk.txt', iconv.encode(text, 'gbk'));
  put('政策-utf16le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]));
  put('政策-utf16be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]));
  put('政策-utf16le-nobom.txt', iconv.encode(text, 'utf-16le'));
  put('政策.html', iconv.encode(htmlPage(text), 'gb2312'));
  put('政策.docx', await docxFile(text));
  if (hasCjkFont()) {
    put('政策.pdf', await pdfFile(text));
    put('扫描件.pdf', await scannedPdf());
  }
  return { dir, files };
}
