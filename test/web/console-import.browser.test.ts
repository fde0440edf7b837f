import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/app.js';
import { docxFile, SOURCE } from '../support/ingest-variants.js';

const TOKEN = 'browser-import-token-0123456789abcdef';

describe.skipIf(!browserAvailable)('the console’s import in Chromium', () => {
  let server: TestServer;
  const dir = mkdtempSync(join(tmpdir(), 'policy-qa-console-upload-'));
  beforeAll(async () => {
    mkdirSync(join(dir, 'index', 'policies'), { recursive: true });
    server = await startTestServer({ env: { ADMIN_TOKEN: TOKEN, INDEX_DIR: join(dir, 'index') } });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('uploads a Word file as bytes and shows what was read; a file over the limit is not sent', async () => {
    const docx = join(dir, '鄞州区数字化改造办法.docx');
    writeFileSync(docx, await docxFile(readFileSync(SOURCE, 'utf8')));
    const huge = join(dir, 'huge.pdf');
    writeFileSync(huge, Buffer.alloc(16 * 1024 * 1024 + 1, 0x41));

    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
      const posts: string[] = [];
      page.on('request', (r) => r.method() === 'POST' && posts.push(r.url()));
      await page.goto(`${server.url}/admin`);
      await page.fill('#token', TOKEN);
      await page.click('#sign-in-button');
      await page.waitForSelector('#console:not([hidden])');

      await page.setInputFiles('#import-file', docx);
      await page.click('#import-button');
      await expect.poll(() => page.locator('#import-result').innerText()).toMatch(/已导入 yin-zhou-qu-shu-zi-hua-gai-zao-ban-fa：《鄞州区工业企业数字化改造专项资金管理办法》（鄞州区），11 条。/);
      expect(readFileSync(join(dir, 'index', 'policies', 'yin-zhou-qu-shu-zi-hua-gai-zao-ban-fa.md'), 'utf8')).toContain('第三条 对企业实施数字化改造项目');

      await page.setInputFiles('#import-file', docx);
      await page.click('#import-button');
      await expect.poll(() => page.locator('#import-result').innerText()).toMatch(/导入失败：.*exists already/);

      const sent = posts.length;
      await page.setInputFiles('#import-file', huge);
      await page.click('#import-button');
      await expect.poll(() => page.locator('#import-result').innerText()).toBe('文件超过 16 MB，请在服务器上用 policy-qa import 导入。');
      expect(posts.length).toBe(sent);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
