import { describe, expect, it } from 'vitest';
import { sharedEngine } from '../helpers.js';

const engine = sharedEngine();
const concepts = (question: string): string[] => engine.retriever.analyse(question).concepts.map((c) => c.text);

describe('what the asker says they are not', () => {
  it('is not what the question is about (还没进规上, 不是专精特新)', () => {
    expect(concepts('我们还没进规上，上云有补贴吗？')).not.toContain('规上');
    expect(concepts('我们不是专精特新企业，技改能补多少？')).not.toContain('专精特新');
  });

  it('a yes-no form asks about the word (有没有贴息, 是不是专精特新)', () => {
    expect(concepts('浦东智能化改造项目贷款有没有贴息？')).toContain('贴息');
    expect(concepts('是不是专精特新企业才能申请？')).toContain('专精特新');
    // Said once negated and once not, it stays.
    expect(concepts('没上云的企业，上云有补贴吗？')).toContain('上云');
  });
});
