import { toSimplified } from '../text/script.js';

/**
 * The metadata block government sites and policy databases print above a document, in every shape
 * they print it: `发文字号：某政办〔2024〕11号`, several fields on one line, `【施行日期】2024.03.01`,
 * label and value on two lines, or a table row (`索引号 | 113… | 发文字号 | …`). Labels are read in
 * simplified script, so `發文字號` is the same field.
 */

export type HeaderKey =
  | 'indexNumber'
  | 'docNumber'
  | 'issuer'
  | 'issued'
  | 'published'
  | 'validFrom'
  | 'validTo'
  | 'validity'
  | 'title'
  /** Site furniture that is still metadata (主题分类, 浏览次数, 字号): recognised, not used. */
  | 'other';

export interface HeaderField {
  key: HeaderKey;
  label: string;
  /** Empty when the value stands on the next line. */
  value: string;
}

const LABELS: Record<HeaderKey, string[]> = {
  indexNumber: ['索引号', '索取号'],
  docNumber: ['发文字号', '发文文号', '文号', '文件编号', '发文号'],
  issuer: ['发文机关', '发布机关', '发文单位', '发文部门', '发布单位', '发布机构', '发布部门', '制发机关', '颁布机关', '发文机构', '成文机关'],
  issued: ['成文日期', '印发日期', '签发日期', '制发日期', '成文时间'],
  published: ['发布日期', '生成日期', '公布日期', '发布时间', '发文日期', '公开日期', '颁布日期', '时间'],
  validFrom: ['施行日期', '实施日期', '生效日期', '执行日期'],
  validTo: ['废止日期', '失效日期', '有效期至'],
  validity: ['有效性', '时效性', '效力状态', '有效状态'],
  title: ['标题', '文件名称', '文件标题', '题名'],
  other: [
    '主题分类', '主题词', '关键词', '关键字', '体裁分类', '公文种类', '效力级别', '信息来源', '来源', '浏览次数', '点击数', '阅读次数', '访问次数',
    '公开方式', '公开范围', '公开属性', '文种', '规范性文件登记号', '登记号', '统一编号', '所属机构', '组配分类', '服务对象', '信息分类', '发布层级', '法规类别', '字号', '分享到',
    '政策级别', '政策主题', '区域',
  ],
};

const KEY_OF = new Map<string, HeaderKey>();
for (const [key, labels] of Object.entries(LABELS) as [HeaderKey, string[]][]) for (const label of labels) KEY_OF.set(label, key);

/** Longest first, so that 发文字号 is not read as 字号. */
const LABEL_ALT = [...KEY_OF.keys()].sort((a, b) => b.length - a.length).join('|');
/** A label as printed: 【label】, [label], label： or label followed by a layout gap. */
const LABEL_AT = new RegExp(`(?:【\\s*(${LABEL_ALT})\\s*】|\\[(${LABEL_ALT})\\]|(${LABEL_ALT})\\s*(?:[：:]|(?= {2,})|$))`, 'g');
/** Long enough to hold a spaced-out label in brackets (【 发 文 字 号 】). */
const LABEL_PREFIX = 16;
/** Every header line starts with a label: most lines are turned away by this one anchored test. */
const LABEL_START = new RegExp(`^[【\\[]?\\s*(?:${LABEL_ALT})`);
const LABEL_CELL = new RegExp(`^(?:【\\s*)?(${LABEL_ALT})(?:\\s*】)?\\s*[：:]?$`);

/** Spaces inside a printed label (索 引 号, 文　　号) are layout. */
function compactLabel(text: string): string {
  // At the start of the line or after a layout gap, where a field starts.
  return text.replace(
    /(^|\t|\s{2,})([【[]?)((?:\p{Script=Han}\s{1,4}){1,5}\p{Script=Han})(?=\s*[】\]：:])/gu,
    (_, gap: string, open: string, label: string) => gap + open + label.replace(/\s/g, ''),
  );
}

function field(label: string, value: string): HeaderField {
  return { key: KEY_OF.get(label) ?? 'other', label, value: value.replace(/^[\s|]+|[\s|]+$/g, '') };
}

/**
 * The header fields a line holds, or null when it is not a header line. A header line starts with a
 * label; every later label on it starts a further field.
 */
export function parseHeaderLine(line: string): HeaderField[] | null {
  const original = compactLabel(line.trim());
  // Only a line that starts with a label is converted whole: converting script is the costly part.
  if (!LABEL_START.test(compactLabel(toSimplified(original.slice(0, LABEL_PREFIX))))) return null;
  const text = compactLabel(toSimplified(line).trim());
  if (text === '') return null;
  // Labels are found in simplified script; values are cut from the line as printed.
  const source = original.length === text.length ? original : text;
  if ((text.match(/\|/g)?.length ?? 0) >= 2) return parseHeaderCells(source.split('|').map((c) => c.trim()).filter((c) => c !== ''));
  // 【label】 delimits itself; a bare label starts a field only after a gap.
  const matches = [...text.matchAll(LABEL_AT)].filter((m) => m.index === 0 || m[1] !== undefined || /[\s】|]/.test(text[m.index - 1] ?? ''));
  const first = matches[0];
  if (!first || first.index !== 0) return null;
  const fields: HeaderField[] = [];
  matches.forEach((match, i) => {
    const label = match[1] ?? match[2] ?? match[3] ?? '';
    const end = matches[i + 1]?.index ?? text.length;
    fields.push(field(label, source.slice(match.index + match[0].length, end)));
  });
  // A sentence that merely starts with a label word (来源于…) is not a header line.
  if (fields.length === 1 && fields[0] && /[。；;]/.test(fields[0].value) && fields[0].value.length > 60) return null;
  return fields;
}

/** A table row of alternating label and value cells. */
function parseHeaderCells(cells: string[]): HeaderField[] | null {
  const fields: HeaderField[] = [];
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] ?? '';
    const label = LABEL_CELL.exec(toSimplified(cell))?.[1];
    if (label) {
      const next = cells[i + 1] ?? '';
      // An empty field (发布机构： | 发布日期：2020-03-09) is followed by the next field, not by its value.
      const nextIsLabel = LABEL_CELL.test(toSimplified(next)) || parseHeaderLine(next) !== null;
      fields.push(field(label, nextIsLabel ? '' : next));
      if (!nextIsLabel) i++;
      continue;
    }
    const inline = parseHeaderLine(cell);
    if (inline === null) return fields.length > 0 ? fields : null;
    fields.push(...inline);
  }
  return fields.length > 0 ? fields : null;
}

export function isHeaderLine(line: string): boolean {
  return parseHeaderLine(line) !== null;
}

/** A header line whose last label waits for its value on the next line (发文机关：⏎某某市人民政府). */
export function awaitsValue(line: string): boolean {
  const fields = parseHeaderLine(line);
  return fields !== null && fields[fields.length - 1]?.value === '';
}

/**
 * Every header field of a text, with a value given on the line after its label joined to it. The
 * first value of a key wins: a later repetition is usually a quoted document's.
 */
export function readHeaderFields(lines: string[]): Map<HeaderKey, HeaderField> {
  const found = new Map<HeaderKey, HeaderField>();
  for (let i = 0; i < lines.length; i++) {
    const fields = parseHeaderLine(lines[i] ?? '');
    if (!fields) continue;
    for (const [j, f] of fields.entries()) {
      let value = f.value;
      const last = j === fields.length - 1;
      const next = lines[i + 1];
      if (value === '' && last && next !== undefined && parseHeaderLine(next) === null) {
        value = next.trim();
        i++;
      }
      if (value !== '' && f.key !== 'other' && !found.has(f.key)) found.set(f.key, { ...f, value });
    }
  }
  return found;
}
