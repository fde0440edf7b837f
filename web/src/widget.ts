/**
 * policy-qa on another site, from one tag:
 *   <script src="https://HOST/widget.js" data-region="松江区" data-title="惠企政策问答" async></script>
 * It adds one element to the page: a shadow root holding a launcher button and a panel. The chat
 * itself runs in an iframe served by HOST (/embed), so the host page's styles and scripts can
 * neither break it nor read it. No dependencies, no globals.
 */
(() => {
  const script =
    (document.currentScript as HTMLScriptElement | null) ??
    document.querySelector<HTMLScriptElement>('script[src$="/widget.js"], script[src*="/widget.js?"]');
  if (!script || script.dataset.policyQaLoaded) return;
  script.dataset.policyQaLoaded = 'true';

  const origin = new URL(script.src, location.href).origin;
  const data = script.dataset;
  const language = data.lang === 'en' ? 'en' : 'zh';
  const title = (data.title ?? (language === 'en' ? 'Policy Q&A' : '惠企政策问答')).slice(0, 40);
  // Only plain colour values: nothing a page author writes can become CSS beyond a colour.
  const accent = /^(#[0-9a-f]{3,8}|[a-z]{3,20}|rgba?\([\d\s.,%]+\))$/i.test(data.accent ?? '') ? (data.accent as string) : '#1f6feb';
  const side = data.position === 'left' ? 'left' : 'right';
  const labels =
    language === 'en'
      ? { open: `Open ${title}`, close: 'Close', expand: 'Wider', collapse: 'Narrower', refused: 'This site is not authorised to use the policy Q&A' }
      : { open: `打开${title}`, close: '关闭', expand: '展开', collapse: '收起', refused: '此网站未获授权使用政策问答' };

  const params = new URLSearchParams({ lang: language, title, accent });
  if (data.region) params.set('region', data.region);
  const embedUrl = `${origin}/embed?${params.toString()}`;

  const host = document.createElement('div');
  host.setAttribute('data-policy-qa', '');
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = `
    :host { all: initial !important; position: fixed !important; z-index: 2147483000 !important; }
    * { box-sizing: border-box; }
    .launcher { position: fixed; bottom: 20px; ${side}: 20px; width: 56px; height: 56px; border-radius: 50%;
      border: none; background: ${accent}; color: #fff; cursor: pointer; box-shadow: 0 6px 20px rgba(0,0,0,.25);
      font: 600 22px/56px system-ui, sans-serif; text-align: center; padding: 0; margin: 0; }
    .launcher:focus-visible, button:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
    .panel { position: fixed; bottom: 88px; ${side}: 20px; width: 380px; height: min(640px, calc(100vh - 108px));
      display: flex; flex-direction: column; background: #fff; border-radius: 14px; overflow: hidden;
      box-shadow: 0 12px 40px rgba(0,0,0,.28); font: 14px/1.4 system-ui, sans-serif; color: #1d2330;
      transition: width .15s ease; }
    .panel[hidden] { display: none; }
    .panel.wide { width: min(820px, calc(100vw - 40px)); }
    .bar { display: flex; align-items: center; gap: 8px; padding: 8px 10px; background: ${accent}; color: #fff; }
    .bar strong { flex: 1; font-size: 15px; font-weight: 600; }
    .bar button { border: 1px solid rgba(255,255,255,.7); background: transparent; color: #fff; border-radius: 8px;
      padding: 3px 10px; cursor: pointer; font: inherit; }
    iframe { flex: 1; width: 100%; border: 0; display: block; background: #f5f7fb; }
    .launcher.refused { background: #8b93a1; }
    .refusal { flex: 1; margin: 0; padding: 24px 20px; font-size: 15px; line-height: 1.6; color: #1d2330; background: #f5f7fb; }
    @media (max-width: 600px) {
      .panel, .panel.wide { inset: 0; width: 100%; height: 100%; border-radius: 0; bottom: 0; ${side}: 0; }
      .expand { display: none; }
    }`;

  const launcher = document.createElement('button');
  launcher.type = 'button';
  launcher.className = 'launcher';
  launcher.textContent = language === 'en' ? '?' : '问';
  launcher.setAttribute('aria-label', labels.open);
  launcher.setAttribute('aria-expanded', 'false');
  launcher.setAttribute('aria-controls', 'policy-qa-panel');

  const panel = document.createElement('div');
  panel.className = 'panel';
  panel.id = 'policy-qa-panel';
  panel.hidden = true;
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', title);

  const bar = document.createElement('div');
  bar.className = 'bar';
  const heading = document.createElement('strong');
  heading.textContent = title;
  const expand = document.createElement('button');
  expand.type = 'button';
  expand.className = 'expand';
  expand.textContent = labels.expand;
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.textContent = labels.close;
  close.setAttribute('aria-label', labels.close);
  bar.append(heading, expand, close);

  let frame: HTMLIFrameElement | null = null;
  let frameLoaded = false;
  // Whether the chat server lets this site use the chat: asked once, before the first open.
  let refused = false;
  let refusal: HTMLParagraphElement | null = null;
  const status = fetch(`${origin}/api/embed/status`, { credentials: 'omit' })
    .then((r) => r.json() as Promise<{ allowed?: unknown }>)
    .then((body) => {
      refused = body.allowed === false;
      if (refused) {
        launcher.classList.add('refused');
        launcher.setAttribute('aria-label', labels.refused);
        launcher.title = labels.refused;
        expand.hidden = true;
      }
    })
    .catch(() => undefined); // unknown: try the frame, as before
  panel.append(bar);
  root.append(style, launcher, panel);

  const setWide = (wide: boolean): void => {
    panel.classList.toggle('wide', wide);
    expand.textContent = wide ? labels.collapse : labels.expand;
  };

  const onKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') hide();
  };

  function show(): void {
    if (refused) {
      if (!refusal) {
        refusal = document.createElement('p');
        refusal.className = 'refusal';
        refusal.setAttribute('role', 'alert');
        refusal.textContent = labels.refused;
        panel.append(refusal);
      }
    } else if (!frame) {
      // The chat loads on first open: a page that never opens it pays for one button.
      frame = document.createElement('iframe');
      frame.src = embedUrl;
      frame.title = title;
      frame.setAttribute('allow', 'clipboard-write');
      frame.setAttribute('referrerpolicy', 'strict-origin');
      panel.append(frame);
      frame.addEventListener('load', () => {
        frameLoaded = true;
        focusChat();
      });
    }
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    document.addEventListener('keydown', onKey);
    focusChat();
  }

  function hide(): void {
    if (panel.hidden) return;
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    document.removeEventListener('keydown', onKey);
    launcher.focus();
  }

  function focusChat(): void {
    if (panel.hidden || !frame) return;
    frame.focus();
    // Until it has loaded, the frame is still about:blank and would not take the message.
    if (frameLoaded) frame.contentWindow?.postMessage({ type: 'policy-qa:focus' }, origin);
  }

  launcher.addEventListener('click', () => void status.then(() => (panel.hidden ? show() : hide())));
  close.addEventListener('click', hide);
  expand.addEventListener('click', () => setWide(!panel.classList.contains('wide')));

  // The chat in the frame asks to close (Esc inside it) or to widen (a citation opened).
  window.addEventListener('message', (event: MessageEvent) => {
    if (event.origin !== origin || !frame || event.source !== frame.contentWindow) return;
    const message = event.data as { type?: unknown; wide?: unknown };
    if (message.type === 'policy-qa:close') hide();
    if (message.type === 'policy-qa:wide') setWide(message.wide === true);
  });

  const mount = (): void => {
    document.body.append(host);
    if (data.open === 'true') void status.then(show);
  };
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount, { once: true });
})();
