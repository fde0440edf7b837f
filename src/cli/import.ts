import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { todayInChina } from '../corpus/dates.js';
import { indexDirFromEnv } from '../engine.js';
import { importReports, ImportRefused, prepareImport, storeImports, type ImportRefusalReason, type ImportReport, type PreparedImport } from '../ingest/import-policy.js';
import { readFileBytes } from '../ingest/read.js';
import { IngestError } from '../ingest/types.js';
import { UsageError } from './usage.js';

/**
 * policy-qa import FILE… [--id ID] [--region NAME] [--force]: reads each file (.txt in any Chinese
 * encoding, .html, .docx, .pdf) through the import step, shows what was read from it and stores it,
 * normalised, in INDEX_DIR/policies/ID.md. All or nothing: when one file is refused, none is stored
 * (exit 2, the reason on stderr). A running server picks the new files up by itself.
 */

export interface ImportOptions {
  id: string | null;
  region: string | null;
  force: boolean;
}

/** What a user of the command can do about a refusal. */
const HINTS: Partial<Record<ImportRefusalReason, string>> = {
  exists: 'pass --force to replace it, or --id to store it under another id',
  'duplicate-id': 'name them with --id',
  'no-region': 'pass --region, e.g. --region 松江区',
};

function format(report: ImportReport, name: string, today: string): string {
  const lines = [
    `imported ${name} → ${report.file}`,
    `  title     ${report.title}`,
    `  number    ${report.docNumber ?? '-'}`,
    `  issuer    ${report.issuer ?? '-'}`,
    `  region    ${report.region}`,
    `  validity  ${report.validFrom ?? '?'} .. ${report.validTo ?? '?'} (${report.status} on ${today})`,
    `  clauses   ${report.clauses}`,
  ];
  for (const other of report.abolishes) lines.push(`  note: abolishes ${other.id} 《${other.title}》 from ${other.on}`);
  if (report.abolishedBy) lines.push(`  note: abolished by ${report.abolishedBy.id} from ${report.abolishedBy.on}`);
  for (const warning of report.warnings) lines.push(`  warning: ${warning}`);
  return `${lines.join('\n')}\n`;
}

async function prepare(file: string, options: ImportOptions, policiesDir: string, taken: Set<string>): Promise<PreparedImport> {
  let bytes: Buffer;
  try {
    bytes = readFileBytes(file);
  } catch (error) {
    if (error instanceof IngestError) throw new ImportRefused(error.reason, error.message);
    throw error;
  }
  try {
    return await prepareImport({ name: file, bytes, id: options.id, region: options.region, replace: options.force }, policiesDir, taken);
  } catch (error) {
    if (error instanceof ImportRefused && error.reason === 'bad-id') throw new UsageError(`${error.message}; name one with --id`);
    throw error;
  }
}

export async function importCommand(files: string[], options: ImportOptions): Promise<number> {
  if (files.length === 0) throw new UsageError('import needs a file');
  if (options.id !== null && files.length > 1) throw new UsageError('--id names one file only');
  const indexDir = indexDirFromEnv();
  if (!existsSync(indexDir) || !statSync(indexDir).isDirectory()) {
    process.stderr.write(`policy-qa: import refused: the index folder ${indexDir} does not exist (INDEX_DIR)\n`);
    return 2;
  }
  const policiesDir = join(indexDir, 'policies');

  const prepared: PreparedImport[] = [];
  const taken = new Set<string>();
  let refused = 0;
  for (const file of files) {
    try {
      prepared.push(await prepare(file, options, policiesDir, taken));
    } catch (error) {
      if (!(error instanceof ImportRefused)) throw error;
      refused++;
      const hint = HINTS[error.reason];
      process.stderr.write(`policy-qa: import refused ${file}: ${error.message}${hint ? `: ${hint}` : ''}\n`);
    }
  }
  if (refused > 0) {
    if (prepared.length > 0) process.stderr.write(`policy-qa: nothing imported (${refused} of ${files.length} files refused)\n`);
    return 2;
  }

  const today = todayInChina();
  const reports = importReports(prepared, policiesDir, today);
  storeImports(prepared, policiesDir);
  prepared.forEach((p, i) => {
    const report = reports[i];
    if (report) process.stdout.write(format(report, p.name, today));
  });
  return 0;
}
