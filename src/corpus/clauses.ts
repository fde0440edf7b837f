import type { Clause, ClauseKind } from './types.js';
import {
  detectMarker,
  isAddresseeLine,
  isHeadingLine,
  isSignatureLine,
  isTableRow,
  isTitleLike,
  startsWithClosingPhrase,
  stripDecoration,
  type Marker,
  type MarkerStyle,
} from './lines.js';
import { isFrontMatter } from './front-matter.js';
import { awaitsValue } from './header.js';
import { responsibleOf } from './responsible.js';
import { labelledTitle } from './title.js';

/**
 * Cuts normalised paragraphs into clauses, the unit of retrieval and citation. Numbering styles are
 * not ranked in advance: a heading's style joins the section stack, a later heading of a style
 * already on the stack (or continuing a heading's count, as 二、 after a mistyped 1、) closes the
 * sections below it. Numbered paragraphs become clauses; items numbered in a deeper style stay inside
 * their clause; unnumbered paragraphs belong to the clause before them, or stand alone.
 */

interface Section {
  style: MarkerStyle;
  ordinal: number;
  label: string;
  heading: string;
  hasContent: boolean;
}

interface Draft {
  label: string;
  kind: ClauseKind;
  style: MarkerStyle | null;
  sectionPath: string[];
  parts: string[];
  context?: string;
}

interface TableState {
  caption: string | null;
  header: string[] | null;
  rowCount: number;
}

const ANNEX_LINE = /^附件\s*\d*\s*[:：]?/;
const QUESTION_LINE = /^[问問][:：]/;
const ANSWER_LINE = /^答[:：]/;

function isAnnexLine(text: string): boolean {
  return ANNEX_LINE.test(text) && text.length <= 60 && !/[。；;]/.test(text);
}

/** Longer than this, the line before a table is text about it rather than its caption. */
export const CAPTION_MAX_CHARS = 60;

const NUMERIC_CELL = /^\d+(\.\d+)?%?$/;

export function splitCells(row: string): string[] {
  return row
    .split(/[|\u00a6]/)
    .map((cell) => cell.trim())
    .filter((cell) => cell !== '');
}

function isHeaderRow(cells: string[], table: TableState): boolean {
  if (table.rowCount === 0 && table.header === null) return true;
  return !cells.some((cell) => NUMERIC_CELL.test(cell)) && cells.some((cell) => /^\d{4}年?$|总数|總數|合计|合計|序号|序號/.test(cell));
}

export function parseClauses(policyId: string, paragraphs: string[]): Clause[] {
  const drafts: Draft[] = [];
  const sections: Section[] = [];
  let current: Draft | null = null;
  let lastClauseStyle: MarkerStyle | null = null;
  let table: TableState | null = null;
  let lastTitle: string | null = null;
  let sawAnnex = false;

  const sectionPath = (): string[] => sections.map((s) => s.heading);
  const markSectionsUsed = (): void => sections.forEach((s) => (s.hasContent = true));

  const close = (): void => {
    if (current) drafts.push(current);
    current = null;
  };

  /** A heading that never got a clause under it still carries text: keep it as a clause. */
  const popSections = (from: number): void => {
    for (const section of sections.splice(from).reverse()) {
      if (!section.hasContent) {
        drafts.push({
          label: section.label,
          kind: 'numbered',
          style: section.style,
          sectionPath: [...sectionPath(), section.heading].slice(0, -1),
          parts: [section.heading],
        });
      }
    }
  };

  const openSection = (marker: Marker, heading: string): void => {
    close();
    let at = sections.findIndex((s) => s.style === marker.style);
    if (at < 0 && marker.ordinal > 1) at = sections.findIndex((s) => s.ordinal === marker.ordinal - 1);
    if (at >= 0) popSections(at);
    markSectionsUsed();
    sections.push({ style: marker.style, ordinal: marker.ordinal, label: marker.label, heading, hasContent: false });
    lastClauseStyle = null;
    table = null;
  };

  const standalone = (text: string): void => {
    close();
    const section = sections[sections.length - 1];
    const label = !section ? '序言' : lastClauseStyle !== null ? '末段' : section.label;
    markSectionsUsed();
    drafts.push({ label, kind: 'paragraph', style: null, sectionPath: sectionPath(), parts: [text] });
  };

  let awaiting = false;
  // The short line right before a table (某某奖励标准表 单位：万元) is its caption.
  let captionBefore: string | null = null;
  for (const paragraph of paragraphs) {
    const text = stripDecoration(paragraph);
    if (text === '') continue;
    const previous: string | null = captionBefore;
    captionBefore = null;
    // The value of a header label printed on the line before (发文机关：⏎某某市人民政府) is metadata.
    const isValue = awaiting && detectMarker(text) === null && !isFrontMatter(text);
    awaiting = awaitsValue(text);
    if (isValue) continue;

    if (isSignatureLine(text) || isAddresseeLine(text) || isFrontMatter(text)) {
      close();
      continue;
    }

    if (isTableRow(text)) {
      close();
      table ??= { caption: previous ?? lastTitle, header: null, rowCount: 0 };
      const cells = splitCells(text);
      if (isHeaderRow(cells, table)) {
        table.header = cells;
        continue;
      }
      table.rowCount++;
      const first = cells[0] ?? '';
      const prefix = sawAnnex ? '附表' : '表';
      const label = /^\d+$/.test(first) ? `${prefix}第${first}行` : `${prefix}「${first}」`;
      const context = [table.caption, table.header?.join(' | ')].filter(Boolean).join('\n');
      markSectionsUsed();
      drafts.push({
        label,
        kind: 'table-row',
        style: null,
        sectionPath: [...sectionPath(), ...(table.caption ? [table.caption] : [])],
        parts: [text],
        context,
      });
      continue;
    }
    table = null;

    const marker = detectMarker(text);
    if (marker) {
      const headingLike = isHeadingLine(text) && marker.style !== lastClauseStyle;
      if (headingLike) {
        openSection(marker, text);
        continue;
      }
      const inSectionStyles = sections.some((s) => s.style === marker.style);
      if (current && current.style !== null && marker.style !== current.style && !inSectionStyles) {
        // An item list inside a clause: （1）…（2）… under 第五条 stays part of 第五条.
        current.parts.push(text);
        continue;
      }
      close();
      markSectionsUsed();
      lastClauseStyle = marker.style;
      current = { label: marker.label, kind: 'numbered', style: marker.style, sectionPath: sectionPath(), parts: [text] };
      continue;
    }

    if (isTitleLike(text) || isAnnexLine(text) || labelledTitle(text) !== null) {
      close();
      lastTitle = text;
      captionBefore = text;
      if (isAnnexLine(text)) {
        // An annex stands outside the numbered body.
        sawAnnex = true;
        popSections(0);
        lastClauseStyle = null;
      }
      continue;
    }

    // A caption may run over two short lines (某某标准表 ⏎ 单位：万元).
    if (text.length <= CAPTION_MAX_CHARS && !/[。；;]/.test(text)) captionBefore = previous && previous.length + text.length < CAPTION_MAX_CHARS ? `${previous} ${text}` : text;
    if (current && !startsWithClosingPhrase(text)) {
      current.parts.push(text);
      continue;
    }
    // An unnumbered 问：… 答：… (a 解读's or an infographic's Q&A): the answer belongs with its question.
    const asked = drafts[drafts.length - 1];
    if (ANSWER_LINE.test(text) && asked?.kind === 'paragraph' && QUESTION_LINE.test(asked.parts[asked.parts.length - 1] ?? '')) {
      asked.parts.push(text);
      continue;
    }
    standalone(text);
  }
  close();
  popSections(0);
  return numberDrafts(policyId, drafts);
}

/**
 * Unnumbered paragraphs that share a label (several 序言 paragraphs) get their paragraph number;
 * numbered clauses keep theirs, told apart by their section path.
 */
function numberDrafts(policyId: string, drafts: Draft[]): Clause[] {
  const keyOf = (d: Draft): string => `${d.sectionPath.join('\u0001')}\u0002${d.label}`;
  const counts = new Map<string, number>();
  for (const d of drafts) if (d.kind === 'paragraph') counts.set(keyOf(d), (counts.get(keyOf(d)) ?? 0) + 1);
  const seen = new Map<string, number>();
  return drafts.map((d, i) => {
    const key = keyOf(d);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    const repeated = d.kind === 'paragraph' && (counts.get(key) ?? 0) > 1;
    const clause: Clause = {
      id: `${policyId}#${i + 1}`,
      policyId,
      label: repeated ? `${d.label}（第${n}段）` : d.label,
      kind: d.kind,
      sectionPath: d.sectionPath,
      text: d.parts.join('\n'),
      responsible: responsibleOf(d.parts.join('\n')),
    };
    if (d.context) clause.context = d.context;
    return clause;
  });
}
