/**
 * Regions as Chinese administration has them: canonical names, short names of every suffix, pinyin
 * names, parents from the GB/T 2260 division dataset, and the regions a text mentions.
 */
export { RegionDirectory, type RegionDirectoryOptions } from './directory.js';
export type { Division, RegionLevel, RegionMention, RegionProblem, RegionRef, ScopeEntry, ScopeRelation } from './types.js';
export { Gazetteer, defaultGazetteer } from './gazetteer.js';
export type { GeneralWords } from './general-words.js';
