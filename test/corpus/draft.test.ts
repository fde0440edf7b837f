import { describe, expect, it } from 'vitest';
import { answerExtractive } from '../../src/answer/answer.js';
import { parsePolicy } from '../../src/corpus/policy.js';
import { EVAL_DATE } from '../helpers.js';
import { engineWithFixtures } from '../support/corpora.js';

const DRAFT = [
  '某县工业和信息化局关于公开征求《某县工业企业技术改造奖补办法（征求意见稿）》意见的公告',
  '现向社会公开征求意见。有关单位和个人可于2026年11月12日至2026年12月11日，通过电子邮箱提出意见建议。',
  '征求意见稿内容不代表最终政策，正式施行的条款以正式印发的文件为准。',
  '第一条 对技术改造项目按设备投资额的7%给予补助。',
  '第二条 本办法自2027年1月1日起施行，有效期至2029年12月31日。',
].join('\n\n');

describe('a draft published for comment', () => {
  it('is a draft, with the clauses that give the comment period and say it binds no one yet', () => {
    const policy = parsePolicy('draft', DRAFT);
    expect(policy.draft).toBe(true);
    expect(policy.draftNoticeClauseIds.map((id) => policy.clauses.find((c) => c.id === id)?.text.slice(0, 8))).toEqual(['现向社会公开征求', '征求意见稿内容不']);
    // The dates it would have if issued are still read, as dates the draft states.
    expect([policy.validFrom, policy.validTo]).toEqual(['2027-01-01', '2029-12-31']);
  });

  it('is not a draft when a policy merely mentions comments', () => {
    const policy = parsePolicy('final', ['某县工业企业技术改造奖补办法', '第一条 制定过程中广泛征求了意见。', '第二条 本办法自2026年1月1日起施行。'].join('\n\n'));
    expect(policy.draft).toBe(false);
    expect(policy.draftNoticeClauseIds).toEqual([]);
  });

  it('is answered as a draft not in force, whatever its dates, citing its notice', () => {
    const engine = engineWithFixtures(['blind9']);
    const answer = answerExtractive({ question: '石河子技改补助办法现在能申请吗？', region: null, asOf: EVAL_DATE }, engine);
    expect(answer.answer).toContain('征求意见稿，尚未印发施行');
    expect(answer.answer).not.toContain('目前可申请');
    expect(answer.citations.some((c) => c.text.includes('征求意见稿内容不代表最终政策'))).toBe(true);
  });
});
