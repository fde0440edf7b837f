import proxyAddr from '@fastify/proxy-addr';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Server } from 'node:http';
import type { Config, TrustProxy } from '../config.js';

/**
 * Where a request comes from and what it was addressed to, behind a proxy or not: which peers may
 * speak for the client (TRUST_PROXY), the origins of the server's own pages (PUBLIC_ORIGIN, or what a
 * trusted proxy says the request was for), the Host names it answers to, HSTS only over TLS, and a
 * cap on the TCP connections one address holds open.
 */

export type TrustFunction = (address: string, hop: number) => boolean;

/**
 * TRUST_PROXY as a function Fastify takes. Fastify refuses a bare hop count (it cannot tell a proxy
 * from a client); here it means what it says: the nearest n peers are proxies, which is right only
 * when clients cannot reach the server but through them (the README says so).
 */
export function trustFunction(setting: TrustProxy): TrustFunction | false {
  switch (setting.kind) {
    case 'none':
      return false;
    case 'all':
      return () => true;
    case 'hops': {
      const { hops } = setting;
      return (_address, hop) => hop < hops;
    }
    case 'addresses':
      return proxyAddr.compile(setting.list);
  }
}

/** The origins this server's own pages are served from. */
export function ownOrigins(request: FastifyRequest, publicOrigins: string[]): string[] {
  if (publicOrigins.length > 0) return publicOrigins;
  return [`${request.protocol}://${request.host}`];
}

const DEFAULT_PORT: Record<string, string> = { 'http:': '80', 'https:': '443' };

/** Host header values that name one of these origins (with and without their default port). */
function hostsOf(origins: string[]): Set<string> {
  const hosts = new Set<string>();
  for (const origin of origins) {
    const url = new URL(origin);
    hosts.add(url.host.toLowerCase());
    if (url.port === '') hosts.add(`${url.hostname}:${DEFAULT_PORT[url.protocol] ?? ''}`.toLowerCase());
  }
  return hosts;
}

/** HSTS tells browsers to use https from now on: only meaningful, and only sent, over https. */
const HSTS = 'max-age=31536000; includeSubDomains';

export function registerProxyAwareness(app: FastifyInstance, config: Config): void {
  // With PUBLIC_ORIGIN set, a request for another name (DNS rebinding: evil.example resolving here)
  // is refused before it reaches a route.
  if (config.publicOrigins.length > 0) {
    const hosts = hostsOf([...config.publicOrigins, ...config.allowedOrigins]);
    app.addHook('onRequest', async (request, reply) => {
      if (hosts.has(request.host.toLowerCase())) return;
      request.log.warn({ host: request.host }, 'request refused: Host is not one of PUBLIC_ORIGIN');
      return reply.status(421).send({ error: { code: 'bad-host', message: 'this server does not answer for that host name' } });
    });
  }
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
    return payload;
  });
}

/** How often one address's refused connections are logged: once per this many milliseconds. */
const REFUSAL_LOG_MS = 60_000;

/**
 * At most `limit` open TCP connections (HTTP keep-alive and websockets alike) per peer address; a
 * trusted proxy carries many clients and is not counted (limit connections at the proxy).
 */
export function capConnections(server: Server, limit: number, trusted: TrustFunction | false, log: FastifyInstance['log']): void {
  const open = new Map<string, number>();
  const loggedAt = new Map<string, number>();
  server.on('connection', (socket) => {
    const address = socket.remoteAddress ?? '';
    if (trusted && trusted(address, 0)) return;
    const count = (open.get(address) ?? 0) + 1;
    if (count > limit) {
      socket.destroy();
      const now = Date.now();
      if (now - (loggedAt.get(address) ?? 0) >= REFUSAL_LOG_MS) {
        loggedAt.set(address, now);
        log.warn({ ip: address, limit }, 'connection refused: too many open connections from one address');
      }
      if (loggedAt.size > 10_000) loggedAt.clear();
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left <= 0) open.delete(address);
      else open.set(address, left);
    });
  });
}
