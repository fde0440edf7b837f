import { createEngine } from '../engine.js';

export function indexCommand(): number {
  const engine = createEngine();
  const { stats } = engine;
  const lines = [
    `policies      ${stats.policies}`,
    `clauses       ${stats.clauses}`,
    `tokens        ${stats.tokens}`,
    `vocabulary    ${stats.vocabulary}`,
    `text          ${stats.textChars} characters`,
    `dictionary    ${stats.dictionaryMs.toFixed(0)} ms`,
    `build         ${stats.buildMs.toFixed(0)} ms`,
    '',
    ...engine.policies.map(
      (p) =>
        `${p.id.padEnd(24)} ${String(p.clauses.length).padStart(4)} clauses  ${p.region}  ${p.validFrom ?? '?'}..${p.validTo ?? '?'}  ${p.title}`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
