import type { Citation } from '../../src/protocol.js';
import { byId } from './dom.js';
import { clauseLabel, formatDate, policyHref, statusLabel } from './format.js';
import type { Language, Texts } from './i18n.js';

/**
 * The clause a chip points to, beside the answer (a column from 1024 px, a sheet on phones), with a
 * link to the whole policy at that clause. Text nodes only.
 */
export class SourcePanel {
  private readonly panel = byId<HTMLElement>('source-panel');
  private readonly closeButton = byId<HTMLButtonElement>('source-close');
  private lastTrigger: HTMLElement | null = null;

  constructor(
    private readonly t: Texts,
    private readonly language: Language,
    private readonly onWide: (wide: boolean) => void,
  ) {
    this.closeButton.addEventListener('click', () => this.close());
  }

  get isOpen(): boolean {
    return !this.panel.hidden;
  }

  open(citation: Citation, trigger: HTMLElement, asOf: string | null): void {
    const { t, language } = this;
    this.lastTrigger = trigger;
    const number = citation.docNumber ? `${t.docNumber}${language === 'en' ? ': ' : '：'}${citation.docNumber}` : '';
    const issuer = citation.issuer ? `${t.issuer}${language === 'en' ? ': ' : '：'}${citation.issuer}` : '';
    byId('source-title').textContent = `[${citation.n}] 《${citation.title}》`;
    byId('source-clause').textContent = `${clauseLabel(citation.clause, t)} · ${citation.region}`;
    byId('source-number').textContent = number;
    byId('source-issuer').textContent = issuer;
    byId('source-window').textContent =
      `${t.validity}${language === 'en' ? ': ' : '：'}${formatDate(citation.validFrom, language, t)} – ${formatDate(citation.validTo, language, t)}`;
    const badge = byId('source-status');
    badge.textContent = statusLabel(citation, language, t);
    badge.className = `badge ${citation.status}`;
    byId('source-text').textContent = citation.text;
    const link = byId<HTMLAnchorElement>('source-read');
    link.href = policyHref(citation, language, asOf);
    link.textContent = t.readWhole;
    this.panel.hidden = false;
    this.onWide(true);
    this.closeButton.focus();
  }

  close(): void {
    if (this.panel.hidden) return;
    this.panel.hidden = true;
    this.onWide(false);
    this.lastTrigger?.focus();
  }
}
