import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../src/bench/net.js';

/**
 * A real nginx (Debian's, installed by .ci/run) in front of server instances, terminating TLS with a
 * self-signed certificate made here by openssl, on a free loopback port, with its own prefix folder:
 * the configuration the README's "Behind a proxy" section shows.
 */

export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
export const OPENSSL = '/usr/bin/openssl';
export const nginxAvailable = existsSync(NGINX) && existsSync(OPENSSL);
if (!nginxAvailable && process.env.CI) throw new Error(`CI needs nginx at ${NGINX} and openssl (apt-get install -y nginx openssl)`);

export interface Nginx {
  /** https://127.0.0.1:PORT */
  origin: string;
  port: number;
  certificate: string;
  stop(): Promise<void>;
}

function config(prefix: string, port: number, upstreams: number[]): string {
  // As root, nginx would hand its workers to www-data, who cannot read this private folder.
  const user = process.getuid?.() === 0 ? 'user root;' : '';
  return `
${user}
daemon off;
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 1024; }
http {
  access_log ${prefix}/access.log;
  client_body_temp_path ${prefix}/client_body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;

  map $http_upgrade $connection_upgrade {
    default upgrade;
    ''      close;
  }
  upstream policy_qa {
${upstreams.map((p) => `    server 127.0.0.1:${p};`).join('\n')}
  }
  server {
    listen 127.0.0.1:${port} ssl;
    ssl_certificate     ${prefix}/cert.pem;
    ssl_certificate_key ${prefix}/key.pem;
    location / {
      proxy_pass http://policy_qa;
      proxy_http_version 1.1;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_read_timeout 1h;
    }
  }
}
`;
}

async function listening(port: number, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 100 && child.exitCode === null; i++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('nginx did not start');
}

export async function startNginx(upstreams: number[]): Promise<Nginx> {
  const prefix = mkdtempSync(join(tmpdir(), 'policy-qa-nginx-'));
  for (const dir of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(prefix, dir));
  execFileSync(OPENSSL, [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1',
    '-keyout', join(prefix, 'key.pem'), '-out', join(prefix, 'cert.pem'),
    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
  ], { stdio: 'ignore' });
  const port = await freePort();
  writeFileSync(join(prefix, 'nginx.conf'), config(prefix, port, upstreams));
  const child = spawn(NGINX, ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-e', join(prefix, 'error.log')], { stdio: 'ignore' });
  try {
    await listening(port, child);
  } catch (error) {
    child.kill('SIGKILL');
    const log = existsSync(join(prefix, 'error.log')) ? readFileSync(join(prefix, 'error.log'), 'utf8') : '';
    throw new Error(`${(error as Error).message}\n${log}`);
  }
  return {
    origin: `https://127.0.0.1:${port}`,
    port,
    certificate: readFileSync(join(prefix, 'cert.pem'), 'utf8'),
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGQUIT');
      await exited;
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}
