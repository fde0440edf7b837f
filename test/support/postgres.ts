import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from '../../src/bench/net.js';

/**
 * A real PostgreSQL for the store tests: Debian's server binaries (apt-get install postgresql), a
 * cluster of its own in a temporary folder, on a free loopback port, stopped and removed afterwards.
 * PostgreSQL refuses to run as root; as root, it runs as the package's `postgres` user.
 */

function serverBinaries(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(base, versions[0], 'bin') : null;
}

export const POSTGRES_BIN = serverBinaries();
export const postgresAvailable = POSTGRES_BIN !== null;
if (!postgresAvailable && process.env.CI) throw new Error('CI needs PostgreSQL (apt-get install -y postgresql)');

/** uid and gid to run the server as: ours, or the postgres user's when we are root. */
function runAs(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const entry = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .map((line) => line.split(':'))
    .find((fields) => fields[0] === 'postgres');
  if (!entry) throw new Error('running as root, and there is no postgres user to run PostgreSQL as');
  return { uid: Number(entry[2]), gid: Number(entry[3]) };
}

export interface PostgresServer {
  url: string;
  stop(): Promise<void>;
}

export async function startPostgres(): Promise<PostgresServer> {
  if (!POSTGRES_BIN) throw new Error('PostgreSQL is not installed');
  const user = runAs();
  const dir = mkdtempSync(join(tmpdir(), 'policy-qa-pg-'));
  if (user) chownSync(dir, user.uid, user.gid);
  const as = user ? { uid: user.uid, gid: user.gid } : {};
  const init = spawnSync(join(POSTGRES_BIN, 'initdb'), ['-D', join(dir, 'data'), '-U', 'policyqa', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'], {
    ...as,
    cwd: dir,
    encoding: 'utf8',
  });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);

  const port = await freePort();
  const child: ChildProcess = spawn(
    join(POSTGRES_BIN, 'postgres'),
    ['-D', join(dir, 'data'), '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off'],
    { ...as, cwd: dir, stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `postgres://policyqa@127.0.0.1:${port}/postgres`;
  for (let attempt = 0; ; attempt++) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      break;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (attempt > 200 || child.exitCode !== null) throw new Error(`PostgreSQL did not start: ${(error as Error).message}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    url,
    stop: async () => {
      child.kill('SIGINT'); // fast shutdown: disconnect clients, no waiting
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh, empty database on the server, so that suites sharing one server do not see each other's rows. */
export async function freshDatabase(server: PostgresServer, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name}`);
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  return server.url.replace(/\/postgres$/, `/${name}`);
}
