import { toSimplified } from '../text/script.js';
import type { Clause } from './types.js';

/**
 * A draft published for comment (征求意见稿, 草案) is not a policy yet: whatever dates it states are
 * the ones it would have if issued as it stands, and its notice says so (征求意见稿内容不代表最终政策)
 * and until when comments are taken. Read from the title and the notice's own words.
 */

/** A title naming a draft: 《…办法（征求意见稿）》, …（草案）, 关于公开征求《…》意见的公告. */
const DRAFT_TITLE = /征求意见稿|[（(]草案[）)]|草案$|征求[^，。；]{0,60}意见的(?:公告|通知|函)/;
/** The notice's word that the draft binds no one yet: 不代表最终政策, 以正式印发的文件为准. */
const NOT_FINAL = /不代表最终|以[^，。；]{0,12}(?:正式)?印发的?[^，。；]{0,8}为准|非正式文件/;
const DAY = String.raw`\d{1,2}\s*月\s*\d{1,2}\s*日`;
/** A period or a deadline: 2026年11月12日至2026年12月11日, 截止12月11日, 12月11日前. */
const PERIOD = new RegExp(String.raw`\d{4}\s*年\s*${DAY}\s*(?:至|到|—|－|-)\s*(?:\d{4}\s*年\s*)?${DAY}|(?:截止|截至)[^。；]{0,12}${DAY}|${DAY}\s*(?:前|之前|以前)`);
/** The comment period: a sentence on comments (意见) that gives one (可于…至…提出意见建议). */
const commentPeriodIn = (text: string): boolean => text.split(/[。；;]/).some((sentence) => /意见|反馈/.test(sentence) && PERIOD.test(sentence));

export interface DraftStanding {
  draft: boolean;
  /** The notice's clauses that give until when comments are taken and that it binds no one yet. */
  draftNoticeClauseIds: string[];
}

export function readDraft(title: string, clauses: Clause[]): DraftStanding {
  if (!DRAFT_TITLE.test(toSimplified(title))) return { draft: false, draftNoticeClauseIds: [] };
  const texts = clauses.map((c) => ({ id: c.id, text: toSimplified(c.text) }));
  const period = texts.find((c) => commentPeriodIn(c.text))?.id;
  const notFinal = texts.find((c) => NOT_FINAL.test(c.text))?.id;
  return { draft: true, draftNoticeClauseIds: [...new Set([period, notFinal].filter((id): id is string => id !== undefined))] };
}
