import { resolve } from 'node:path';
import { ConfigError } from '../config.js';

/** Where feedback and the question log live, read from DATA_DIR / DATABASE_URL / LOG_RETENTION_DAYS. */

export type StoreConfig =
  | { kind: 'sqlite'; dataDir: string; retentionDays: number }
  | { kind: 'postgres'; url: string; retentionDays: number };

/** Half a year of questions is enough to see which policies are missing, and no more is kept by default. */
const DEFAULT_RETENTION_DAYS = 180;
const MAX_RETENTION_DAYS = 3650;

export function loadStoreConfig(env: Record<string, string | undefined>): StoreConfig {
  const rawDays = env.LOG_RETENTION_DAYS?.trim() ?? '';
  let retentionDays = DEFAULT_RETENTION_DAYS;
  if (rawDays !== '') {
    if (!/^\d+$/.test(rawDays) || Number(rawDays) < 1 || Number(rawDays) > MAX_RETENTION_DAYS) {
      throw new ConfigError(`LOG_RETENTION_DAYS must be a whole number of days from 1 to ${MAX_RETENTION_DAYS}, got "${rawDays}"`);
    }
    retentionDays = Number(rawDays);
  }
  const url = env.DATABASE_URL?.trim() ?? '';
  if (url !== '') {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new ConfigError('DATABASE_URL must look like postgres://user:password@host:5432/database');
    }
    if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
      throw new ConfigError('DATABASE_URL must be a postgres:// URL (without it, SQLite in DATA_DIR is used)');
    }
    return { kind: 'postgres', url, retentionDays };
  }
  return { kind: 'sqlite', dataDir: resolve(env.DATA_DIR?.trim() || 'data'), retentionDays };
}

/** The store as it may be logged: a database URL's password never is. */
export function describeStore(config: StoreConfig): Record<string, unknown> {
  if (config.kind === 'sqlite') return { kind: 'sqlite', dataDir: config.dataDir, retentionDays: config.retentionDays };
  const url = new URL(config.url);
  return { kind: 'postgres', host: url.host, database: url.pathname.slice(1), retentionDays: config.retentionDays };
}
