import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser } from '../support/browser.js';
import { HostSite } from '../support/host-site.js';
import { startTestServer, type TestServer } from '../support/app.js';

const ARTIFACTS = new URL('../../test-results/', import.meta.url).pathname;

describe.skipIf(!browserAvailable)('embeddable widget on another site', () => {
  let browser: Browser;
  let chat: TestServer;
  const allowed = new HostSite(() => chat.url);
  const stranger = new HostSite(() => chat.url);

  beforeAll(async () => {
    const origin = await allowed.start();
    await stranger.start();
    chat = await startTestServer({ env: { ALLOWED_ORIGINS: origin } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await chat?.close();
    await allowed.close();
    await stranger.close();
  });

  const launcher = (page: Page) => page.locator('[data-policy-qa] >> .launcher');
  const panel = (page: Page) => page.locator('[data-policy-qa] >> .panel');
  const frame = (page: Page) => page.frameLocator('[data-policy-qa] >> iframe');

  async function visit(site: HostSite, query: string, width = 1100): Promise<{ page: Page; deltas: () => number }> {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    let deltas = 0;
    page.on('websocket', (ws) =>
      ws.on('framereceived', (f) => {
        if (typeof f.payload === 'string' && f.payload.includes('"type":"delta"')) deltas++;
      }),
    );
    await page.goto(`${site.origin}/${query}`);
    await launcher(page).waitFor();
    return { page, deltas: () => deltas };
  }

  it('survives hostile CSS, opens, streams a cited answer and opens a citation in a wider panel', async () => {
    const { page, deltas } = await visit(allowed, '?region=松江区&title=惠企政策问答&accent=%23c0392b');
    const button = await launcher(page).boundingBox();
    expect(button).toMatchObject({ width: 56, height: 56 });
    expect((button?.x ?? 0) + 56).toBeGreaterThan(1100 - 40);
    expect(await launcher(page).getAttribute('aria-expanded')).toBe('false');

    await launcher(page).click();
    expect(await launcher(page).getAttribute('aria-expanded')).toBe('true');
    await frame(page).locator('.status.open').waitFor();
    const narrow = await panel(page).boundingBox();
    expect(narrow?.width).toBe(380);
    expect(narrow?.height).toBeGreaterThan(400);
    expect(await frame(page).locator('#region').inputValue()).toBe('松江区');
    // Scoped to its region: the only region offered, and suggestions that name no other place.
    expect(await frame(page).locator('#region option').allInnerTexts()).toEqual(['松江区']);
    const suggestions = await frame(page).locator('.example').allInnerTexts();
    expect(suggestions.length).toBeGreaterThanOrEqual(4);
    for (const other of ['太仓', '闵行', '嘉定']) expect(suggestions.join(' ')).not.toContain(other);
    expect(suggestions).toContain('《松江区制造业数字化转型发展若干政策》有哪些支持？');

    await frame(page).locator('#question').fill('我能拿多少两化融合奖励');
    await frame(page).locator('#send').click();
    await frame(page).locator('.answer .mode').waitFor();
    expect(deltas()).toBeGreaterThan(5);
    const answer = await frame(page).locator('.answer-body').innerText();
    expect(answer).toContain('一次性最高不超过20万元奖励');
    // Scoped to 松江区: its one policy, its clause chip shown once.
    // Its one policy: cited once in the bottom line and once on its block, never once per sentence.
    expect(await frame(page).locator('.answer .lead .cite').allInnerTexts()).toEqual(['1']);
    expect(await frame(page).locator('.answer .policy-block .cite').allInnerTexts()).toEqual(['1']);

    await frame(page).locator('.answer .cite').first().click();
    await expect.poll(async () => (await panel(page).boundingBox())?.width).toBeGreaterThan(700);
    // One close control on screen: the widget's; the source inside it is put away with its own words.
    const closers = [
      ...(await page.locator('[data-policy-qa] >> button:visible').allInnerTexts()),
      ...(await frame(page).locator('button:visible').allInnerTexts()),
    ].filter((text) => text.trim() === '关闭');
    expect(closers).toHaveLength(1);
    expect(await frame(page).locator('#source-close').innerText()).toBe('收起来源');
    expect(await frame(page).locator('#source-text').innerText()).toMatch(/^5\.支持企业开展数字化认证/);
    expect(await frame(page).locator('#source-status').innerText()).toMatch(/^有效/);
    await page.screenshot({ path: `${ARTIFACTS}widget-hostile-host.png` });
    await page.close();
  });

  it('is keyboard friendly: focus moves into the chat, Esc closes it and focus comes back', async () => {
    const { page } = await visit(allowed, '?title=惠企政策问答');
    await launcher(page).focus();
    await page.keyboard.press('Enter');
    await frame(page).locator('.status.open').waitFor();
    await expect.poll(() => frame(page).locator('#question').evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => panel(page).isHidden()).toBe(true);
    expect(await page.evaluate('document.querySelector("[data-policy-qa]").shadowRoot.activeElement.className')).toBe('launcher');
    await launcher(page).click();
    await page.locator('[data-policy-qa] >> .close').click();
    await expect.poll(() => panel(page).isHidden()).toBe(true);
    await page.close();
  });

  it('takes its options from data attributes: language, position, open on load', async () => {
    const { page } = await visit(allowed, '?lang=en&position=left&open=true&title=Policy');
    await frame(page).locator('.status.open').waitFor();
    expect(await launcher(page).getAttribute('aria-label')).toBe('Open Policy');
    expect((await launcher(page).boundingBox())?.x).toBeLessThan(40);
    expect(await frame(page).locator('#send').innerText()).toBe('Ask');
    await page.close();
  });

  it('fills a phone-width screen', async () => {
    const { page } = await visit(allowed, '?open=true', 390);
    await frame(page).locator('.status.open').waitFor();
    expect(await panel(page).boundingBox()).toMatchObject({ x: 0, y: 0, width: 390, height: 800 });
    await page.close();
  });

  it('touches nothing on the host page but its own element', async () => {
    const { page } = await visit(allowed, '?open=true');
    await frame(page).locator('.status.open').waitFor();
    expect(await page.evaluate('[...document.body.children].map((e) => e.tagName + (e.dataset.policyQa !== undefined ? "*" : "")).join(",")')).toBe(
      'H1,P,SCRIPT,DIV*',
    );
    // The chat is another origin's document: the host page cannot read it.
    expect(await page.evaluate('(() => { try { return document.querySelector("[data-policy-qa]").shadowRoot.querySelector("iframe").contentDocument; } catch (e) { return "blocked"; } })()')).toBeNull();
    await page.close();
  });

  it('cannot be framed, nor open the websocket, from a site not on the list', async () => {
    const { page } = await visit(stranger, '?open=true');
    // The widget asks first and says the site is not authorised, instead of drawing a refused frame.
    await page.locator('[data-policy-qa] >> .refusal').waitFor();
    expect(await page.locator('[data-policy-qa] >> .refusal').innerText()).toBe('此网站未获授权使用政策问答');
    expect(await launcher(page).getAttribute('aria-label')).toBe('此网站未获授权使用政策问答');
    expect(await page.locator('[data-policy-qa] >> iframe').count()).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}widget-refused.png` });
    // A frame made by hand is refused by the server all the same.
    await page.evaluate(`(() => { const f = document.createElement('iframe'); f.src = ${JSON.stringify(`${chat.url}/embed`)}; document.body.append(f); })()`);
    await page.waitForTimeout(1000);
    expect(await page.frameLocator('body > iframe').locator('#question').count()).toBe(0);
    const outcome = await page.evaluate(
      `new Promise((resolve) => { const ws = new WebSocket(${JSON.stringify(chat.wsUrl)}); ws.onopen = () => resolve('open'); ws.onerror = () => resolve('refused'); })`,
    );
    expect(outcome).toBe('refused');
    await expect.poll(() => chat.logs.join('')).toMatch(/embed refused: site not in ALLOWED_ORIGINS/);
    expect(chat.logs.join('')).toContain(`"origin":"${stranger.origin}"`);
    await page.close();
  });

  it('gives /embed a frame-ancestors policy naming the allowed sites', async () => {
    const response = await chat.app.inject('/embed');
    expect(response.statusCode).toBe(200);
    expect(String(response.headers['content-security-policy'])).toContain(`frame-ancestors 'self' ${allowed.origin}`);
    expect(String(response.headers['content-security-policy'])).not.toContain(stranger.origin);
    const widget = await chat.app.inject('/widget.js');
    expect(widget.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(widget.body).not.toMatch(/OPENAI|sk-/);
  });
});
