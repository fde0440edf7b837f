import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/app.js';

const ARTIFACTS = new URL('../../test-results/', import.meta.url).pathname;
const TOKEN = 'browser-console-token-0123456789abcdef';
const XSS = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>专精特新奖励多少';

describe.skipIf(!browserAvailable)('provider console in Chromium', () => {
  let server: TestServer;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer({ env: { ADMIN_TOKEN: TOKEN } });
  });
  afterAll(() => server?.close());

  it('signs in with the token, shows no-basis questions (markup as text) and disliked answers, and keeps the token out of URLs and logs', async () => {
    for (const question of [XSS, XSS, '高新技术企业有什么奖励']) {
      await server.app.inject({ method: 'POST', url: '/api/ask', payload: { question } });
    }
    const answered = (await server.app.inject({ method: 'POST', url: '/api/ask', payload: { question: '松江技改补贴' } })).json<{ answerId: string }>();
    await server.app.inject({ method: 'POST', url: '/api/feedback', payload: { answerId: answered.answerId, rating: 'down', comment: '<b>金额</b>看不懂' } });

    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
      const urls: string[] = [];
      page.on('request', (r) => urls.push(r.url()));
      const first = await page.goto(`${server.url}/admin`);
      expect(first?.status()).toBe(401);
      await page.waitForSelector('#sign-in:not([hidden])');
      expect(await page.locator('#console').isHidden()).toBe(true);

      await page.fill('#token', 'not-the-token-at-all-000000');
      await page.click('#sign-in-button');
      await expect.poll(() => page.locator('#sign-in-message').innerText()).toBe('令牌不对，请重新输入。');
      expect(await page.locator('#console').isHidden()).toBe(true);

      await page.fill('#token', TOKEN);
      await page.click('#sign-in-button');
      await page.waitForSelector('#console:not([hidden])');
      const rows = page.locator('#no-basis tbody tr');
      expect(await rows.first().locator('td').allInnerTexts()).toEqual([XSS, '2', expect.any(String)]);
      expect(await page.locator('#disliked tbody tr').first().locator('td').nth(1).innerText()).toBe('<b>金额</b>看不懂');
      expect(await page.locator('#console img, #console script, #console b').count()).toBe(0);
      expect(await page.evaluate('window.__pwned')).toBeUndefined();
      expect(await page.locator('#policies tbody tr').count()).toBeGreaterThanOrEqual(5);
      await page.screenshot({ path: `${ARTIFACTS}console.png`, fullPage: true });

      // A reload keeps this tab signed in (sessionStorage); the token never went into an address.
      await page.reload();
      await page.waitForSelector('#console:not([hidden])');
      // The language switch shows the console in English, still signed in.
      await page.click('#language');
      await page.waitForURL(/lang=en/);
      await page.waitForSelector('#console:not([hidden])');
      expect(await page.locator('#console-title').innerText()).not.toMatch(/\p{Script=Han}/u);
      expect(await page.locator('#language').innerText()).toBe('中文');
      expect(urls.some((u) => u.includes(TOKEN))).toBe(false);
      expect(server.logs.join('')).not.toContain(TOKEN);
      // The public pages know nothing of it.
      const chat = await browser.newPage();
      await chat.goto(server.url);
      expect(await chat.content()).not.toContain(TOKEN);
      expect(await chat.evaluate('JSON.stringify(localStorage)')).not.toContain(TOKEN);
    } finally {
      await browser.close();
    }
  });
});
