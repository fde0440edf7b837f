import type { CitationStatus, ErrorCode } from '../../src/protocol.js';

export type Language = 'zh' | 'en';

/** Every word the pages show, in both languages; server error codes map to the page's own words. */
const TEXT = {
  zh: {
    title: '惠企政策问答',
    subtitle: '回答均引用政策原文条款',
    placeholder: '输入问题，例如：我能拿多少两化融合奖励？',
    send: '提问',
    stop: '停止',
    allRegions: '全部地区',
    region: '地区',
    asOf: '日期',
    asOfHint: '按这一天判断政策是否有效（留空为今天）',
    onlyInForce: '只看有效政策',
    hiddenNotInForce: '已隐藏 {n} 份不在有效期内的政策（取消“只看有效政策”可查看）。',
    examples: '试试这些问题',
    connecting: '正在连接…',
    open: '已连接',
    reconnecting: '连接已断开，正在重连…',
    lost: '连接中断，这个回答没有完成，请重新提问。',
    notConnected: '尚未连接到服务器，请稍候再试。',
    counter: '{n}/{max}',
    nearLimit: '还能输入 {left} 字',
    overLimit: '问题有 {n} 字，超过 {max} 字的上限，请删减 {over} 字后再发送。',
    copy: '复制',
    copyMarkdown: '复制 Markdown',
    copied: '已复制',
    copyFailed: '复制失败',
    sources: '来源',
    close: '关闭',
    backToAnswer: '收起来源',
    readWhole: '阅读政策全文',
    docNumber: '文号',
    clause: '条款',
    issuer: '发文单位',
    region_: '地区',
    validity: '有效期',
    status: '状态',
    inForce: '有效',
    expired: '已失效',
    abolished: '已废止',
    notYet: '尚未施行',
    unknown: '有效期未载明',
    until: '（至{date}）',
    since: '（{date}起）',
    on: '（{date}）',
    modeLlm: '模型生成 · 已核对引用',
    modeLlmUnchecked: '模型生成 · 部分内容未通过核对，已删除',
    modeExtractive: '条款摘录',
    noAnswer: '无依据',
    noBasisRefusal: '现有政策中没有找到能回答这个问题的条款。可以换个说法，或选择其他地区再问。',
    thinking: '正在检索条款…',
    drafting: '生成中 · 尚未核对，核对后定稿',
    cancelled: '已停止。',
    expiredSection: '已失效，仅供参考',
    helpful: '有帮助',
    notHelpful: '没帮助',
    feedbackPrompt: '哪里不对？（可不填）',
    feedbackSend: '发送',
    feedbackSkip: '跳过',
    feedbackThanks: '谢谢反馈',
    commentTooLong: '意见有 {n} 字，超过 {max} 字的上限，请删减后再发送。',
    feedbackFailed: '反馈没有发送成功',
    regenerate: '重新回答',
    newConversation: '新对话',
    conversations: '对话记录',
    noConversations: '还没有对话',
    language: 'English',
    languageHref: 'en',
    citeLabel: '查看来源 {n}',
    clauseNumber: '第{n}条',
    notAuthorised: '此网站未获授权使用政策问答',
    policyNotFound: '没有找到这份政策。',
    loading: '正在加载…',
    backToChat: '返回问答',
    dateSep: '至',
    unknownDate: '未载明',
  },
  en: {
    title: 'Policy Q&A',
    subtitle: 'Every answer cites the policy clauses',
    placeholder: 'Ask a question, e.g. How much is the smart-factory reward in Songjiang?',
    send: 'Ask',
    stop: 'Stop',
    allRegions: 'All regions',
    region: 'Region',
    asOf: 'Date',
    asOfHint: 'Policies are judged in force on this day (empty: today)',
    onlyInForce: 'In force only',
    hiddenNotInForce: '{n} policies not in force on this date are hidden (untick "In force only" to see them).',
    examples: 'Try these',
    connecting: 'Connecting…',
    open: 'Connected',
    reconnecting: 'Connection lost, reconnecting…',
    lost: 'The connection dropped before this answer finished. Please ask again.',
    notConnected: 'Not connected to the server yet; please try again in a moment.',
    counter: '{n}/{max}',
    nearLimit: '{left} characters left',
    overLimit: 'The question is {n} characters, over the limit of {max}: remove {over} characters before sending.',
    copy: 'Copy',
    copyMarkdown: 'Copy Markdown',
    copied: 'Copied',
    copyFailed: 'Copy failed',
    sources: 'Sources',
    close: 'Close',
    backToAnswer: 'Hide source',
    readWhole: 'Read the whole policy',
    docNumber: 'Document No.',
    clause: 'Clause',
    issuer: 'Issuer',
    region_: 'Region',
    validity: 'Valid',
    status: 'Status',
    inForce: 'In force',
    expired: 'Expired',
    abolished: 'Abolished',
    notYet: 'Not yet in force',
    unknown: 'Validity not stated',
    until: ' (until {date})',
    since: ' (from {date})',
    on: ' ({date})',
    modeLlm: 'Generated · citations checked',
    modeLlmUnchecked: 'Generated · what failed the check was removed',
    modeExtractive: 'Quoted from clauses',
    noAnswer: 'No basis',
    noBasisRefusal: 'No clause in the policies on file answers this question. Try other words, or another region.',
    thinking: 'Searching the clauses…',
    drafting: 'Drafting · not yet checked against the clauses',
    cancelled: 'Stopped.',
    expiredSection: 'No longer in force (for reference)',
    helpful: 'Helpful',
    notHelpful: 'Not helpful',
    feedbackPrompt: 'What was wrong? (optional)',
    feedbackSend: 'Send',
    feedbackSkip: 'Skip',
    feedbackThanks: 'Thanks for the feedback',
    commentTooLong: 'The comment is {n} characters, over the limit of {max}; shorten it before sending.',
    feedbackFailed: 'The feedback could not be sent',
    regenerate: 'Answer again',
    newConversation: 'New conversation',
    conversations: 'Conversations',
    noConversations: 'No conversations yet',
    language: '中文',
    languageHref: 'zh',
    citeLabel: 'Show source {n}',
    clauseNumber: 'Art. {n}',
    notAuthorised: 'This site is not authorised to use the policy Q&A',
    policyNotFound: 'No such policy.',
    loading: 'Loading…',
    backToChat: 'Back to the Q&A',
    dateSep: 'to',
    unknownDate: 'not stated',
  },
} as const;

export type Texts = { [K in keyof (typeof TEXT)['zh']]: string };

export function texts(language: Language): Texts {
  return TEXT[language];
}

/** Fills {name} placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

const ERRORS: Record<Language, Record<ErrorCode, string>> = {
  zh: {
    'bad-request': '请求有误，请刷新页面后再试。',
    'bad-question': '问题为空，或含有无法识别的字符。',
    'question-too-long': '问题超过了 500 字的上限，请删减后再发送。',
    'bad-region': '没有这个地区的政策，请在“地区”中重新选择。',
    'bad-date': '日期格式不对，请重新选择日期。',
    'bad-history': '这段对话的记录无法使用，请开始新对话。',
    'rate-limited': '提问太频繁了，请稍等片刻再问。',
    'llm-failed': '生成服务暂时不可用，请稍后再试。',
    cancelled: '已停止。',
    internal: '服务器出错了，请稍后再试。',
  },
  en: {
    'bad-request': 'The request was not understood; reload the page and try again.',
    'bad-question': 'The question is empty or holds characters that cannot be read.',
    'question-too-long': 'The question is over the 500-character limit; shorten it and send again.',
    'bad-region': 'There are no policies for this region; choose another under "Region".',
    'bad-date': 'The date is not valid; choose it again.',
    'bad-history': 'This conversation\'s record cannot be used; start a new conversation.',
    'rate-limited': 'Too many questions; please wait a moment before asking again.',
    'llm-failed': 'The answer generator is unavailable; please try again later.',
    cancelled: 'Stopped.',
    internal: 'Something went wrong on the server; please try again later.',
  },
};

/** The page's words for a server error code; an unknown code reads as a server error, never as the server's English message. */
export function errorText(language: Language, code: string): string {
  const table = ERRORS[language];
  return code in table ? table[code as ErrorCode] : table.internal;
}

export function statusWord(t: Texts, status: CitationStatus): string {
  switch (status) {
    case 'in-force':
      return t.inForce;
    case 'expired':
      return t.expired;
    case 'abolished':
      return t.abolished;
    case 'not-yet-in-force':
      return t.notYet;
    default:
      return t.unknown;
  }
}

/** Topic questions that name no place: asked within whatever region the page is scoped to. */
export const TOPIC_EXAMPLES: Record<Language, string[]> = {
  zh: ['两化融合奖励最高多少？', '技改项目能补贴多少？', '上云有什么补贴？', '智能工厂认定有奖励吗？'],
  en: ['How much is the smart-factory reward?', 'What support is there for cloud adoption?'],
};

/** The full page's examples, across regions. */
export const EXAMPLES: Record<Language, string[]> = {
  zh: ['我能拿多少两化融合奖励', '松江区技改项目最高能补贴多少？', '我是太仓的小厂老板，上云有啥补贴没？', '闵行的智能制造政策现在还有效吗？'],
  en: ['How much is the smart-factory reward in Songjiang?', 'What does Taicang give for cloud adoption?'],
};
