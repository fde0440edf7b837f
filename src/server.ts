import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { LlmAnswerer } from './answer/llm-answer.js';
import { describeConfig, loadConfig, type Config } from './config.js';
import { createEngine, DEFAULT_INDEX_DIR } from './engine.js';
import { LiveEngine } from './live-engine.js';
import { loadPromptTemplates } from './llm/prompt.js';
import { createOpenAiStreamer } from './llm/stream.js';

/** Starts the server: load the index once, listen, and shut down gracefully on SIGINT/SIGTERM. */

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
    app.log.info({ signal }, 'shutting down: no new connections, open answers cancelled, sockets closed with 1001');
    const force = setTimeout(() => process.exit(1), 10_000);
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
