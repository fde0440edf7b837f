import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalise, renderNormalised } from '../../src/corpus/normalise.js';
import { parsePolicy } from '../../src/corpus/policy.js';

/** A 政务服务 办事指南 as a portal shows it: a menu bar, a row of buttons, a form of fields, an office address. */
const raw = readFileSync(new URL('../fixtures/ingest/pages/service-guide.txt', import.meta.url), 'utf8');
const normalised = normalise(raw);
const policy = parsePolicy('service-guide', renderNormalised(normalised));

describe('a service guide copied from a government-service portal', () => {
  it('takes its title from the heading, not the menu bar or the row of buttons', () => {
    expect(policy.title).toBe('中小企业上云用云奖补资金申领办事指南');
    expect(normalised.paragraphs.some((p) => p.includes('好差评') || p.includes('【打印】'))).toBe(false);
  });

  it('keeps each field of its form a paragraph of its own, so that a field can be cited', () => {
    expect(normalised.paragraphs).toContain('承诺办结时限：20个工作日（不含专家评审时间）');
    expect(normalised.paragraphs).toContain('是否收费：否');
  });

  it('is about the city it serves, not the district its office stands in', () => {
    expect(policy.region).toBe('晋城市');
  });
});
