import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/app.js';

const ARTIFACTS = new URL('../../test-results/', import.meta.url).pathname;
const CJK = /[\u3400-\u9fff]/;

describe.skipIf(!browserAvailable)('asking, conversations and language in Chromium', () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchBrowser();
    server = await startTestServer();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function ready(page: Page, path = '/'): Promise<void> {
    await page.goto(`${server.url}${path}`);
    await page.waitForSelector('.status.open');
  }

  async function ask(page: Page, question: string): Promise<void> {
    const before = await page.locator('.answer .answer-footer .mode').count();
    await page.fill('#question', question);
    await page.click('#send');
    await expect.poll(() => page.locator('.answer .answer-footer .mode').count(), { timeout: 15_000 }).toBe(before + 1);
  }

  it('counts characters, warns near the limit, and refuses an over-long question without cutting it', async () => {
    const page = await browser.newPage();
    await ready(page);
    expect(await page.locator('#question').getAttribute('maxlength')).toBeNull();
    await page.fill('#question', '问'.repeat(460));
    expect(await page.locator('#counter').innerText()).toBe('460/500');
    expect(await page.locator('#counter').getAttribute('class')).toBe('counter near');
    expect(await page.locator('#limit-message').innerText()).toBe('还能输入 40 字');

    const long = `${'背景介绍'.repeat(130)}松江技改补贴最高多少？`;
    await page.fill('#question', long);
    expect(await page.locator('#counter').innerText()).toBe(`${[...long].length}/500`);
    expect(await page.locator('#limit-message').innerText()).toBe(`问题有 ${[...long].length} 字，超过 500 字的上限，请删减 ${[...long].length - 500} 字后再发送。`);
    let sent = 0;
    page.on('websocket', (ws) => ws.on('framesent', () => sent++));
    await page.click('#send');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    expect(sent).toBe(0);
    expect(await page.locator('.message.question').count()).toBe(0);
    // Nothing was cut: the whole question, its last words included, is still in the box.
    expect(await page.locator('#question').inputValue()).toBe(long);
    await page.screenshot({ path: `${ARTIFACTS}counter-over-limit.png` });
    await page.close();
  });

  it('keeps conversations across a reload, reads a follow-up in context after it, and starts afresh on "new conversation"', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await ready(page);
    await page.fill('#as-of', '2026-11-21');
    await ask(page, '松江两化融合奖励多少');
    expect(await page.locator('.answer').last().locator('.policy-block strong').first().innerText()).toContain('松江区');

    await page.reload();
    await page.waitForSelector('.status.open');
    expect(await page.locator('.message.question').allInnerTexts()).toEqual(['松江两化融合奖励多少']);
    expect(await page.locator('.answer .policy-block').count()).toBe(1);
    await page.fill('#as-of', '2026-11-21');
    await ask(page, '那嘉定呢？');
    const followUp = page.locator('.answer').last();
    expect(await followUp.locator('.mode').innerText()).toBe('条款摘录');
    expect(await followUp.locator('.policy-block strong').first().textContent()).toContain('嘉定区');

    await page.click('#new-conversation');
    expect(await page.locator('.message').count()).toBe(0);
    await page.fill('#as-of', '2026-11-21');
    await ask(page, '那嘉定呢？');
    expect(await page.locator('.answer .mode').last().innerText()).toBe('无依据');

    await page.click('#show-conversations');
    const items = page.locator('#conversation-items .conversation');
    expect(await items.allInnerTexts()).toEqual(['那嘉定呢？', '松江两化融合奖励多少']);
    await items.nth(1).click();
    expect(await page.locator('.message.question').allInnerTexts()).toEqual(['松江两化融合奖励多少', '那嘉定呢？']);
    await page.screenshot({ path: `${ARTIFACTS}conversations.png` });
    await context.close();
  });

  it('answers the last question again, and takes a rating with a comment', async () => {
    const page = await browser.newPage();
    const ids: string[] = [];
    page.on('websocket', (ws) =>
      ws.on('framereceived', (f) => {
        if (typeof f.payload === 'string' && f.payload.includes('"type":"done"')) ids.push((JSON.parse(f.payload) as { answerId: string }).answerId);
      }),
    );
    await ready(page);
    await ask(page, '太仓上云补贴');
    await page.click('.answer .regenerate');
    await expect.poll(() => ids.length).toBe(2);
    await page.waitForSelector('.answer .answer-footer .mode');
    expect(await page.locator('.answer').count()).toBe(1);
    expect(ids[0]).not.toBe(ids[1]);

    await page.click('.answer .rate.down');
    await page.fill('.answer .feedback-comment', '<b>没有</b>说明申报时间');
    await page.click('.answer .feedback-send');
    await expect.poll(() => page.locator('.answer .feedback-status').innerText()).toBe('谢谢反馈');
    expect(await page.locator('.answer .rate.down').getAttribute('aria-pressed')).toBe('true');
    await page.close();
  });

  it('shows server errors in the page\'s own words (never the server\'s English message)', async () => {
    const strict = await startTestServer({ env: { QUESTIONS_PER_MINUTE_PER_CONNECTION: '1' } });
    try {
      const page = await browser.newPage();
      await page.goto(strict.url);
      await page.waitForSelector('.status.open');
      await ask(page, '松江技改补贴');
      await page.fill('#question', '太仓上云补贴');
      await page.click('#send');
      await page.waitForSelector('.answer.failed');
      expect(await page.locator('.answer.failed .error-note').innerText()).toBe('提问太频繁了，请稍等片刻再问。');

      const en = await browser.newPage();
      await en.goto(`${strict.url}/?lang=en`);
      await en.waitForSelector('.status.open');
      await en.fill('#question', 'Songjiang upgrade subsidy');
      await en.click('#send');
      await en.fill('#question', 'Taicang cloud subsidy');
      await en.click('#send');
      await en.waitForSelector('.answer.failed');
      expect(await en.locator('.answer.failed .error-note').innerText()).toBe('Too many questions; please wait a moment before asking again.');
    } finally {
      await strict.close();
    }
  });

  it('speaks English throughout on the English page, but for quoted clauses and names', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await ready(page, '/?lang=en');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await ask(page, 'How much is the smart-factory reward in Songjiang?');
    await page.locator('.answer .cite').first().click();
    await page.waitForSelector('#source-panel:not([hidden])');
    // Everything the page itself says, with the quoted text, policy names and region names left out
    // (and the switch back to Chinese, which names its language in that language).
    const labels = await page.evaluate<string>(`(() => {
      const copy = document.body.cloneNode(true);
      copy.querySelectorAll('.answer-body, #source-text, #source-title, #source-clause, #source-number, #source-issuer, #region option:not([value=""]), #language, script').forEach((e) => e.remove());
      const badges = [...document.querySelectorAll('.answer-body .badge')].map((b) => b.textContent).join(' ');
      return copy.innerText + ' ' + badges;
    })()`);
    expect(labels).toContain('In force');
    expect(labels).toContain('Quoted from clauses');
    expect(labels.match(CJK) ? labels : '').toBe('');
    const window = await page.locator('#source-window').innerText();
    expect(window).toMatch(/^Valid: \d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}$/);
    await page.screenshot({ path: `${ARTIFACTS}answer-english.png` });
    await page.close();
  });
});
