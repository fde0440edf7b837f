import { describe, expect, it } from 'vitest';
import { readIntents, standingAsked } from '../../src/search/intents.js';

const intents = (text: string): string[] => [...readIntents(text).intents].sort();

describe('what a question asks for', () => {
  it('reads "what kind of enterprise" as asking who is eligible', () => {
    expect(intents('西咸新区什么样的企业能享受一企一策')).toContain('eligibility');
    expect(intents('哪些企业可以申请技改补贴')).toContain('eligibility');
    expect(intents('what kind of company can apply for the subsidy')).toContain('eligibility');
    // What one may not do after (限制) is a condition too.
    expect(intents('拿了奖补的企业，以后搬走有什么限制？')).toContain('eligibility');
    // Asking how much is not asking who.
    expect(intents('技改补贴最高多少')).not.toContain('eligibility');
  });

  it('reads a question about the measures one policy lists, not about which projects qualify', () => {
    expect(intents('南康那份家具产业措施里，一共有哪些支持项目？')).toContain('measures');
    expect(intents('这份措施具体有哪几项？')).toContain('measures');
    expect(intents('这批专项资金支持方向有哪几类？')).toContain('measures');
    expect(intents('which measures does the nankang policy contain?')).toContain('measures');
    expect(intents('哪些项目可以申请技改补贴？')).not.toContain('measures');
    expect(intents('需要满足哪几项条件才能申请？')).not.toContain('measures');
  });

  it('reads how long and how often as asking about the procedure, and a comparison never across a sentence', () => {
    expect(intents('拿到文件后要在多长时间内申请？找哪个部门，多久审一次？')).toContain('procedure');
    expect(intents('找哪个部门，多久审一次？')).not.toContain('comparison');
    expect(intents('哪个区奖得多？')).toContain('comparison');
  });

  it('reads asking what state a policy is in as asking about its validity', () => {
    expect(intents('这几份文件分别啥状态？')).toContain('validity');
    expect(intents('这个政策的时效性怎么样')).toContain('validity');
    expect(intents('设备运行状态监测有补贴吗')).not.toContain('validity');
  });

  it('reads the spoken 啥 as 什么', () => {
    expect(intents('新标准从啥时候开始？')).toContain('validity');
    expect(intents('啥样的企业可以报')).toContain('eligibility');
  });

  it('reads 几个点 as asking for a share', () => {
    expect(intents('技改按几个点补？')).toContain('amount');
    expect(intents('贴息是几个百分点')).toContain('amount');
  });

  it('reads a list asked for by a standing out of the ordinary', () => {
    expect(standingAsked('哪些政策还没开始施行')).toBe('not-yet-in-force');
    expect(standingAsked('哪些文件已经过期了')).toBe('expired');
    expect(standingAsked('which policies are not yet in force?')).toBe('not-yet-in-force');
    // About to expire is still in force; and which are in force needs every policy's standing.
    expect(standingAsked('有没有哪个政策半年内就要到期的？')).toBeNull();
    expect(standingAsked('现在还在有效期内的政策有哪几个？')).toBeNull();
  });

  it('reads whether one must apply at all', () => {
    expect(intents('首台套奖励也要申请吗？')).toContain('exemption');
    expect(intents('还要自己准备材料去报吗')).toContain('exemption');
    expect(intents('哪些奖励不用申报？')).toContain('exemption');
    expect(intents('技改补贴怎么申请？')).not.toContain('exemption');
    expect(intents('要不要自己去申报')).toContain('exemption');
    expect(intents('拿到文件后要在多长时间内申请？')).not.toContain('exemption');
  });

  it('reads how the money is paid out', () => {
    expect(intents('钱是一次给完吗？')).toContain('disbursement');
    expect(intents('补贴分几次拨付？')).toContain('disbursement');
    expect(intents('奖励什么时候到账')).toContain('disbursement');
    expect(intents('一次性奖励多少？')).not.toContain('disbursement');
  });

  it('reads a pointer at a table of the policy, not words that merely contain 表', () => {
    expect(intents('按柳州的配套表市里和县里各给多少？')).toContain('table');
    expect(intents('那张奖励标准表里数字化车间给多少')).toContain('table');
    expect(intents('附表里两化融合那行是多少')).toContain('table');
    expect(intents('人大代表企业有没有奖励')).not.toContain('table');
    expect(intents('发表论文有补贴吗')).not.toContain('table');
  });

  it('reads a list asked with a modifier between 有哪些 and 政策, but not across a sentence', () => {
    expect(intents('长沙经开区有哪些支持企业数字化转型的政策')).toContain('catalogue');
    expect(intents('萧山区现在有哪些制造业扶持政策')).toContain('catalogue');
    expect(intents('太仓的政策现在还有效吗')).not.toContain('catalogue');
    expect(intents('有补贴吗？这个政策还有效吗')).not.toContain('catalogue');
  });

  it('reads the colloquial ways of asking for money as asking how much', () => {
    expect(intents('去年进规上了，能拿几个钱')).toContain('amount');
    expect(intents('搞技改政府给钱吗')).toContain('amount');
  });
});
