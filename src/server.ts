import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { LlmAnswerer } from './answer/llm-answer.js';
import { describeConfig, loadConfig, type Config } from './config.js';
import { createEngine, DEFAULT_INDEX_DIR } from './engine.js';
import { LiveEngine } from './live-engine.js';
import { loadPromptTemplates } from './llm/prompt.js';
import { createOpenAiStreamer } from './llm/stream.js';

/**
 * Starts the server: load the index once, listen, and shut down gracefully on SIGINT/SIGTERM: stop
 * accepting, abort every model request, end HTTP answers with a 503 and close websockets with 1001,
 * then exit 0; past SHUTDOWN_GRACE_MS the process exits anyway, with 1.
 */

export function createLlmAnswerer(config: Config): LlmAnswerer | null {
  return config.llm ? { streamer: createOpenAiStreamer(config.llm), templates: loadPromptTemplates() } : null;
}

export async function startServer(overrides: Partial<Pick<Config, 'host' | 'port'>> = {}): Promise<FastifyInstance> {
  const config = { ...loadConfig(), ...overrides };
  const indexDir = config.indexDir ?? DEFAULT_INDEX_DIR;
  const engine = createEngine(indexDir);
  // Added, changed and removed policy files are picked up without a restart; reloads log through the app.
  const live = new LiveEngine(indexDir, engine, { info: (d, m) => app.log.info(d, m), error: (d, m) => app.log.error(d, m) });
  const app = await buildApp({ config, engine: live, llm: createLlmAnswerer(config) });
  live.watch();
  app.addHook('onClose', async () => live.close());
  app.log.info({ config: describeConfig(config), stats: engine.stats }, 'policy-qa ready');

  let closing = false;
  const shutdown = (signal: string): void => {
    if (closing) return;
    closing = true;
    // What the shutdown interrupts, and the live handles: a soak test reads this line for leaks.
    const resources: Record<string, number> = {};
    for (const kind of process.getActiveResourcesInfo()) resources[kind] = (resources[kind] ?? 0) + 1;
    app.log.info(
      { signal, ...app.answersInProgress(), resources },
      'shutting down: no new connections, open answers cancelled, sockets closed with 1001',
    );
    const force = setTimeout(() => {
      app.log.error({ graceMs: config.shutdownGraceMs }, 'shutdown took longer than its grace period; exiting anyway');
      process.exit(1);
    }, config.shutdownGraceMs);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));

  await app.listen({ host: config.host, port: config.port });
  return app;
}
