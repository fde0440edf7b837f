import { describe, expect, it } from 'vitest';
import { policyStatus } from '../../src/corpus/dates.js';
import { parsePolicyFiles } from '../../src/corpus/load.js';
import { responsibleOf, withoutResponsibilityNotes } from '../../src/corpus/responsible.js';
import { abolitionsIn, numberKey } from '../../src/corpus/supersession.js';
import type { Clause } from '../../src/corpus/types.js';

const clause = (text: string): Clause => ({ id: 'x#1', policyId: 'x', label: '第九条', kind: 'numbered', sectionPath: [], text, responsible: null });

describe('abolition statements', () => {
  it.each([
    ['本办法自2024年7月1日起施行。《甲市乙类企业奖励办法》（甲政发〔2020〕5号）同时废止。', [{ title: '甲市乙类企业奖励办法', docNumber: '甲政发〔2020〕5号' }]],
    ['原《甲市乙类企业奖励办法》（甲政发〔2020〕5号）废止。', [{ title: '甲市乙类企业奖励办法', docNumber: '甲政发〔2020〕5号' }]],
    ['《甲市乙类企业奖励办法》和《甲市丙细则》停止执行。', [{ title: '甲市乙类企业奖励办法', docNumber: null }, { title: '甲市丙细则', docNumber: null }]],
    ['此前印发的《甲市乙类企业奖励办法》不再执行。', [{ title: '甲市乙类企业奖励办法', docNumber: null }]],
    ['甲政发〔2020〕5号文件同时废止。', [{ title: null, docNumber: '甲政发〔2020〕5号' }]],
    ['原《甲市乙类企业奖励办法》（甲政發〔2020〕5號）同時廢止。', [{ title: '甲市乙类企业奖励办法', docNumber: '甲政发〔2020〕5号' }]],
  ])('%s', (text, refs) => {
    expect(abolitionsIn(clause(text))).toEqual(refs);
  });

  it.each([
    '《甲市乙类企业奖励办法》（甲政发〔2020〕5号）中关于奖励标准的规定同时废止。',
    '《甲市乙类企业奖励办法》第五条废止。',
    '本办法有效期至2026年12月31日，到期自动废止。',
    '根据《甲市乙类企业奖励办法》有关规定，给予补助。',
  ])('leaves a document in force when only part of it, or nothing named, goes: %s', (text) => {
    expect(abolitionsIn(clause(text))).toEqual([]);
  });

  it('treats the bracket and digit forms of a document number as one', () => {
    expect(numberKey('甲政发〔2020〕5号')).toBe(numberKey('甲政發[2020]第５號'));
  });
});

const OLD = '甲政发〔2020〕5号\n\n甲市乙类企业奖励办法\n\n第一条 对企业给予奖励10万元。\n\n第二条 本办法自2020年3月1日起施行，有效期至2025年12月31日。\n\n甲市人民政府\n2020年2月1日\n';
const NEW = (ref: string) => `甲市丙办法\n\n第一条 对企业给予奖励20万元。\n\n第二条 本办法自2024年7月1日起施行，有效期五年。${ref}同时废止。\n\n甲市人民政府\n2024年6月1日\n`;

describe('linking abolished policies', () => {
  it('finds the abolished policy by number, marks it from the abolishing document\'s start, citing its clause', () => {
    const [newer, older] = parsePolicyFiles([{ name: 'a-new.md', text: NEW('原《另一个标题》（甲政发〔2020〕5号）') }, { name: 'b-old.md', text: OLD }]);
    expect(older).toMatchObject({ abolishedBy: 'a-new', abolishedOn: '2024-07-01', abolishedByClauseId: newer?.clauses.find((c) => c.label === '第二条')?.id });
    expect(policyStatus(older!, '2024-06-30')).toBe('in-force');
    expect(policyStatus(older!, '2024-07-01')).toBe('abolished');
    expect(newer?.abolishedBy).toBeNull();
  });

  it('falls back to the title when no number matches, and ignores a document not on file', () => {
    const [, older] = parsePolicyFiles([{ name: 'a-new.md', text: NEW('《甲市乙类企业奖励办法》和《不在库中的办法》') }, { name: 'b-old.md', text: OLD }]);
    expect(older?.abolishedBy).toBe('a-new');
  });

  it('does not mark a policy when the abolishing document states no date, and says so', () => {
    const undated = NEW('《甲市乙类企业奖励办法》').replace('本办法自2024年7月1日起施行，有效期五年。', '').replace('2024年6月1日', '');
    const [newer, older] = parsePolicyFiles([{ name: 'a-new.md', text: undated }, { name: 'b-old.md', text: OLD }]);
    expect(older?.abolishedBy).toBeNull();
    expect(newer?.warnings).toEqual(['abolishes b-old, but states no date it takes effect; not marked']);
  });
});

describe('responsibility notes', () => {
  it.each([
    ['给予奖励。（责任单位：市经信局）', '市经信局'],
    ['给予奖励。(责任部门:区科委、区经委)', '区科委、区经委'],
    ['给予奖励。【牵头单位：区发改委；配合单位：区财政局】', '区发改委；配合单位：区财政局'],
    ['给予奖励。〔责任单位：区经信局〕', '区经信局'],
    ['給予獎勵。（責任單位：市經信局）', '市經信局'],
    ['【責任部門:區數據局、相關街鎮(經開區);時間:2025年】', '區數據局、相關街鎮(經開區)'],
    ['给予奖励。\n责任单位：市经信局、市财政局', '市经信局、市财政局'],
    ['（一）给予奖励。（责任单位：甲局）\n（二）给予补贴。（责任单位：乙局）', '甲局、乙局'],
    ['对责任单位给予通报。', null],
  ])('%s → %s', (text, expected) => {
    expect(responsibleOf(text)).toBe(expected);
  });

  it('leaves the rule itself when the notes are taken out, amounts as written', () => {
    expect(withoutResponsibilityNotes('给予一次性奖励30萬元、５万元或500千元。（責任單位：區工信局）')).toBe('给予一次性奖励30萬元、５万元或500千元。');
  });
});
