import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLlmAnswerer } from '../../src/server.js';
import { browserAvailable, launchBrowser } from '../support/browser.js';
import { FakeOpenAI } from '../support/fake-openai.js';
import { startTestServer, type TestServer } from '../support/app.js';

const ARTIFACTS = new URL('../../test-results/', import.meta.url).pathname;

/** What a reader sees of one answer: the bottom line, the blocks in force, the folded rest, the source beside it. */
describe.skipIf(!browserAvailable)('an answer in Chromium', () => {
  let browser: Browser;
  let server: TestServer;
  let context: BrowserContext;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchBrowser();
    server = await startTestServer();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path = '/'): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${server.url}${path}`);
    await page.waitForSelector('.status.open');
    return page;
  }

  async function ask(page: Page, question: string): Promise<void> {
    const before = await page.locator('.answer .answer-footer .mode').count();
    await page.fill('#question', question);
    await page.click('#send');
    await expect.poll(() => page.locator('.answer .answer-footer .mode').count(), { timeout: 15_000 }).toBe(before + 1);
  }

  it('opens on the bottom line and the policy in force, keeps the answer start in sight, and puts the source beside it at 1280 px', async () => {
    const page = await open();
    await ask(page, '松江技改补贴最高多少');
    await ask(page, '我能拿多少两化融合奖励');
    const answer = page.locator('.answer').last();
    // The lead paragraph comes first, then the one policy in force, with its badge beside its heading.
    const sections = await answer.locator('.answer-body > section').evaluateAll((s) => s.map((e) => e.className));
    expect(sections[0]).toBe('lead');
    expect(sections[1]).toBe('policy-block in-force');
    const first = answer.locator('.policy-block').first();
    expect(await first.locator('strong').first().innerText()).toContain('松江区制造业数字化转型发展若干政策');
    expect(await first.locator('.badge').innerText()).toMatch(/^有效（至\d{4}年\d+月\d+日）$/);
    // The expired ones are folded away (closed), each still carrying its badge.
    expect(await answer.locator('.expired-fold').getAttribute('open')).toBeNull();
    expect(await answer.locator('.expired-fold .policy-block.expired .badge').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^已失效（/)]));

    // The view did not run to the end of the long answer: its question and opening are in sight.
    const box = await page.locator('#messages').boundingBox();
    const question = await page.locator('.message.question').last().boundingBox();
    const lead = await answer.locator('.lead').boundingBox();
    expect(box && question && lead).toBeTruthy();
    if (box && question && lead) {
      expect(question.y).toBeGreaterThanOrEqual(box.y - 1);
      expect(lead.y + lead.height).toBeLessThanOrEqual(box.y + box.height);
    }

    await first.locator('.cite').click();
    const panel = page.locator('#source-panel');
    await expect.poll(() => panel.isVisible()).toBe(true);
    const panelBox = await panel.boundingBox();
    const answerBox = await answer.boundingBox();
    expect(panelBox && answerBox).toBeTruthy();
    if (panelBox && answerBox) expect(panelBox.x).toBeGreaterThanOrEqual(answerBox.x + answerBox.width);
    expect(await page.locator('#source-read').getAttribute('href')).toBe('/policy/songjiang-2023#5');
    await page.screenshot({ path: `${ARTIFACTS}answer-desktop.png` });
    await page.close();
  });

  it('shows only policies in force when asked, and says how many it hid', async () => {
    const page = await open();
    await ask(page, '我能拿多少两化融合奖励');
    const answer = page.locator('.answer').last();
    expect(await answer.locator('.policy-block').count()).toBe(4);
    await page.check('#only-in-force');
    await expect.poll(() => answer.locator('.policy-block').count()).toBe(1);
    expect(await answer.locator('.policy-block .badge').innerText()).toMatch(/^有效/);
    expect(await answer.locator('.hidden-note').innerText()).toContain('已隐藏 3 份');
    await page.uncheck('#only-in-force');
    await expect.poll(() => answer.locator('.policy-block').count()).toBe(4);
    await page.close();
  });

  it('changes the statuses with the date picked', async () => {
    const page = await open();
    await page.selectOption('#region', '太仓市');
    await page.fill('#as-of', '2022-06-01');
    await ask(page, '两化融合奖励');
    expect(await page.locator('.answer').last().locator('.policy-block .badge').first().innerText()).toBe('有效（至2023年12月31日）');
    await page.fill('#as-of', '2026-11-21');
    await ask(page, '两化融合奖励');
    expect(await page.locator('.answer').last().locator('.policy-block .badge').first().textContent()).toBe('已失效（2023年12月31日）');
    await page.close();
  });

  it('copies clean text with the sources listed, and Markdown', async () => {
    const page = await open();
    await ask(page, '我能拿多少两化融合奖励');
    const footer = page.locator('.answer').last().locator('.answer-footer');
    await footer.locator('.copy-text').click();
    await expect.poll(() => footer.locator('.copy-text').innerText()).toBe('已复制');
    const text = await page.evaluate<string>('navigator.clipboard.readText()');
    expect(text).not.toContain('**');
    expect(text).not.toMatch(/^\s*>/m);
    expect(text).not.toMatch(/\[\d+\]/);
    expect(text).toContain('松江区 ·《松江区制造业数字化转型发展若干政策》（松科委规〔2023〕6号）第5条①\n');
    expect(text).toMatch(/\n来源：\n① 《松江区制造业数字化转型发展若干政策》（松科委规〔2023〕6号）第5条 · 松江区 · 有效（至2029年1月27日）\n {3}http:\/\/127\.0\.0\.1:\d+\/policy\/songjiang-2023#5\n②/);
    // Each marker once per line, not once per sentence.
    for (const line of text.split('\n')) expect((line.match(/①/g) ?? []).length).toBeLessThanOrEqual(1);

    await footer.locator('.copy-markdown').click();
    await expect.poll(() => footer.locator('.copy-markdown').innerText()).toBe('已复制');
    const markdown = await page.evaluate<string>('navigator.clipboard.readText()');
    expect(markdown).toContain('**松江区 ·《松江区制造业数字化转型发展若干政策》（松科委规〔2023〕6号）第5条** [1]');
    expect(markdown).toMatch(/\*\*来源\*\*\n\n- \[1\] \[《松江区制造业数字化转型发展若干政策》/);
    await page.close();
  });

  it('opens the whole policy at the cited clause, highlighted, with its metadata, at a shareable address', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/policy/songjiang-2023?asOf=2026-11-21#5`);
    const cited = page.locator('.clause.cited');
    await cited.waitFor();
    expect(await cited.count()).toBe(1);
    expect(await cited.innerText()).toContain('5.支持企业开展数字化认证');
    expect(await page.locator('h1').innerText()).toBe('松江区制造业数字化转型发展若干政策');
    const meta = await page.locator('#policy-meta').innerText();
    for (const part of ['松科委规〔2023〕6号', '松江区', '2024年1月28日', '2029年1月27日', '有效（至2029年1月27日）']) expect(meta).toContain(part);
    expect(await page.locator('.clause').count()).toBeGreaterThan(10);
    const inView = await cited.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.top < (el.ownerDocument.defaultView?.innerHeight ?? 0);
    });
    expect(inView).toBe(true);
    expect(await page.locator('.clause img, .clause script').count()).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}policy-page.png`, fullPage: true });
    await page.close();
  });
});

describe.skipIf(!browserAvailable)('an answer written in the new layout (bottom line, then in force, then the expired folded)', () => {
  it('starts with the bottom line naming the policy in force and folds what is no longer in force', async () => {
    const markdown = [
      '目前可申请：松江区 最高20万元 [1]（需通过两化融合贯标2.0 AA级）。',
      '',
      '**松江区 ·《松江区制造业数字化转型发展若干政策》第5条** [1]',
      '> 对通过国家“两化”贯标管理体系认证2.0并达到 AA 级别以上的给予一次性最高不超过20万元奖励。 [1]',
      '- 金额：20万元 [1]',
      '',
      '### 已失效，仅供参考',
      '',
      '**闵行区 ·《闵行区推进智能制造与工业互联网促数字化转型的政策意见》第四条** [2]',
      '> 对于完成两化融合贯标的企业，给予20万元的一次性奖励； [2]',
    ].join('\n');
    const fake = new FakeOpenAI([{ kind: 'stream', pieces: markdown.split(/(?<=\n)/) }]);
    const baseURL = await fake.start();
    const server = await startTestServer({ llm: createLlmAnswerer(loadConfig({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: baseURL })) });
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(server.url);
      await page.waitForSelector('.status.open');
      await page.fill('#question', '我能拿多少两化融合奖励');
      await page.click('#send');
      await page.waitForSelector('.answer .mode.llm');
      const body = page.locator('.answer-body').last();
      const firstLine = body.locator('.lead p').first();
      expect(await firstLine.innerText()).toMatch(/^目前可申请：松江区 最高20万元\s*1\s*（需通过两化融合贯标2\.0 AA级）。$/);
      expect(await body.locator(':scope > section.policy-block').count()).toBe(1);
      expect(await body.locator(':scope > section.policy-block .badge').innerText()).toMatch(/^有效/);
      const fold = body.locator('details.expired-fold');
      expect(await fold.locator('summary').innerText()).toBe('已失效，仅供参考');
      expect(await fold.getAttribute('open')).toBeNull();
      expect(await fold.locator('.policy-block').isVisible()).toBe(false);
      await fold.locator('summary').click();
      expect(await fold.locator('.policy-block').isVisible()).toBe(true);
      expect(await fold.locator('.policy-block .badge').innerText()).toBe('已失效（2026年8月17日）');
      // One chip per clause and block: [1] three times in the text, [2] twice, two chips.
      expect(await body.locator('.policy-block .cite').allInnerTexts()).toEqual(['1', '2']);
      await page.screenshot({ path: `${ARTIFACTS}answer-folded.png` });
    } finally {
      await browser.close();
      await server.close();
      await fake.close();
    }
  });
});
