import type { Clause, Policy } from '../corpus/types.js';
import { grantsAmountIn, HAN_AMOUNT } from './grants.js';

/**
 * A clause as the index keeps it: its term vector, and what can be read from its text once, when it
 * is indexed, instead of at every question (whether it states or grants an amount, names a
 * department, counts in a unit, states the policy's purpose).
 */

export interface IndexedClause {
  clause: Clause;
  policy: Policy;
  /** Sorted term ids and their counts. */
  termIds: Uint32Array;
  counts: Uint16Array;
  length: number;
  /** The clause states an amount (万元, %): boosted for "how much" questions. */
  statesAmount: boolean;
  /** The clause names a responsible or interpreting department. */
  namesDepartment: boolean;
  /** The units the clause counts in (家个), simplified. */
  countUnits: string;
  /** The clause states the policy's purpose (为…，制定本细则): it grants nothing and sets no condition. */
  statesPurpose: boolean;
  /** The clause grants an amount (给予…20万元), rather than stating a target or a count. */
  grantsAmount: boolean;
}

/** An amount of money or a share: what "how much" questions want. */
const AMOUNT = /[\d０-９]+([.．][\d０-９]+)?\s*(万|萬|亿|億|千元|元|%|％)/;
/** A table's column heading or caption that gives the unit of its numbers: 奖励金额（万元）, 单位：万元. */
const UNIT_HEADING = /[（(]\s*(万元|萬元|元|亿元|億元|%|％)\s*[)）]|(?:单位|單位)\s*[:：]\s*(万元|萬元|元|亿元|億元)/;
/** Counts (20家, 15个) and table rows counting in a unit (…数量(家) | 275): for "how many" questions. */
const COUNT = /(?:[\d０-９]+\s*|[(（])(家|个|個|项|項|台|人|次|件|所)/g;
const DEPARTMENT = /负责解释|责任部门|負責解釋|責任部門/;
/** The drafting convention of a purpose clause: 为…，(特|现)制定本办法 / 结合…实际，制定如下政策. */
const PURPOSE = /^(?:第[一二三四五六七八九十\d]+条\s*)?(?:为|為)[^。]{4,}?(?:特|现|現)?制定(?:本|如下)/;

/** `matchable`: the clause with its heading, in simplified script (grants are read from it). */
export function entryFor(clause: Clause, policy: Policy, termIds: Uint32Array, counts: Uint16Array, length: number, matchable: string): IndexedClause {
  return {
    clause,
    policy,
    termIds,
    counts,
    length,
    statesAmount: AMOUNT.test(clause.text) || HAN_AMOUNT.test(clause.text) || (clause.kind === 'table-row' && UNIT_HEADING.test(clause.context ?? '') && /\d/.test(clause.text)),
    namesDepartment: clause.responsible !== null || DEPARTMENT.test(clause.text),
    statesPurpose: PURPOSE.test(clause.text.trim()),
    grantsAmount: grantsAmountIn(matchable, clause.kind === 'table-row'),
    countUnits: [...new Set([...clause.text.matchAll(COUNT)].map((m) => (m[1] === '個' ? '个' : m[1] === '項' ? '项' : (m[1] ?? ''))))].join(''),
  };
}
