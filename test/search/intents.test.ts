import { describe, expect, it } from 'vitest';
import { readIntents } from '../../src/search/intents.js';

const intents = (text: string): string[] => [...readIntents(text).intents].sort();

describe('what a question asks for', () => {
  it('reads "what kind of enterprise" as asking who is eligible', () => {
    expect(intents('西咸新区什么样的企业能享受一企一策')).toContain('eligibility');
    expect(intents('哪些企业可以申请技改补贴')).toContain('eligibility');
    expect(intents('what kind of company can apply for the subsidy')).toContain('eligibility');
    // Asking how much is not asking who.
    expect(intents('技改补贴最高多少')).not.toContain('eligibility');
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
