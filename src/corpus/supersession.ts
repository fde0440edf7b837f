import { toSimplified } from '../text/script.js';
import { foldDigits } from './dates.js';
import { DOC_NUMBER } from './lines.js';
import type { Clause, IsoDate, Policy } from './types.js';

/**
 * Which policies a later document abolishes: `《…》（…号）同时废止`, `原《…》废止`, `…停止执行`,
 * `…不再执行`. The abolished policy is found by its document number first, then by its title; it is
 * marked abolished from the day the abolishing document takes effect, with the clause that says so.
 * A clause that abolishes only part of a document (`…中关于X的规定废止`) leaves it in force.
 */

const ABOLISH_VERB = /(同时|予以|一并)?(废止|停止执行|不再执行|停止施行|同时失效)/;
/** Between a document's name and the verb, 中关于…的规定 or 第五条 means only part of it goes. */
const PARTIAL = /^\s*(中|的)?\s*(关于|有关|第[一二三四五六七八九十百\d]+条|部分|相关|条款|规定|内容)/;
const QUOTED = /《([^》]+)》\s*(?:[（(]([^（）()]*?[号號])[）)])?/g;
const BARE_NUMBER = new RegExp(DOC_NUMBER, 'gu');

export interface Reference {
  title: string | null;
  docNumber: string | null;
}

export interface Abolition {
  clauseId: string;
  references: Reference[];
}

/** The documents a clause abolishes, sentence by sentence. */
/** Both scripts, to turn away the clauses that abolish nothing before converting them. */
const MAY_ABOLISH = /废止|廢止|停止执行|停止執行|不再执行|不再執行|停止施行|同时失效|同時失效/;

export function abolitionsIn(clause: Clause): Reference[] {
  const refs: Reference[] = [];
  if (!MAY_ABOLISH.test(clause.text)) return refs;
  for (const sentence of toSimplified(clause.text).split(/(?<=[。；;])/)) {
    const verb = ABOLISH_VERB.exec(sentence);
    if (!verb) continue;
    const before = sentence.slice(0, verb.index);
    const quoted = [...before.matchAll(QUOTED)];
    const last = quoted[quoted.length - 1];
    if (last && PARTIAL.test(before.slice(last.index + last[0].length))) continue;
    for (const m of quoted) refs.push({ title: m[1] ?? null, docNumber: m[2] ?? null });
    // A document named by its number alone: …（某政发〔2020〕5号）同时废止.
    const outside = before.replace(QUOTED, ' ');
    for (const m of outside.matchAll(BARE_NUMBER)) refs.push({ title: null, docNumber: m[0] });
  }
  return refs;
}

/** 某政发〔2020〕5号, 某政发[2020]5號 and 某政发（2020）第5号 are one number. */
export function numberKey(docNumber: string): string {
  return foldDigits(toSimplified(docNumber))
    .replace(/\s+/g, '')
    .replace(/[〔［[(（【]/g, '[')
    .replace(/[〕］\])）】]/g, ']')
    .replace(/]第/, ']');
}

export function titleKey(title: string): string {
  return toSimplified(title).replace(/[\s“”"'‘’《》〈〉]/g, '').replace(/[（(]/g, '(').replace(/[）)]/g, ')');
}

/** The titles a reference may go by: as quoted, and the policy inside a notice that issued it. */
function titleKeys(title: string): string[] {
  const keys = [titleKey(title)];
  const inner = /[〈<]([^〉>]+)[〉>]/.exec(title) ?? /关于印发(.+)的通知$/.exec(toSimplified(title));
  if (inner?.[1]) keys.push(titleKey(inner[1]));
  return keys;
}

/** The day a policy starts to apply: its stated start, else its issue or publication date. */
function effectiveDate(policy: Policy): IsoDate | null {
  return policy.validFrom ?? policy.issued ?? policy.published;
}

/**
 * Marks every abolished policy in a corpus (in place) and returns it. When several documents abolish
 * one policy, the earliest abolition counts.
 */
export function linkAbolitions(policies: Policy[]): Policy[] {
  const byNumber = new Map<string, Policy>();
  const byTitle = new Map<string, Policy>();
  for (const p of policies) {
    p.abolishedBy = null;
    p.abolishedOn = null;
    p.abolishedByClauseId = null;
    if (p.docNumber) byNumber.set(numberKey(p.docNumber), p);
    byTitle.set(titleKey(p.title), p);
  }
  for (const abolisher of policies) {
    for (const clause of abolisher.clauses) {
      for (const ref of abolitionsIn(clause)) {
        const target =
          (ref.docNumber ? byNumber.get(numberKey(ref.docNumber)) : undefined) ??
          (ref.title ? titleKeys(ref.title).map((k) => byTitle.get(k)).find((p) => p !== undefined) : undefined);
        if (!target || target === abolisher) continue;
        const on = effectiveDate(abolisher);
        if (on === null) {
          abolisher.warnings.push(`abolishes ${target.id}, but states no date it takes effect; not marked`);
          continue;
        }
        if (target.abolishedOn !== null && target.abolishedOn <= on) continue;
        target.abolishedBy = abolisher.id;
        target.abolishedOn = on;
        target.abolishedByClauseId = clause.id;
      }
    }
  }
  return policies;
}
