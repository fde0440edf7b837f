import * as OpenCC from 'opencc-js';

const toSimplifiedConverter = OpenCC.Converter({ from: 't', to: 'cn' });

/**
 * The characters a traditional → simplified conversion changes, found once by converting the CJK
 * block. Text with none of them is already simplified and skips the conversion table: most policy
 * text is, and the table walk is the slowest step of indexing. A lookup table by code unit makes the
 * check a single pass.
 */
const CHANGING = (() => {
  const table = new Uint8Array(0x10000);
  for (let code = 0x4e00; code <= 0x9fff; code++) {
    const char = String.fromCharCode(code);
    if (toSimplifiedConverter(char) !== char) table[code] = 1;
  }
  return table;
})();

export function hasTraditional(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (CHANGING[text.charCodeAt(i)] === 1) return true;
  return false;
}

/** Traditional → simplified, for matching only; displayed text keeps the document's own script. */
export function toSimplified(text: string): string {
  return hasTraditional(text) ? toSimplifiedConverter(text) : text;
}

const HAN_GLOBAL = /\p{Script=Han}/gu;

export function countHan(text: string): number {
  return text.match(HAN_GLOBAL)?.length ?? 0;
}

/** A question is treated as English when it has Latin words and (almost) no Han characters. */
export function isMostlyLatin(text: string): boolean {
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  return latin > 0 && countHan(text) * 4 < latin;
}
