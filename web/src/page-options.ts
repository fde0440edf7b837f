import type { Language } from './i18n.js';

/** How the chat page was opened: full page at /, or compact in the widget's frame at /embed?… */

export interface PageOptions {
  language: Language;
  region: string;
  title: string | null;
  accent: string | null;
  /** Inside the widget's iframe on another site. */
  embedded: boolean;
}

const COLOUR = /^(#[0-9a-f]{3,8}|[a-z]{3,20}|rgba?\([\d\s.,%]+\))$/i;

export function pageOptions(): PageOptions {
  const params = new URLSearchParams(location.search);
  const lang = params.get('lang') ?? document.documentElement.lang;
  const accent = params.get('accent');
  return {
    language: lang.startsWith('en') ? 'en' : 'zh',
    region: params.get('region') ?? '',
    title: params.get('title'),
    accent: accent && COLOUR.test(accent) ? accent : null,
    embedded: location.pathname === '/embed' && window.parent !== window,
  };
}

/** Tells the widget around the frame to close or to widen; it checks where the message comes from. */
export function tellWidget(message: { type: 'policy-qa:close' } | { type: 'policy-qa:wide'; wide: boolean }): void {
  if (window.parent !== window) window.parent.postMessage(message, '*');
}
