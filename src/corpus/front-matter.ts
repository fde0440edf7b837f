import { toSimplified } from '../text/script.js';
import { isGarbledDate } from './dates.js';
import { isHeaderLine } from './header.js';
import { isOrgLine, SENTENCE_PUNCT, stripDecoration } from './lines.js';

/**
 * Lines that come with a document but are not its rules: what a site prints around it (breadcrumbs,
 * share and print links, its metadata block), publication marks and distribution lists. They are
 * read as metadata or dropped, and never become a clause that an answer could cite.
 */

/** Enough of a line's start to recognise what it opens with, converted alone. */
const PREFIX = 16;
const BREADCRUMB_START = /^(当前位置|您的位置|您当前的位置|你的位置|你当前的位置|所在位置|当前页面|位置)\s*[：:]/;
const BREADCRUMB_SEPARATOR = /\s*(?:>>|»|›|＞＞|>|＞)\s*/;

/** 首页 > 政务公开 > 政策文件, >> 走进某市 >> 投资某市, 当前位置：首页 > … */
export function isBreadcrumb(line: string): boolean {
  const raw = stripDecoration(line);
  if (BREADCRUMB_START.test(toSimplified(raw.slice(0, PREFIX)))) return true;
  if (!/[>»›＞]/.test(raw)) return false;
  const text = toSimplified(raw);
  const parts = text.split(BREADCRUMB_SEPARATOR).filter((p) => p.trim() !== '');
  const separators = text.split(BREADCRUMB_SEPARATOR).length - 1;
  if (separators < 2 || parts.length < 2) return false;
  // Crumbs are short names: no sentence is cut into pieces of a dozen characters.
  return !SENTENCE_PUNCT.test(text) && parts.every((p) => p.trim().length <= 16);
}

const CHROME_WORD =
  '打印本页|打印|关闭窗口|关闭本页|关闭|返回顶部|返回|收藏|纠错|我要纠错|分享|分享到|保存|下载|字体|字号|大|中|小|默认|微信|微博|QQ空间|QQ|朋友圈|扫一扫|上一篇|下一篇|点赞|转发|评论|举报|TOP|top';
/** A line made only of link words, in brackets or not: 【打印】【关闭】, 字号：大 中 小, 微信 微博. */
const CHROME_ONLY = new RegExp(`^(?:[【\\[［(（]?\\s*(?:${CHROME_WORD})\\s*[】\\]］)）]?\\s*[：:|/｜]?\\s*)+$`);
const CHROME_START = /^(附件下载|相关附件|分享到|分享至|扫一扫在手机|扫一扫在手机打开当前页|用手机扫描|手机扫一扫|【?字体[：:]|【?字号[：:]|浏览次数|访问次数|阅读次数|点击数|相关链接|相关文件|相关阅读|上一篇|下一篇|网站标识码|版权所有|主办单位|承办单位|技术支持|ICP备|京ICP|沪ICP|苏ICP|网站地图|联系我们|服务热线|客服热线|快捷导航|您需要登录|请登录|立即注册|立即登录)/;
/**
 * A row of buttons, each label in brackets: 【在线办理】【下载办事指南】【打印】. A portal's buttons
 * vary, so the form says it rather than the words; a heading never is two bracketed labels alone.
 */
const BUTTON_ROW = /^(?:[【\[［]\s*[^【】\[\]［］。；;，,]{1,8}\s*[】\]］]\s*){2,}$/;
/**
 * A portal's menu bar (山西政务服务网·某分站 | 法人服务  个人服务  部门服务): four or more short names
 * set apart by bars or wide gaps, without a sentence's punctuation. A table row has two bars or more
 * and is read as a table; a line of issuers names organisations.
 */
const MENU_ITEM_MAX = 12;
const MENU_ITEMS_MIN = 4;
function isMenuBar(text: string): boolean {
  if ((text.match(/[|｜]/g)?.length ?? 0) >= 2 || /[，,。；;：:、]/.test(text)) return false;
  const items = text.split(/\s*[|｜]\s*|[ \u3000]{2,}/).filter((p) => p.trim() !== '');
  return items.length >= MENU_ITEMS_MIN && items.every((p) => p.length <= MENU_ITEM_MAX && !isOrgLine(p));
}

/** A forum post's byline: 某网友 发表于 2021-5-11 12:52:52 | 显示全部楼层 | 阅读模式. */
const FORUM_BYLINE = /发表于\s*\d{4}-\d{1,2}-\d{1,2}|显示全部楼层|只看该作者|阅读模式/;

/** Longer than this, a line that starts like site chrome is prose that happens to. */
const MAX_CHROME_LINE = 80;

/** A link to a downloadable file, as a page's attachment list shows it: 1．申请表.docx */
const FILE_LINK = /^(?:[\d０-９]{1,2}\s*[.．、]\s*)?[^。；;，,]{2,60}\.(?:docx?|pdf|xlsx?|wps|ofd|zip|rar|et|txt)$/i;

/** Share, print and navigation links, visit counters, attachment downloads and a site's copyright lines. */
export function isSiteChrome(line: string): boolean {
  const raw = stripDecoration(line).trim();
  if (raw === '' || raw.length > MAX_CHROME_LINE) return false;
  const text = toSimplified(raw);
  return CHROME_ONLY.test(text) || BUTTON_ROW.test(text) || isMenuBar(text) || FILE_LINK.test(text) || CHROME_START.test(text) || FORUM_BYLINE.test(text);
}

/** （此件公开发布）, (此件主动公开), （本文有删减）, 公开方式：主动公开 */
export function isPublicationMark(line: string): boolean {
  const text = toSimplified(stripDecoration(line)).trim();
  return /^[（(](此件|本件|本文)[^（()）]{0,10}[）)]$/.test(text) || /^[（(]?公开(方式|属性)[：:][^（()）]{0,10}[）)]?$/.test(text);
}

/** The distribution list at a document's foot (抄送：…). */
export function isDistributionLine(line: string): boolean {
  return /^(抄送|抄报|分送|发送)[：:]/.test(toSimplified(stripDecoration(line).trim().slice(0, PREFIX)));
}

/** A document's letterhead: 某某市人民政府办公室文件. */
export function isLetterhead(line: string): boolean {
  const text = toSimplified(stripDecoration(line)).trim();
  return /^[\p{Script=Han}（）()、\s]{4,40}文件$/u.test(text) && !/(的|关于)/.test(text);
}

/** Longer lines are prose or a header: publication marks, letterheads and dates are short. */
const SHORT_FRONT_MATTER = 45;

/** Any line that belongs to the document's surroundings rather than to its rules. */
export function isFrontMatter(line: string): boolean {
  const text = stripDecoration(line);
  if (isHeaderLine(text) || isBreadcrumb(text) || isSiteChrome(text) || isDistributionLine(text)) return true;
  return text.length <= SHORT_FRONT_MATTER && (isPublicationMark(text) || isLetterhead(text) || isGarbledDate(text));
}
