import { describe, expect, it } from 'vitest';
import { answerExtractive } from '../../src/answer/answer.js';
import { spentIn, withoutSpentFigures } from '../../src/search/spending.js';
import { EVAL_DATE } from '../helpers.js';
import { engineWithFixtures } from '../support/corpora.js';

const engine = engineWithFixtures(['blind', 'blind6']);
const answer = (question: string): string => answerExtractive({ question, region: null, asOf: EVAL_DATE }, engine).answer;

describe('an estimate from the asker’s own spending', () => {
  it('reads what was spent, with its unit', () => {
    expect(spentIn('今年上了一批数控设备投了800万，政府能补多少')).toBe(800);
    expect(spentIn('设备花了1200万元')).toBe(1200);
    expect(spentIn('投入600多万')).toBe(600);
    expect(spentIn('总投资1.5亿的项目')).toBe(15000);
    expect(spentIn('设备款投入1500000元')).toBe(150);
    // A count is not money; nor is a figure without a unit of money.
    expect(spentIn('买了三台数控机床')).toBeNull();
    expect(spentIn('投了800，能补多少')).toBeNull();
    expect(spentIn('要是设备投到1200万呢')).toBe(1200);
  });

  it('takes the figure spent out of the words a clause must hold, and a spoken verb with it', () => {
    expect(withoutSpentFigures('设备投了3000万，能补多少')).toBe('设备 ，能补多少');
    expect(withoutSpentFigures('设备投资1200万元的项目')).toBe('设备投资 的项目');
    expect(withoutSpentFigures('买了三台数控机床')).toBe('买了三台数控机床');
  });

  it('applies the cited share and cap, citing the clause', () => {
    const text = answer('我们在南康开实木家具厂的，今年上了一批数控设备投了800万，政府能补多少啊，有没有封顶');
    expect(text).toContain('800万元×12%=96万元，未超过最高300万元，约96万元 [1]');
  });

  it('picks the tier whose range of spending holds the asker’s (6% from 100万 to 300万)', () => {
    expect(answer('诸暨开袜子厂的，厂子小还没上规模，今年买设备花了150万，能补多少？')).toContain('150万元×6%=9万元，未超过最高15万元，约9万元');
  });

  it('caps, and says when the spending is below what the clause requires', () => {
    expect(answer('我们在汇川区做技术改造，设备投入3000万元，能拿多少补助？')).toContain('3000万元×8%=240万元，超过最高150万元，按150万元计');
    expect(answer('我们在汇川区做技术改造，设备投入300万元，能拿多少补助？')).toContain('按所述投入300万元，未达到条款要求的500万元以上');
  });

  it('says nothing of the kind when the question states no spending', () => {
    expect(answer('南康智能化改造补贴多少？')).not.toContain('估算');
  });
});
