import { execFileSync } from 'node:child_process';

/** The CLI tests run the built program, as a user does: build it once before the suite. */
export default function setup(): void {
  for (const project of ['tsconfig.build.json', 'tsconfig.web.json']) {
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project], { stdio: 'inherit' });
  }
}
