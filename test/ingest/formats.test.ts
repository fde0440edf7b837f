import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeText } from '../../src/ingest/encoding.js';
import { read, readBytes } from '../../src/ingest/read.js';
import { toStored } from '../../src/ingest/to-policy.js';
import { IngestError } from '../../src/ingest/types.js';
import { formatNumber } from '../../src/ingest/docx-numbering.js';
import { hasCjkFont, SOURCE, writeVariants, type Variants } from '../support/ingest-variants.js';

// PDFs need Debian's CJK font: skipped where it is missing, never in CI.
const pdfs = hasCjkFont() || process.env.CI === 'true';
let variants: Variants;
beforeAll(async () => {
  variants = await writeVariants(mkdtempSync(join(tmpdir(), 'policy-qa-variants-')));
});
afterAll(() => rmSync(variants.dir, { recursive: true, force: true }));

const expected = {
  title: '鄞州区工业企业数字化改造专项资金管理办法',
  docNumber: '鄞经信〔2024〕8号',
  issuer: '宁波市鄞州区经济和信息化局',
  region: '鄞州区',
  issued: '2024-04-10',
  validFrom: '2024-05-01',
  validTo: '2026-12-31',
};
const labels = ['序言', '第一条', '第二条', '第三条', '第四条', '表第1行', '表第2行', '表第3行', '第五条', '第六条', '第七条'];

async function ingest(name: string) {
  const file = variants.files[name];
  if (!file) throw new Error(`no variant ${name}`);
  const result = await read(file);
  return { result, ...toStored('yinzhou', result) };
}

describe('one policy in every format yields the same policy', () => {
  const names = ['政策-utf8.txt', '政策-utf8-bom.txt', '政策-gbk.txt', '政策-utf16le.txt', '政策-utf16be.txt', '政策-utf16le-nobom.txt', '政策.html', '政策.docx'];
  it.each(names)('%s', async (name) => {
    const { policy } = await ingest(name);
    expect(policy).toMatchObject(expected);
    expect(policy.clauses.map((c) => c.label)).toEqual(labels);
    expect(policy.clauses.find((c) => c.label === '表第3行')?.text).toBe('3 | 市级智能工厂 | 100 |');
    expect(policy.clauses.find((c) => c.label === '第五条')?.responsible).toBe('区经信局；配合单位：区大数据中心');
  });

  it.runIf(pdfs)('政策.pdf: running header and page numbers dropped, wrapped lines rejoined, the table as rows', async () => {
    const { policy, result } = await ingest('政策.pdf');
    expect(policy).toMatchObject(expected);
    expect(policy.clauses.map((c) => c.label)).toEqual(labels);
    expect(result.text).not.toMatch(/规范性文件|— \d —/);
    const source = readFileSync(SOURCE, 'utf8');
    // Every clause reads as the source has it, word for word.
    for (const clause of policy.clauses) expect(source).toContain(clause.text.replace(/\n/g, ''));
  });

  it('the site page: chrome dropped, the info block kept as hints and stored as front matter', async () => {
    const { result, text, policy } = await ingest('政策.html');
    expect(result.encoding).toBe('gb18030');
    expect(result.hints).toEqual({
      indexNumber: '11330212MB1C87652X/2024-00088',
      issuer: '宁波市鄞州区经济和信息化局',
      issued: '2024-04-10',
      docNumber: '鄞经信〔2024〕8号',
      published: '2024-04-15',
    });
    for (const chrome of ['首页', '政务公开', '当前位置', '字体', '打印', '分享到', '相关链接', '版权所有', 'ICP', '_hmt', 'jquery', '主题分类']) {
      expect(result.text).not.toContain(chrome);
    }
    // The number is only in the info block: the stored file carries it (and the other hints the text lacks).
    expect(text.startsWith('---\ndocNumber: 鄞经信〔2024〕8号\npublished: 2024-04-15\nindexNumber: 11330212MB1C87652X/2024-00088\n---\n')).toBe(true);
    expect(policy.published).toBe('2024-04-15');
  });

  it('the Word file: automatic 第%1章/第%1条 numbering written into the text', async () => {
    const { result } = await ingest('政策.docx');
    expect(result.text).toContain('第二章 支持内容和标准\n第三条 对企业实施数字化改造项目');
    expect(result.text).toContain('\n序号 | 认定类别 | 奖励金额（万元） |\n1 | 区级数字化车间 | 20 |\n');
  });

  it('a page that names its content like furniture and gives its title only in <title>', async () => {
    const html = `<html><head><meta charset="utf-8"><title>甲区促进工业发展若干措施_政策文件_甲区人民政府</title></head><body>
      <ul class="nav"><li><a href="/">首页</a></li><li><a href="/a">政务公开</a></li></ul>
      <div class="main share-box"><p>一、对企业给予奖励10万元。</p><p>二、本措施自2024年1月1日起施行。</p><p>甲区人民政府</p><p>2023年12月1日</p></div>
      <div class="footer">版权所有</div></body></html>`;
    const { text } = await readBytes('page.html', Buffer.from(html));
    expect(text).toBe('甲区促进工业发展若干措施\n一、对企业给予奖励10万元。\n二、本措施自2024年1月1日起施行。\n甲区人民政府\n2023年12月1日\n');
  });

  it('stores text that reads back to the same policy', async () => {
    const { text, policy } = await ingest('政策.html');
    expect(toStored('yinzhou', { text, hints: {}, format: 'txt' }).policy).toEqual(policy);
  });
});

describe('files that are not policy texts are refused, with the reason', () => {
  const refusal = async (file: string) => read(file).then(() => null, (e: unknown) => e as IngestError);

  it.runIf(pdfs)('a scanned PDF with no text layer', async () => {
    expect(await refusal(variants.files['扫描件.pdf'] ?? '')).toMatchObject({ reason: 'scanned', message: expect.stringMatching(/no text layer.*OCR/) });
  });

  it('a program, an empty file, a missing file', async () => {
    expect(await refusal('/bin/ls')).toMatchObject({ reason: 'binary', message: expect.stringMatching(/binary \(a program\)/) });
    const empty = join(variants.dir, 'empty.txt');
    (await import('node:fs')).writeFileSync(empty, '  \n');
    expect(await refusal(empty)).toMatchObject({ reason: 'empty' });
    expect(await refusal(join(variants.dir, 'missing.txt'))).toMatchObject({ reason: 'unreadable', message: expect.stringMatching(/ENOENT/) });
  });

  it('random bytes with no NUL are not read as text', () => {
    const noise = Buffer.from(Array.from({ length: 4000 }, (_, i) => ((i * 7919) % 254) + 1));
    expect(() => decodeText(noise)).toThrow(IngestError);
  });
});

describe('Word numbering formats', () => {
  it.each([
    [1, 'chineseCounting', '一'], [10, 'chineseCounting', '十'], [15, 'chineseCounting', '十五'], [21, 'chineseCounting', '二十一'],
    [105, 'chineseCounting', '一百零五'], [3, 'decimal', '3'], [3, 'decimalEnclosedCircle', '③'], [2, 'ideographTraditional', '乙'],
    [12, 'decimalFullWidth', '１２'], [4, 'lowerRoman', 'iv'], [28, 'upperLetter', 'BB'],
  ])('%i as %s → %s', (n, format, text) => {
    expect(formatNumber(n, format)).toBe(text);
  });
});
