export type { StoreConfig } from './config.js';
export { describeStore, loadStoreConfig } from './config.js';
export { normaliseQuestion } from './normalise.js';
export { openStore, type StoreLog } from './open.js';
export * from './types.js';
