import { formatChineseDate } from '../corpus/dates.js';
import type { IsoDate, Policy, ValidityStatus } from '../corpus/types.js';
import { englishRegionName } from '../regions/english-name.js';
import { tenThousands as w, type Estimate } from './estimate.js';

/** Every phrase the extractive answer uses, in the question's language. */

export type Language = 'zh' | 'en';

export interface Labels {
  date(d: IsoDate): string;
  amounts: string;
  responsible: string;
  status: string;
  expiredHeading: string;
  listSeparator: string;
  /** Between a field's name and its value. */
  fieldSeparator: string;
  availableNow(asOf: string, items: string): string;
  asOfList(asOf: string, items: string): string;
  noneInForce(asOf: string, items: string): string;
  badge(status: string): string;
  policyCount(total: number, inForce: number): string;
  /** More policies answer than are set out: how many, and how to narrow the question. */
  morePolicies(count: number): string;
  missingTopic(region: string, topic: string): string;
  noPoliciesFor(region: string): string;
  noBasis(where: string, topic: string): string;
  relatedHeading: string;
  catalogue(scope: string, total: number, inForce: number, asOf: string): string;
  /** The measures one policy lists: how many are set out, how many more it has, and its standing. */
  measures(title: string, shown: number, omitted: number, standing: string): string;
  condition(text: string): string;
  /** What the asker's own spending would give under the cited share and cap. */
  estimate(e: Estimate): string;
  statusBadge(status: ValidityStatus): string;
  validity(policy: Policy, status: ValidityStatus, asOf: IsoDate): string;
  /** A region's name as the answer writes it. */
  region(name: string): string;
}

const ZH: Labels = {
  date: formatChineseDate,
  region: (name) => name,
  amounts: '金额/比例',
  responsible: '责任部门',
  status: '状态',
  expiredHeading: '### 已失效，仅供参考',
  listSeparator: '；',
  fieldSeparator: '：',
  availableNow: (asOf, items) => `截至${asOf}，目前可申请：${items}。`,
  asOfList: (asOf, items) => `截至${asOf}：${items}。`,
  noneInForce: (asOf, items) => `截至${asOf}，涉及此事项的政策都不在有效期内，仅供参考：${items}。`,
  badge: (status) => `（${status}）`,
  policyCount: (total, inForce) => `共有${total}份政策涉及此事项，其中${inForce}份在有效期内。`,
  morePolicies: (count) => `另有${count}份政策也涉及此事项，未逐一列出；说明所在地区可缩小范围。`,
  missingTopic: (region, topic) => `${region}的政策文件中没有${topic ? `关于“${topic}”的` : '相关'}条款。`,
  noPoliciesFor: (region) => `暂无${region}的政策文件。`,
  noBasis: (where, topic) =>
    `在${where ? `${where}的` : '现有的'}政策文件中没有找到${topic ? `关于“${topic}”的条款，` : '能回答这个问题的条款，'}无法给出有依据的答复。`,
  relatedHeading: '其他地区或文件的相关条款（仅供参考）：',
  catalogue: (scope, total, inForce, asOf) => `${scope}共有${total}份政策，截至${asOf}其中${inForce}份在有效期内：`,
  measures: (title, shown, omitted, standing) => `《${title}》（${standing}）列有以下${shown}项支持${omitted > 0 ? `（另有${omitted}项未列出）` : ''}：`,
  condition: (text) => `（条件：${text}）`,
  estimate: (e) =>
    e.unmetThreshold !== null
      ? `按所述投入${w(e.spent)}万元，未达到条款要求的${w(e.unmetThreshold)}万元以上 [${e.n}]。`
      : `按所述投入${w(e.spent)}万元估算：${w(e.spent)}万元×${w(e.share)}%=${w(e.raw)}万元` +
        (e.cap === null ? '' : e.raw > e.cap ? `，超过最高${w(e.cap)}万元，按${w(e.cap)}万元计` : `，未超过最高${w(e.cap)}万元`) +
        `，约${w(e.result)}万元 [${e.n}]（以核定金额为准）。`,
  statusBadge: (status) => ({ 'in-force': '有效', expired: '已失效', abolished: '已废止', 'not-yet-in-force': '尚未施行', unknown: '有效期未载明' })[status] ?? '',
  validity: (policy, status, asOf) => {
    const d = formatChineseDate;
    switch (status) {
      case 'in-force':
        return `截至${d(asOf)}在有效期内（${policy.validFrom ? `${d(policy.validFrom)}起，` : ''}至${d(policy.validTo ?? '')}）`;
      case 'expired':
        return `已于${d(policy.validTo ?? '')}失效`;
      case 'not-yet-in-force':
        if (policy.draft) return `征求意见稿，尚未印发施行${policy.validFrom ? `（稿中拟自${d(policy.validFrom)}起施行）` : ''}`;
        return `尚未施行，将于${d(policy.validFrom ?? '')}起施行`;
      case 'abolished':
        return `已于${d(policy.abolishedOn ?? '')}废止`;
      default:
        return '文件未载明有效期';
    }
  },
};

const EN: Labels = {
  date: (d) => d,
  region: englishRegionName,
  amounts: 'Amounts',
  responsible: 'Responsible',
  status: 'Status',
  expiredHeading: '### No longer in force (for reference)',
  listSeparator: '; ',
  fieldSeparator: ': ',
  availableNow: (asOf, items) => `As of ${asOf}, available now: ${items}.`,
  asOfList: (asOf, items) => `As of ${asOf}: ${items}.`,
  noneInForce: (asOf, items) => `As of ${asOf}, none of the policies on this is in force; for reference only: ${items}.`,
  badge: (status) => ` (${status})`,
  policyCount: (total, inForce) => `${total} policies have clauses on this; ${inForce} of them in force.`,
  morePolicies: (count) => `${count} more policies have clauses on this and are not listed; name your region to narrow the answer.`,
  missingTopic: (region, topic) => `No clause of ${region} covers ${topic ? `“${topic}”` : 'this'}.`,
  noPoliciesFor: (region) => `There are no policies of ${region} on file.`,
  noBasis: (where, topic) =>
    `No clause in the policies on file${where ? ` for ${where}` : ''} answers this question${topic ? ` about “${topic}”` : ''}, so there is no basis for an answer.`,
  relatedHeading: 'Related clauses elsewhere, for reference only:',
  catalogue: (scope, total, inForce, asOf) => `${scope ? `${scope}: ` : ''}${total} policies on file, ${inForce} of them in force as of ${asOf}:`,
  measures: (title, shown, omitted, standing) => `“${title}” (${standing}) lists these ${shown} measures${omitted > 0 ? ` (and ${omitted} more not shown)` : ''}:`,
  condition: (text) => ` (condition: ${text})`,
  estimate: (e) =>
    e.unmetThreshold !== null
      ? `The ${w(e.spent)}万元 you mention is below the ${w(e.unmetThreshold)}万元 the clause requires [${e.n}]. `
      : `Estimate from the ${w(e.spent)}万元 you mention: ${w(e.spent)}万元 × ${w(e.share)}% = ${w(e.raw)}万元` +
        (e.cap === null ? '' : e.raw > e.cap ? `, above the cap of ${w(e.cap)}万元, so ${w(e.cap)}万元` : `, within the cap of ${w(e.cap)}万元`) +
        `: about ${w(e.result)}万元 [${e.n}], subject to the approved figure. `,
  statusBadge: (status) => ({ 'in-force': 'in force', expired: 'expired', abolished: 'abolished', 'not-yet-in-force': 'not yet in force', unknown: 'validity not stated' })[status] ?? '',
  validity: (policy, status, asOf) => {
    switch (status) {
      case 'in-force':
        return `in force as of ${asOf} (valid ${policy.validFrom ? `from ${policy.validFrom} ` : ''}until ${policy.validTo ?? ''})`;
      case 'expired':
        return `expired on ${policy.validTo ?? ''}`;
      case 'not-yet-in-force':
        if (policy.draft) return `a draft for public comment, not in force${policy.validFrom ? ` (as drafted, it would take effect on ${policy.validFrom})` : ''}`;
        return `not yet in force: takes effect on ${policy.validFrom ?? ''}`;
      case 'abolished':
        return `abolished on ${policy.abolishedOn ?? ''}`;
      default:
        return 'validity not stated in the text';
    }
  },
};

export function labelsFor(language: Language): Labels {
  return language === 'en' ? EN : ZH;
}
