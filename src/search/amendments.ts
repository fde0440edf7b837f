import { titleKey } from '../corpus/supersession.js';
import type { Clause, Policy } from '../corpus/types.js';
import { QUOTED_WORDING } from '../corpus/validity.js';
import { toSimplified } from '../text/script.js';

/**
 * What a decision amending another policy changes, article by article: 关于修改《X》部分条款的决定
 * amends X; its item 将第五条第一款修改为“…” gives the new wording of X's 第五条, and a row of its
 * 修改前后对照表 labelled 第五条 restates it. Read so that a clause of X is cited with the wording
 * that replaces it (or will, from the decision's start), and the decision with the rule it changes.
 */

/** An article of the amended policy (第五条, 第十四条), not one added after it (第十四条之一). */
const ARTICLE = String.raw`(第[一二三四五六七八九十百零〇\d]+条)(?!\s*之)`;
/** The genre's titles: 关于修改《…》的决定, 关于修改《…》部分条款的决定, 修订《…》的决定. */
const AMENDING_TITLE = /(?:关于)?(?:修改|修订|修正)《([^》]+)》[^《》]{0,12}的决定/;
/**
 * An item of the decision, its quoted wording set aside: 将（《办法》）第五条（第一款中的）修改为, 删去第八条.
 * An added article (增加一条，作为第十四条之一) changes none.
 */
const AMENDING_ITEM = new RegExp(String.raw`${ARTICLE}[^。；;]{0,8}?(?:修改为|修订为|调整为|删去|删除|废止)|(?:删去|删除)(?:《[^》]+》)?${ARTICLE}`);
/** A row of the comparison table is labelled by the article it compares: 第五条 第二款. */
const ARTICLE_LABEL = new RegExp(ARTICLE);

/** The title of the policy a decision amends, as its own title names it; null for any other document. */
export function amendedTitle(policy: Policy): string | null {
  return AMENDING_TITLE.exec(toSimplified(policy.title))?.[1] ?? null;
}

/** The article of the amended policy a clause of the decision changes, or null (its preamble, an added article). */
export function amendedArticle(clause: Clause): string | null {
  if (clause.kind === 'table-row') return ARTICLE_LABEL.exec(clause.label)?.[1] ?? null;
  const item = AMENDING_ITEM.exec(toSimplified(clause.text).replace(QUOTED_WORDING, ''));
  return item?.[1] ?? item?.[2] ?? null;
}

export interface Amendment {
  /** The amended policy's clause… */
  target: { policyId: string; label: string };
  /** …and the decision's clause that rewords it. */
  clauseId: string;
  /** A comparison-table row restates an item; it stands in only when no item names the article. */
  tableRow: boolean;
}

/** Every article a corpus's amending decisions change, resolved to the amended policy by its title. */
export function findAmendments(policies: Iterable<Policy>): Amendment[] {
  const list = [...policies];
  const byTitle = new Map(list.map((p) => [titleKey(p.title), p]));
  const out: Amendment[] = [];
  for (const decision of list) {
    const title = amendedTitle(decision);
    const amended = title === null ? undefined : byTitle.get(titleKey(title));
    if (!amended || amended === decision) continue;
    for (const clause of decision.clauses) {
      const label = amendedArticle(clause);
      if (label !== null) out.push({ target: { policyId: amended.id, label }, clauseId: clause.id, tableRow: clause.kind === 'table-row' });
    }
  }
  return out;
}
