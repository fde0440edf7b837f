import type { PolicyDocument } from '../../src/protocol.js';
import { byId } from './dom.js';
import { clauseLabel, formatDate, statusLabel } from './format.js';
import { texts, type Language } from './i18n.js';

/**
 * /policy/:id — the whole policy: its metadata at the top, then every clause, the one named after #
 * (a citation's clause, e.g. /policy/songjiang-2023#5) highlighted and scrolled to. The address is
 * the link to share. Everything is built from text nodes.
 */

const params = new URLSearchParams(location.search);
const language: Language = (params.get('lang') ?? '').startsWith('en') ? 'en' : 'zh';
const t = texts(language);
const asOf = params.get('asOf');

function row(list: HTMLElement, term: string, value: string | HTMLElement): void {
  const dt = document.createElement('dt');
  dt.textContent = term;
  const dd = document.createElement('dd');
  dd.append(value);
  list.append(dt, dd);
}

function highlight(): void {
  const wanted = decodeURIComponent(location.hash.slice(1));
  let first: HTMLElement | null = null;
  for (const clause of document.querySelectorAll<HTMLElement>('.clause')) {
    const cited = wanted !== '' && clause.dataset.label === wanted && first === null;
    clause.classList.toggle('cited', cited);
    if (cited) {
      clause.setAttribute('aria-current', 'true');
      first = clause;
    } else clause.removeAttribute('aria-current');
  }
  first?.scrollIntoView({ block: 'start' });
}

function render(policy: PolicyDocument): void {
  document.title = policy.title;
  byId('policy-title').textContent = policy.title;
  const meta = byId('policy-meta');
  const sep = language === 'en' ? ` ${t.dateSep} ` : ` ${t.dateSep} `;
  if (policy.docNumber) row(meta, t.docNumber, policy.docNumber);
  if (policy.issuer) row(meta, t.issuer, policy.issuer);
  row(meta, t.region_, policy.region);
  row(meta, t.validity, `${formatDate(policy.validFrom, language, t)}${sep}${formatDate(policy.validTo, language, t)}`);
  const badge = document.createElement('span');
  badge.className = `badge ${policy.status}`;
  badge.textContent = statusLabel(policy, language, t);
  row(meta, `${t.status}${language === 'en' ? ` (${policy.asOf})` : `（${formatDate(policy.asOf, language, t)}）`}`, badge);

  const main = byId('clauses');
  let section = '';
  for (const clause of policy.clauses) {
    const path = clause.sectionPath.join(' · ');
    if (path !== section && path !== '') {
      const heading = document.createElement('h2');
      heading.textContent = path;
      main.append(heading);
    }
    section = path;
    const block = document.createElement('section');
    block.className = 'clause';
    block.dataset.label = clause.label;
    const label = document.createElement('span');
    label.className = 'label';
    label.textContent = clauseLabel(clause.label, t);
    block.append(label, document.createTextNode(clause.text));
    main.append(block);
  }
  highlight();
}

async function start(): Promise<void> {
  document.documentElement.lang = language === 'en' ? 'en' : 'zh-CN';
  byId('policy-title').textContent = t.loading;
  const back = byId<HTMLAnchorElement>('back');
  back.textContent = t.backToChat;
  back.href = language === 'en' ? '/?lang=en' : '/';
  const switcher = byId<HTMLAnchorElement>('language');
  const other = new URLSearchParams(location.search);
  other.set('lang', t.languageHref);
  switcher.textContent = t.language;
  switcher.href = `?${other.toString()}${location.hash}`;
  const id = decodeURIComponent(location.pathname.replace(/^\/policy\//, ''));
  const query = asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? `?asOf=${asOf}` : '';
  try {
    const response = await fetch(`/api/policies/${encodeURIComponent(id)}${query}`);
    if (!response.ok) throw new Error(String(response.status));
    render((await response.json()) as PolicyDocument);
  } catch {
    byId('policy-title').textContent = t.policyNotFound;
  }
  window.addEventListener('hashchange', highlight);
}

void start();
