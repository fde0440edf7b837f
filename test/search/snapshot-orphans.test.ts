import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine.js';

/** A build killed mid-write (kill -9) leaves its staging folder; the next build removes it. */

const dir = mkdtempSync(join(tmpdir(), 'policy-qa-orphans-'));
cpSync(new URL('../../index/policies', import.meta.url).pathname, join(dir, 'policies'), { recursive: true });
cpSync(new URL('../../index/dict', import.meta.url).pathname, join(dir, 'dict'), { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function staging(name: string): string {
  const path = join(dir, name);
  mkdirSync(path);
  writeFileSync(join(path, 'corpus.json'), '{"policies":[');
  return path;
}

describe('orphaned snapshot staging folders', () => {
  it('are removed by the next build; a live build’s folder is left alone', () => {
    // One folder for the whole file: nodejieba loads one user dictionary per process.
    // A process that has exited: its pid names no live process, as after kill -9. The parent of this
    // test process stands for a build still writing.
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    const orphan = staging(`snapshot.tmp-${dead}-${Date.now()}`);
    const stale = staging(`snapshot.tmp-${process.ppid}-${Date.now() - 2 * 60 * 60 * 1000}`);
    const live = staging(`snapshot.tmp-${process.ppid}-${Date.now()}`);
    expect(createEngine(dir, 'rebuild').stats.snapshotMs).toBeGreaterThan(0);
    expect(existsSync(orphan)).toBe(false);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(join(dir, 'snapshot', 'manifest.json'))).toBe(true);
    expect(readdirSync(dir).filter((name) => name.startsWith('snapshot.tmp-'))).toEqual([live.split('/').pop()]);
  });
});
