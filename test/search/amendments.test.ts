import { describe, expect, it } from 'vitest';
import { answerExtractive } from '../../src/answer/answer.js';
import { parsePolicy } from '../../src/corpus/policy.js';
import { amendedArticle, amendedTitle, findAmendments } from '../../src/search/amendments.js';
import { EVAL_DATE } from '../helpers.js';
import { engineWithFixtures } from '../support/corpora.js';

const RULES = parsePolicy('wuxi-2024', `无锡市专精特新企业培育奖励办法

第一条 对首次认定的国家级专精特新“小巨人”企业，给予一次性奖励50万元。

第二条 对首次认定的省级专精特新中小企业，给予一次性奖励10万元。

第三条 本办法自2024年4月1日起施行，有效期至2027年3月31日。
`);

const DECISION = parsePolicy('wuxi-2024-amend', `无锡市工业和信息化局关于修改《无锡市专精特新企业培育奖励办法》的决定

一、将第一条中的“给予一次性奖励50万元”修改为“给予一次性奖励60万元”。

二、增加一条，作为第二条之一：“对复核通过的国家级专精特新“小巨人”企业，再给予奖励20万元。”

三、删去第二条。

本决定自2025年1月1日起施行。

修改前后对照表
条款\t修改前\t修改后
第一条\t50万元\t60万元
`);

describe('what an amending decision changes', () => {
  it('names the policy it amends, and each article an item or a table row rewords', () => {
    expect(amendedTitle(DECISION)).toBe('无锡市专精特新企业培育奖励办法');
    expect(amendedTitle(RULES)).toBeNull();
    expect(DECISION.clauses.map((c) => amendedArticle(c))).toEqual(['第一条', null, '第二条', null, '第一条']);
  });

  it('resolves the amended policy by its title, and ignores a decision on a policy not on file', () => {
    const amendments = findAmendments([RULES, DECISION]);
    expect(amendments.map((a) => [a.target.label, a.tableRow])).toEqual([['第一条', false], ['第二条', false], ['第一条', true]]);
    expect(amendments.every((a) => a.target.policyId === 'wuxi-2024')).toBe(true);
    expect(findAmendments([DECISION])).toEqual([]);
  });
});

/** Set #8 holds 石嘴山's rules (in force) and a decision raising their amounts from 2027-01-01. */
const engine = engineWithFixtures(['blind8']);

describe('an answer about an amended rule', () => {
  it('cites the rule in force and the decision item that rewords it, with the day the new wording starts', () => {
    const answer = answerExtractive({ question: '石嘴山的技改补助听说改了，现在按几个点？新标准从啥时候开始？', region: null, asOf: EVAL_DATE }, engine);
    const cited = answer.citations.map((c) => `${c.policyId.slice(0, 3)} ${c.clause}`);
    expect(cited).toContain('023 第五条');
    expect(cited.some((c) => c.startsWith('024 二'))).toBe(true);
    expect(answer.citations.some((c) => c.policyId.startsWith('024') && c.text.includes('本决定自2027年1月1日起施行'))).toBe(true);
    // The comparison table's row restates the item: it is not cited beside it.
    expect(cited.some((c) => c.startsWith('024 附表'))).toBe(false);
    expect(answer.answer).toContain('8%');
    expect(answer.answer).toContain('450万元');
  });

  it('cites the new wording of the article asked about, not another one', () => {
    const answer = answerExtractive({ question: '石嘴山评上国家级绿色工厂奖多少？', region: null, asOf: EVAL_DATE }, engine);
    const cited = answer.citations.map((c) => `${c.policyId.slice(0, 3)} ${c.clause}`);
    expect(cited.slice(0, 2)).toEqual(['023 第八条', expect.stringMatching(/^024 三/)]);
    expect(answer.answer).toContain('150万元');
  });

  it('cites the rule that applies until a decision starts with the decision item asked about', () => {
    const answer = answerExtractive({ question: 'Shizuishan: what is the annual cap on total subsidies one company can receive, and what will it be after the amendment?', region: null, asOf: EVAL_DATE }, engine);
    const texts = answer.citations.map((c) => c.text);
    expect(texts.some((t) => t.includes('总额不超过800万元'))).toBe(true);
    expect(texts.some((t) => t.includes('总额不超过1000万元'))).toBe(true);
  });

  it('asked when a decision starts and how long the amended policy runs, cites both windows and the item extending it', () => {
    const answer = answerExtractive({ question: '石嘴山修改奖补办法的那个决定啥时候生效？办法有效期延到哪年？', region: null, asOf: EVAL_DATE }, engine);
    const texts = answer.citations.map((c) => c.text);
    expect(texts.some((t) => t.includes('本决定自2027年1月1日起施行'))).toBe(true);
    expect(texts.some((t) => t.includes('有效期至2027年12月31日') && t.startsWith('第二十条'))).toBe(true);
    expect(texts.some((t) => t.includes('修改为“有效期至2029年12月31日”'))).toBe(true);
  });
});
