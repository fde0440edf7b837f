import { join } from 'node:path';
import { createEngine, indexDirFromEnv } from '../engine.js';

/** Rebuilds the index and its snapshot from INDEX_DIR/policies, and prints what it holds. */
export function indexCommand(): number {
  const indexDir = indexDirFromEnv();
  const engine = createEngine(indexDir, 'rebuild');
  const { stats } = engine;
  const mbPerSecond = stats.textBytes / 1e6 / (stats.buildMs / 1000);
  const lines = [
    `policies      ${stats.policies}`,
    `clauses       ${stats.clauses}`,
    `tokens        ${stats.tokens}`,
    `vocabulary    ${stats.vocabulary}`,
    `text          ${stats.textChars} characters (${(stats.textBytes / 1e6).toFixed(2)} MB)`,
    `dictionary    ${stats.dictionaryMs.toFixed(0)} ms`,
    `build         ${stats.buildMs.toFixed(0)} ms (${mbPerSecond.toFixed(2)} MB/s)`,
    `snapshot      ${stats.snapshotNote ?? join(indexDir, 'snapshot')}`,
    '',
    ...engine.policies.flatMap((p) => [
      `${p.id.padEnd(24)} ${String(p.clauses.length).padStart(4)} clauses  ${p.region}  ${p.validFrom ?? '?'}..${p.validTo ?? '?'}  ${p.title}`,
      ...(p.abolishedBy ? [`${''.padEnd(24)} abolished by ${p.abolishedBy} from ${p.abolishedOn}`] : []),
      ...p.warnings.map((w) => `${''.padEnd(24)} warning: ${w}`),
    ]),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
