/**
 * CSV for spreadsheets: every cell quoted, and a cell that a spreadsheet would read as a formula
 * (starting with = + - @, or a tab or carriage return) is prefixed with an apostrophe, so a question
 * such as "=HYPERLINK(…)" stays text when the export is opened.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null): string {
  const text = value === null ? '' : String(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** A byte-order mark first: spreadsheet programs then read the file as UTF-8, Chinese included. */
export function toCsv(header: string[], rows: (string | number | boolean | null)[][]): string {
  return `\ufeff${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
