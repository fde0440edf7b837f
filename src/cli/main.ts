import { parseArgs } from 'node:util';
import { askCommand } from './ask.js';
import { importCommand } from './import.js';
import { indexCommand } from './index-command.js';
import { serveCommand } from './serve.js';
import { UsageError } from './usage.js';

const USAGE = `policy-qa: cited answers about industrial-subsidy policies

  policy-qa ask "问题" [--region 松江区] [--as-of 2026-11-21] [--json]
  policy-qa ask --json < questions.txt      one question per line → one JSON answer per line
  policy-qa serve [--host 127.0.0.1] [--port 3000]   chat server, HTTP API and web page
  policy-qa index                           rebuild the index and print corpus statistics
  policy-qa import FILE… [--id ID] [--region 松江区] [--force]
                                            read .txt/.html/.docx/.pdf into INDEX_DIR/policies/ID.md
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  switch (command) {
    case 'ask': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { region: { type: 'string' }, 'as-of': { type: 'string' }, json: { type: 'boolean', default: false } },
      });
      return askCommand({ question: positionals.join(' '), region: values.region ?? null, asOf: values['as-of'] ?? null, json: values.json === true });
    }
    case 'serve': {
      const { values } = parseArgs({ args: rest, options: { host: { type: 'string' }, port: { type: 'string' } } });
      return serveCommand(values.host ?? null, values.port ?? null);
    }
    case 'index':
      parseArgs({ args: rest, options: {} });
      return indexCommand();
    case 'import': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { id: { type: 'string' }, region: { type: 'string' }, force: { type: 'boolean', default: false } },
      });
      return importCommand(positionals, { id: values.id ?? null, region: values.region ?? null, force: values.force === true });
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`policy-qa: ${(error as Error).message}\n\n${USAGE}`);
      process.exitCode = 2;
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`policy-qa: ${message}\n`);
    if (process.env.DEBUG && error instanceof Error) process.stderr.write(`${error.stack ?? ''}\n`);
    process.exitCode = 1;
  },
);
