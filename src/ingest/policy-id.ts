import { basename, extname } from 'node:path';
import { pinyin } from 'pinyin-pro';

/** Ids are file names and URL parts: letters, digits, dot, dash and underscore. */
export const POLICY_ID = /^[A-Za-z0-9][\w.-]*$/;
export const MAX_ID_LENGTH = 80;

/**
 * A policy id from a file name: kept when it is already one (wuxi-2024.txt → wuxi-2024), else written
 * in pinyin, a syllable a word (松江区数字化政策2024.docx → song-jiang-qu-shu-zi-hua-zheng-ce-2024).
 */
export function idFromFileName(file: string): string {
  const name = basename(file, extname(file)).normalize('NFKC').trim();
  if (POLICY_ID.test(name) && name.length <= MAX_ID_LENGTH) return name;
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  const slug = syllables
    .map((s) => s.toLowerCase().replace(/[^a-z0-9._]+/g, '-'))
    .join('-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-._]+|[-._]+$/g, '');
  // Cut at a syllable, not inside one.
  return slug.length <= MAX_ID_LENGTH ? slug : slug.slice(0, MAX_ID_LENGTH).replace(/-[^-]*$/, '');
}
