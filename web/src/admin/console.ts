import type { PolicySummary } from '../../../src/protocol.js';
import { byId } from '../dom.js';
import { formatDate, statusLabel } from '../format.js';
import { texts, type Language } from '../i18n.js';

/**
 * The provider's console. Signing in keeps the token in this tab's sessionStorage and sends it only
 * as an Authorization header to /api/admin/* — never in a URL. Everything users wrote (questions,
 * comments) is shown as text nodes.
 */

const TOKEN_KEY = 'policy-qa:console-token';
const language: Language = (new URLSearchParams(location.search).get('lang') ?? '').startsWith('en') ? 'en' : 'zh';
const t = texts(language);

const WORDS = {
  zh: {
    title: '政策问答 · 管理台', token: '管理令牌（ADMIN_TOKEN）', signIn: '登录', signOut: '退出', wrong: '令牌不对，请重新输入。',
    failed: '服务器没有响应，请稍后再试。', none: '暂无', imported: '已导入 {id}：《{title}》（{region}），{clauses} 条。', served: '几秒内即可用于回答。', restart: '重启服务后生效。',
    tooLarge: '文件超过 {limit}，请在服务器上用 policy-qa import 导入。', warning: '注意：', importRegion: '地区（文中未写明时填写）',
    importFailed: '导入失败：{reason}', question: '问题', count: '次数', lastAsked: '最近一次', comment: '意见', mode: '方式', cited: '引用', when: '时间',
    titleCol: '标题', region: '地区', number: '文号', validity: '有效期', status: '状态', clauses: '条款数',
    noBasis: '没有依据的问题（应补充的政策）', disliked: '用户不满意的回答', policies: '政策列表', import: '导入新政策', export: '导出 CSV',
    importId: '编号', replace: '覆盖同编号的政策', importButton: '导入', all: '全部问题',
  },
  en: {
    title: 'Policy Q&A · Console', token: 'Console token (ADMIN_TOKEN)', signIn: 'Sign in', signOut: 'Sign out', wrong: 'That token is not right.',
    failed: 'The server did not answer; try again later.', none: 'None yet', imported: 'Imported {id}: 《{title}》 ({region}), {clauses} clauses.', served: 'Answers use it within seconds.',
    restart: 'It is served after a restart.', tooLarge: 'The file is over {limit}: import it with policy-qa import on the server.', warning: 'Note: ', importRegion: 'Region (if the text names none)',
    importFailed: 'Import failed: {reason}', question: 'Question', count: 'Times', lastAsked: 'Last asked', comment: 'Comment', mode: 'Mode', cited: 'Cited', when: 'When',
    titleCol: 'Title', region: 'Region', number: 'Doc. No.', validity: 'Valid', status: 'Status', clauses: 'Clauses',
    noBasis: 'Questions with no basis (policies to add)', disliked: 'Answers users disliked', policies: 'Policies', import: 'Import a policy',
    export: 'Export CSV', importId: 'Id', replace: 'Replace a policy with the same id', importButton: 'Import', all: 'All questions',
  },
}[language];

class Unauthorised extends Error {}

function token(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

async function call(path: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(path, { ...init, headers: { ...(init.headers ?? {}), authorization: `Bearer ${token() ?? ''}` }, cache: 'no-store' });
  if (response.status === 401) throw new Unauthorised();
  return response;
}

function cell(text: string | number | null | HTMLElement): HTMLTableCellElement {
  const td = document.createElement('td');
  td.append(text === null ? '' : text instanceof HTMLElement ? text : String(text));
  return td;
}

function fillTable(id: string, rows: (string | number | null | HTMLElement)[][]): void {
  const body = byId<HTMLTableElement>(id).tBodies[0] as HTMLTableSectionElement;
  if (rows.length === 0) {
    const td = cell(WORDS.none);
    td.colSpan = byId<HTMLTableElement>(id).tHead?.rows[0]?.cells.length ?? 1;
    td.className = 'empty';
    const tr = document.createElement('tr');
    tr.append(td);
    body.replaceChildren(tr);
    return;
  }
  body.replaceChildren(
    ...rows.map((values) => {
      const tr = document.createElement('tr');
      tr.append(...values.map(cell));
      return tr;
    }),
  );
}

const when = (iso: string): string => new Date(iso).toLocaleString(language === 'en' ? 'en' : 'zh-CN');

async function load(): Promise<void> {
  const [noBasis, disliked, policies] = await Promise.all([
    call('/api/admin/no-basis').then((r) => r.json() as Promise<{ groups: { example: string; count: number; lastAsked: string }[] }>),
    call('/api/admin/disliked').then(
      (r) => r.json() as Promise<{ answers: { question: string; comment: string | null; mode: string; citations: { policyId: string; clause: string }[]; givenAt: string }[] }>,
    ),
    call('/api/admin/policies').then((r) => r.json() as Promise<{ policies: PolicySummary[] }>),
  ]);
  fillTable('no-basis', noBasis.groups.map((g) => [g.example, g.count, when(g.lastAsked)]));
  fillTable('disliked', disliked.answers.map((a) => [a.question, a.comment, a.mode, a.citations.map((c) => `${c.policyId}:${c.clause}`).join(' '), when(a.givenAt)]));
  fillTable(
    'policies',
    policies.policies.map((p) => {
      const badge = document.createElement('span');
      badge.className = `badge ${p.status}`;
      badge.textContent = statusLabel(p, language, t);
      return [p.title, p.region, p.docNumber, `${formatDate(p.validFrom, language, t)} – ${formatDate(p.validTo, language, t)}`, badge, p.clauses];
    }),
  );
}

function signedIn(yes: boolean): void {
  byId('sign-in').hidden = yes;
  byId('console').hidden = !yes;
  byId('sign-out').hidden = !yes;
}

async function enter(): Promise<void> {
  try {
    await load();
    signedIn(true);
  } catch (error) {
    signedIn(false);
    byId('sign-in-message').textContent = error instanceof Unauthorised ? WORDS.wrong : WORDS.failed;
    if (error instanceof Unauthorised) sessionStorage.removeItem(TOKEN_KEY);
  }
}

/** The server's limit on uploads (MAX_UPLOAD_BYTES): a larger file is not sent at all. */
const MAX_UPLOAD_BYTES = 16 * 1024 * 1024;
/** The policy list is read again after an import, once the server has had time to pick the file up. */
const LIST_REFRESH_MS = 3000;
/** Bytes turned into base64 a slice at a time: String.fromCharCode takes a bounded number of arguments. */
const BASE64_SLICE = 0x8000;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += BASE64_SLICE) binary += String.fromCharCode(...bytes.subarray(at, at + BASE64_SLICE));
  return btoa(binary);
}

interface ImportAnswer {
  id?: string;
  title?: string;
  region?: string;
  clauses?: number;
  warnings?: string[];
  served?: string;
  error?: { message: string };
}

async function upload(): Promise<void> {
  const file = byId<HTMLInputElement>('import-file').files?.[0];
  const result = byId('import-result');
  if (!file) return;
  if (file.size > MAX_UPLOAD_BYTES) {
    result.textContent = WORDS.tooLarge.replace('{limit}', `${MAX_UPLOAD_BYTES / 1024 / 1024} MB`);
    return;
  }
  const body = {
    name: file.name,
    data: toBase64(new Uint8Array(await file.arrayBuffer())),
    id: byId<HTMLInputElement>('import-id').value.trim(),
    region: byId<HTMLInputElement>('import-region').value.trim(),
    replace: byId<HTMLInputElement>('import-replace').checked,
  };
  try {
    const response = await call('/api/admin/policies', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const answer = (await response.json()) as ImportAnswer;
    if (!response.ok) {
      result.textContent = WORDS.importFailed.replace('{reason}', answer.error?.message ?? String(response.status));
      return;
    }
    const lines = [
      WORDS.imported.replace('{id}', answer.id ?? '').replace('{title}', answer.title ?? '').replace('{region}', answer.region ?? '').replace('{clauses}', String(answer.clauses ?? 0)),
      answer.served === 'within seconds' ? WORDS.served : WORDS.restart,
      ...(answer.warnings ?? []).map((w) => `${WORDS.warning}${w}`),
    ];
    result.textContent = lines.join('\n');
    if (answer.served === 'within seconds') setTimeout(() => void load(), LIST_REFRESH_MS);
  } catch (error) {
    if (error instanceof Unauthorised) return void enter();
    result.textContent = WORDS.importFailed.replace('{reason}', WORDS.failed);
  }
}

async function exportCsv(kind: string): Promise<void> {
  const response = await call(`/api/admin/export/${kind}.csv`);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = `policy-qa-${kind}.csv`;
  link.click();
  URL.revokeObjectURL(link.href);
}

function start(): void {
  document.documentElement.lang = language === 'en' ? 'en' : 'zh-CN';
  document.title = WORDS.title;
  byId('console-title').textContent = WORDS.title;
  byId('token-label').textContent = WORDS.token;
  byId('sign-in-button').textContent = WORDS.signIn;
  byId('sign-out').textContent = WORDS.signOut;
  // The other language, keeping the rest of the address (the token is never in it).
  const switcher = byId<HTMLAnchorElement>('language');
  const other = new URLSearchParams(location.search);
  other.set('lang', t.languageHref);
  switcher.textContent = t.language;
  switcher.href = `?${other.toString()}`;
  const labels: Record<string, string> = {
    'no-basis-heading': WORDS.noBasis,
    'disliked-heading': WORDS.disliked,
    'policies-heading': WORDS.policies,
    'import-heading': WORDS.import,
    'export-heading': WORDS.export,
    'import-id-label': WORDS.importId,
    'import-region-label': WORDS.importRegion,
    'import-replace-label': WORDS.replace,
    'import-button': WORDS.importButton,
  };
  for (const [id, text] of Object.entries(labels)) byId(id).textContent = text;
  const columns: Record<string, string> = { ...WORDS, title: WORDS.titleCol };
  for (const th of document.querySelectorAll<HTMLElement>('th[data-t]')) th.textContent = columns[th.dataset.t ?? ''] ?? th.textContent;
  const exportNames: Record<string, string> = { questions: WORDS.all, 'no-basis': WORDS.noBasis, disliked: WORDS.disliked };
  for (const button of document.querySelectorAll<HTMLElement>('.export')) button.textContent = exportNames[button.dataset.kind ?? ''] ?? '';
  byId('sign-in').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = byId<HTMLInputElement>('token');
    sessionStorage.setItem(TOKEN_KEY, input.value.trim());
    input.value = '';
    void enter();
  });
  byId('sign-out').addEventListener('click', () => {
    sessionStorage.removeItem(TOKEN_KEY);
    signedIn(false);
  });
  byId('import').addEventListener('submit', (event) => {
    event.preventDefault();
    void upload();
  });
  for (const button of document.querySelectorAll<HTMLButtonElement>('.export')) {
    button.addEventListener('click', () => void exportCsv(button.dataset.kind ?? 'questions'));
  }
  if (token()) void enter();
  else signedIn(false);
}

start();
