/**
 * The form questions are grouped by: full-width and compatibility characters folded (NFKC), case
 * folded, and spaces and punctuation dropped, so "松江 技改补贴？" and "松江技改补贴" count as one.
 */
export function normaliseQuestion(question: string): string {
  return question
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}
