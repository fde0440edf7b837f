import type { StoreConfig } from './config.js';
import { openPostgresStore } from './postgres-store.js';
import { openSqliteStore } from './sqlite-store.js';
import type { Store } from './types.js';

/** Opens the configured store and forgets questions older than the retention period, now and every few hours. */

/** How often old questions are purged: retention is counted in days, so a few hours late is no matter. */
const PURGE_EVERY_MS = 6 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface StoreLog {
  info(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
}

export async function openStore(config: StoreConfig, log: StoreLog): Promise<Store> {
  const store =
    config.kind === 'sqlite'
      ? openSqliteStore(config.dataDir)
      : await openPostgresStore(config.url, (error) => log.warn({ err: { message: error.message } }, 'database connection lost; reconnecting'));

  const purge = async (): Promise<void> => {
    const before = new Date(Date.now() - config.retentionDays * DAY_MS).toISOString();
    try {
      const removed = await store.purgeBefore(before);
      if (removed > 0) log.info({ removed, before }, 'old questions purged');
    } catch (error) {
      log.warn({ err: { message: (error as Error).message } }, 'purging old questions failed; will retry');
    }
  };
  await purge();
  const timer = setInterval(() => void purge(), PURGE_EVERY_MS);
  timer.unref();
  return {
    ...store,
    kind: store.kind,
    close: async () => {
      clearInterval(timer);
      await store.close();
    },
  };
}
