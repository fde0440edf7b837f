import { ConfigError } from '../config.js';
import { startServer } from '../server.js';
import { UsageError } from './usage.js';

/** Runs until SIGINT/SIGTERM; the server's shutdown ends the process. */
export async function serveCommand(host: string | null, port: string | null): Promise<number> {
  const overrides: { host?: string; port?: number } = {};
  if (host !== null) overrides.host = host;
  if (port !== null) {
    if (!/^\d+$/.test(port) || Number(port) > 65535) throw new UsageError(`--port must be a number from 0 to 65535, got "${port}"`);
    overrides.port = Number(port);
  }
  try {
    await startServer(overrides);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(`configuration: ${error.message}`);
    throw error;
  }
  return new Promise<number>(() => {
    // Never resolves: the process ends through the shutdown handler.
  });
}
