import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../src/corpus/policy.js';
import { amountsIn } from '../../src/text/figures.js';
import { foldRecognitionNoise } from '../../src/text/ocr.js';

describe("a scan's misread figures", () => {
  it('reads zero look-alikes inside numbers, and 兀 and 曰 after them, as meant, one character for one', () => {
    expect(foldRecognitionNoise('投资额1OO万元以上，按5O%补助，最高3O兀')).toBe('投资额100万元以上，按50%补助，最高30元');
    expect(foldRecognitionNoise('自2〇23年1月1日起施行，有效期至2025年12月31曰')).toBe('自2023年1月1日起施行，有效期至2025年12月31日');
  });

  it('leaves letters and Chinese numerals that are not inside a number alone', () => {
    expect(foldRecognitionNoise('DCMM、二〇二三年、曰常')).toBe('DCMM、二〇二三年、曰常');
    expect(foldRecognitionNoise('通过ISO认证的企业')).toBe('通过ISO认证的企业');
  });

  it('lists the sums of a scanned clause as meant, and reads its validity', () => {
    expect(amountsIn('按实际缴纳保费的5O%给予补贴，每家企业每年最高3O万元')).toEqual(['50%', '30万元']);
    const policy = parsePolicy('scan', '某市若干措施\n\n一、对企业给予补助。\n\n本措施自2〇23年1月1日起施行，有效期至2025年12月31曰。');
    expect([policy.validFrom, policy.validTo]).toEqual(['2023-01-01', '2025-12-31']);
  });

  it("drops a scan's page numbers whose dashes were read as 一, joining the sentence they cut", () => {
    const policy = parsePolicy('scan', '某市若干措施\n\n（五）对首次认定的国家级专精特新企业、甘\n\n一 2 一\n\n肃省专精特新中小企业分别给予奖励。');
    expect(policy.clauses.map((c) => c.text)).toContain('（五）对首次认定的国家级专精特新企业、甘肃省专精特新中小企业分别给予奖励。');
  });
});
