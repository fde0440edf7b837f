/**
 * Responsibility notes as policy texts print them after a measure: （责任单位：市经信局）,
 * 【牵头单位:区发改委；配合单位：区财政局】, (責任單位：市經信局), 〔责任部门：区科委〕. Read at parse
 * time into the clause's `responsible` field, so that answers name the unit without reading the text.
 */

/** Both scripts are listed, so that the text is matched as it is and cut where it matched. */
const ROLE =
  '责任单位|责任部门|牵头单位|牵头部门|配合单位|配合部门|主责单位|实施单位|责任主体|' +
  '責任單位|責任部門|牽頭單位|牽頭部門|配合單位|配合部門|主責單位|實施單位|責任主體';
const OPEN = '[（(【〔\\[［]';
const CLOSE = '[）)】〕\\]］]';
/** The whole note, brackets inside it included: （责任单位：区数据局、相关街镇(经开区)；时间：2025年）. */
const NOTE = new RegExp(`${OPEN}\\s*(?:${ROLE})\\s*[:：](?:[^（()）【】〔〕\\[\\]［］]|[（(][^（()）]*[）)])*${CLOSE}?`, 'g');
const PART = new RegExp(`^(${ROLE})\\s*[:：]\\s*(.+)$`);

/** A note on a line of its own, with no brackets: 责任单位：市经信局、市财政局 */
const LINE_NOTE = new RegExp(`(?<=^|\\n)(?:${ROLE})\\s*[:：][^\\n]*`, 'g');

function notes(text: string): { index: number; length: number }[] {
  return [...text.matchAll(NOTE), ...text.matchAll(LINE_NOTE)]
    .map((m) => ({ index: m.index, length: m[0].length }))
    .sort((a, b) => a.index - b.index);
}

/**
 * The units named, in the document's own script: the lead or responsible units first, then other
 * roles with their label (市经信局；配合单位：市财政局). Several notes in one clause are joined.
 */
export function responsibleOf(text: string): string | null {
  const primary: string[] = [];
  const others = new Map<string, string[]>();
  const add = (list: string[], value: string): void => {
    for (const unit of value.split(/[、，,]/).map((u) => u.trim())) if (unit !== '' && !list.includes(unit)) list.push(unit);
  };
  for (const { index, length } of notes(text)) {
    const note = text.slice(index, index + length);
    const inner = new RegExp(`^${OPEN}`).test(note) ? note.slice(1).replace(new RegExp(`${CLOSE}$`), '') : note;
    for (const part of inner.split(/[；;]/)) {
      const match = PART.exec(part.trim());
      if (!match?.[1] || !match[2]) continue;
      if (/^配合/.test(match[1])) {
        const list = others.get(match[1]) ?? [];
        add(list, match[2]);
        others.set(match[1], list);
      } else {
        add(primary, match[2]);
      }
    }
  }
  const all = [primary.join('、'), ...[...others].map(([role, units]) => `${role}：${units.join('、')}`)].filter((s) => s !== '');
  return all.length > 0 ? all.join('；') : null;
}

/** The text without its responsibility notes, for quoting the rule itself. */
export function withoutResponsibilityNotes(text: string): string {
  let out = text;
  for (const { index, length } of notes(text).reverse()) out = out.slice(0, index) + out.slice(index + length);
  return out;
}
