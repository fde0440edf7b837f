import { spawn } from 'node:child_process';
import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPolicyFiles } from './corpus/load.js';
import { createEngine, type Engine } from './engine.js';
import { corpusFingerprint } from './search/snapshot.js';

/**
 * The engine a running server answers from, rebuilt when its policy files change (added, edited or
 * removed: a watch on the folder, or an explicit reload) and swapped in one assignment. Every answer
 * takes the engine once, when it starts, so answers in flight finish on the engine they began with;
 * a rebuild that fails keeps the old engine and says why. Changes to dict/ need a restart: nodejieba
 * keeps one dictionary per process.
 */

export interface EngineSource {
  current(): Engine;
}

/** An engine source that can be told to rebuild now (the console's reload). */
export interface Reloadable {
  reload(reason: string): Promise<ReloadResult>;
}

export type ReloadResult =
  | { ok: true; changed: boolean; policies: number; clauses: number; ms: number }
  | { ok: false; error: string };

export interface ReloadLog {
  info(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

/** Quiet time after the last change before rebuilding: a copy or an editor's save writes in several steps. */
export const RELOAD_DEBOUNCE_MS = 300;
/**
 * Above this much clause text (about 2,500 clauses) a rebuild in the server's own thread would hold
 * answers up for over half a second: a child process (`policy-qa index`) builds the snapshot instead,
 * and the server only loads it. Below it, building in place is as quick as loading and needs no
 * second copy of the dictionary.
 */
export const CHILD_BUILD_BYTES = 1_000_000;
/** bin/ beside src/ and dist/ alike. */
const CLI = fileURLToPath(new URL('../bin/policy-qa.js', import.meta.url));

export interface LiveOptions {
  debounceMs?: number;
  childBuildBytes?: number;
}

/** Builds the index snapshot of a folder in a separate process, so the server's thread stays free. */
function buildInChild(indexDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'index'], { env: { ...process.env, INDEX_DIR: indexDir }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(stderr.trim().replace(/^policy-qa: /, '') || `index build exited with ${code}`))));
  });
}

export class LiveEngine implements EngineSource {
  private engine: Engine;
  private fingerprint: string;
  private running: Promise<ReloadResult> | null = null;
  private pending: Promise<ReloadResult> | null = null;
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;

  private readonly debounceMs: number;
  private readonly childBuildBytes: number;

  constructor(
    private readonly indexDir: string,
    initial: Engine,
    private readonly log: ReloadLog,
    options: LiveOptions = {},
  ) {
    this.debounceMs = options.debounceMs ?? RELOAD_DEBOUNCE_MS;
    this.childBuildBytes = options.childBuildBytes ?? CHILD_BUILD_BYTES;
    this.engine = initial;
    this.fingerprint = this.readFingerprint() ?? '';
  }

  current(): Engine {
    return this.engine;
  }

  private readFingerprint(): string | null {
    try {
      return corpusFingerprint(readPolicyFiles(join(this.indexDir, 'policies')));
    } catch {
      return null;
    }
  }

  /** Rebuilds if the files changed; a request while a rebuild runs is served by one more rebuild after it. */
  reload(reason: string): Promise<ReloadResult> {
    if (this.running) {
      this.pending ??= this.running.then(() => {
        this.pending = null;
        return this.reload(reason);
      });
      return this.pending;
    }
    // Started on the next turn of the event loop, so that the caller's reply (and any frame queued) goes first.
    this.running = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.rebuild(reason))
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private async rebuild(reason: string): Promise<ReloadResult> {
    const started = performance.now();
    try {
      const fingerprint = corpusFingerprint(readPolicyFiles(join(this.indexDir, 'policies')));
      if (fingerprint === this.fingerprint) {
        return { ok: true, changed: false, policies: this.engine.stats.policies, clauses: this.engine.stats.clauses, ms: performance.now() - started };
      }
      // A large corpus is built elsewhere; loading its snapshot here takes a fraction of the time.
      if (this.engine.stats.textBytes >= this.childBuildBytes) await buildInChild(this.indexDir);
      const next = createEngine(this.indexDir, 'use');
      this.engine = next;
      this.fingerprint = fingerprint;
      const result = { ok: true as const, changed: true, policies: next.stats.policies, clauses: next.stats.clauses, ms: performance.now() - started };
      this.log.info({ reason, policies: result.policies, clauses: result.clauses, ms: Math.round(result.ms), index: next.stats.source }, 'policies reloaded');
      return result;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.log.error({ reason, error: message }, 'policy reload failed; still answering from the previous policies');
      return { ok: false, error: message };
    }
  }

  /** Watches the policies folder; files whose names start with a dot (temporary copies) are ignored. */
  watch(): void {
    if (this.watcher) return;
    const folder = join(this.indexDir, 'policies');
    try {
      this.watcher = watch(folder, { persistent: false }, (_event, name) => {
        if (name !== null && name.startsWith('.')) return;
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => {
          this.timer = null;
          void this.reload(`files changed in ${folder}`);
        }, this.debounceMs);
      });
      this.watcher.on('error', (error) => this.log.error({ error: error.message }, 'watching the policies folder failed; use POST /api/admin/reload'));
    } catch (error) {
      this.log.error({ error: (error as Error).message }, 'cannot watch the policies folder; use POST /api/admin/reload');
    }
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.watcher?.close();
    this.watcher = null;
  }
}

/** A fixed engine (tests, the CLI) as an engine source. */
export function fixedEngine(engine: Engine): EngineSource {
  return { current: () => engine };
}
