import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLlmAnswerer } from '../../src/server.js';
import { browserAvailable, launchBrowser } from '../support/browser.js';
import { FakeOpenAI } from '../support/fake-openai.js';
import { startTestServer, type TestServer } from '../support/app.js';

const ARTIFACTS = new URL('../../test-results/', import.meta.url).pathname;

describe.skipIf(!browserAvailable)('chat window in Chromium', () => {
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

  async function open(url: string, width = 1100): Promise<{ page: Page; deltas: () => number; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    let deltaFrames = 0;
    page.on('websocket', (ws) =>
      ws.on('framereceived', (frame) => {
        if (typeof frame.payload === 'string' && frame.payload.includes('"type":"delta"')) deltaFrames++;
      }),
    );
    await page.goto(url);
    await page.waitForSelector('.status.open');
    return { page, deltas: () => deltaFrames, errors };
  }

  async function ask(page: Page, question: string): Promise<void> {
    await page.fill('#question', question);
    await page.click('#send');
    await page.waitForSelector('.answer:last-of-type .answer-footer .mode', { timeout: 15_000 });
  }

  it('streams a cited answer to the headline question and opens a citation', async () => {
    const { page, deltas, errors } = await open(server.url);
    await ask(page, '我能拿多少两化融合奖励');
    const answer = page.locator('.answer').last();
    expect(deltas()).toBeGreaterThan(10);
    // One chip per clause in each policy block, not one per quoted sentence: 4 blocks, chips 1..4, each once.
    await expect.poll(() => answer.locator('.policy-block').count()).toBe(4);
    expect(await answer.locator('.policy-block').evaluateAll((blocks) => blocks.map((b) => [...b.querySelectorAll('.cite')].map((c) => c.textContent).join(',')))).toEqual(['1', '2', '3', '4']);
    // The three expired policies are folded under one heading; opened, they show their validity.
    expect(await answer.locator('.expired-fold .policy-block').count()).toBe(3);
    await answer.locator('.expired-fold summary').click();
    const text = await answer.locator('.answer-body').innerText();
    expect(text).toContain('一次性最高不超过20万元奖励');
    expect(text).toContain('已于2026年8月17日失效');

    await answer.locator('.cite', { hasText: '1' }).first().click();
    const panel = page.locator('#source-panel');
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await page.locator('#source-title').innerText()).toBe('[1] 《松江区制造业数字化转型发展若干政策》');
    expect(await page.locator('#source-clause').innerText()).toBe('第5条 · 松江区');
    expect(await page.locator('#source-status').innerText()).toMatch(/^有效/);
    expect(await page.locator('#source-number').innerText()).toContain('松科委规〔2023〕6号');
    expect(await page.locator('#source-text').innerText()).toMatch(/^5\.支持企业开展数字化认证。/);
    await page.screenshot({ path: `${ARTIFACTS}chat-desktop.png` });
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fits a phone-width screen', async () => {
    const { page } = await open(server.url, 390);
    await ask(page, '松江技改补贴最高多少');
    // Evaluated in the page (strings: the test code has no DOM types).
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await page.locator('.cite').first().click();
    // On a phone the source is a sheet from the bottom, leaving the top of the answer in view.
    const sheet = await page.locator('#source-panel').boundingBox();
    expect(sheet).toMatchObject({ x: 0, width: 390 });
    expect((sheet?.y ?? 0) + (sheet?.height ?? 0)).toBe(900);
    expect(sheet?.y).toBeGreaterThan(150);
    await page.screenshot({ path: `${ARTIFACTS}chat-phone.png` });
    await page.close();
  });

  it('shows an XSS payload in a question as text', async () => {
    const { page } = await open(server.url);
    const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>松江技改补贴';
    await ask(page, payload);
    expect(await page.locator('.message.question').last().innerText()).toBe(payload);
    expect(await page.locator('#messages img, #messages script').count()).toBe(0);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    await page.close();
  });

  it('says when the connection drops, and reconnects', async () => {
    const { page } = await open(server.url);
    for (const client of server.app.websocketServer.clients) client.terminate();
    await page.waitForSelector('.status.reconnecting');
    expect(await page.locator('#status').innerText()).toBe('连接已断开，正在重连…');
    await page.waitForSelector('.status.open', { timeout: 10_000 });
    await ask(page, '松江技改补贴');
    await page.close();
  });
});

describe.skipIf(!browserAvailable)('chat window across a server restart', () => {
  it('sees the server shut down (1001), says so, and reconnects when it is back', async () => {
    const first = await startTestServer();
    const port = Number(new URL(first.url).port);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(first.url);
      await page.waitForSelector('.status.open');
      await first.close();
      await page.waitForSelector('.status.reconnecting');
      const second = await startTestServer({ port });
      try {
        await page.waitForSelector('.status.open', { timeout: 15_000 });
        await page.fill('#question', '松江技改补贴');
        await page.click('#send');
        await page.waitForSelector('.answer .mode');
        expect(await page.locator('.answer-body').last().innerText()).toContain('单个项目补贴最高3000万元');
      } finally {
        await second.close();
      }
    } finally {
      await browser.close();
    }
  });
});

describe.skipIf(!browserAvailable)('chat window with a model that writes markup', () => {
  it('shows the markup as text: nothing from the model runs', async () => {
    const fake = new FakeOpenAI([
      { kind: 'stream', pieces: ['<img src=x onerror="window.__pwned=1">', ' **松江**最高20万元 [1]', '<script>window.__pwned=2</script>'] },
    ]);
    const baseURL = await fake.start();
    const llm = createLlmAnswerer(loadConfig({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: baseURL }));
    const server = await startTestServer({ llm });
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(server.url);
      await page.waitForSelector('.status.open');
      await page.fill('#question', '我能拿多少两化融合奖励');
      await page.click('#send');
      await page.waitForSelector('.answer .mode.llm');
      const body = page.locator('.answer-body').last();
      expect(await body.innerText()).toContain('<img src=x onerror="window.__pwned=1">');
      expect(await body.innerText()).toContain('<script>window.__pwned=2</script>');
      expect(await body.locator('strong').innerText()).toBe('松江');
      expect(await body.locator('.cite').count()).toBe(1);
      expect(await page.locator('#messages img, #messages script').count()).toBe(0);
      expect(await page.evaluate('window.__pwned')).toBeUndefined();
      await page.screenshot({ path: `${ARTIFACTS}chat-model-markup.png` });

      // A long answer can be stopped: the stop button cancels it and says so.
      fake.script([{ kind: 'stream', pieces: Array.from({ length: 300 }, () => '很长的回答'), delayMs: 20 }]);
      await page.fill('#question', '松江技改补贴');
      await page.click('#send');
      await page.waitForSelector('#stop:not([hidden])');
      await expect.poll(() => fake.requests.length).toBe(1);
      // The model's text as it streams is marked as not yet checked.
      await page.waitForSelector('.answer.drafting .mode.drafting');
      expect(await page.locator('.answer.drafting .mode.drafting').innerText()).toContain('尚未核对');
      await page.click('#stop');
      await page.waitForSelector('.answer.failed');
      expect(await page.locator('.answer.failed .error-note').innerText()).toBe('已停止。');
      await expect.poll(() => fake.requests[0]?.aborted).toBe(true);
      expect(await page.locator('#stop').isHidden()).toBe(true);
      expect(await page.locator('.answer.drafting').count()).toBe(0);
    } finally {
      await browser.close();
      await server.close();
      await fake.close();
    }
  });
});
