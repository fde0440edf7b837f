import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ConfigError, describeConfig, loadConfig, maskUrl } from '../../src/config.js';
import { startTestServer, TestClient, type TestServer } from '../support/app.js';

/** HTTP bounded: slow clients, many connections, one budget per address, strict bodies, honest headers. */

async function withServer(env: Record<string, string>, run: (server: TestServer) => Promise<void>): Promise<void> {
  const server = await startTestServer({ env });
  try {
    await run(server);
  } finally {
    await server.close();
  }
}

const portOf = (server: TestServer): number => Number(new URL(server.url).port);

/** A raw connection that writes `pieces` one every `everyMs`, and reports how and when it ended. */
function trickle(port: number, pieces: string[], everyMs: number): Promise<{ ms: number; status: string }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const started = Date.now();
    let received = '';
    let next = 0;
    const timer = setInterval(() => {
      if (next < pieces.length && !socket.destroyed) socket.write(pieces[next++] ?? '');
    }, everyMs);
    socket.on('data', (data) => (received += data.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ ms: Date.now() - started, status: received.split('\r\n')[0] ?? '' });
    });
  });
}

const ASK_HEAD = 'POST /api/ask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n';
const TIMEOUTS = { HTTP_REQUEST_TIMEOUT_MS: '1000', HTTP_HEADERS_TIMEOUT_MS: '600' };

describe('slow clients', () => {
  it('answers a body sent a byte at a time with 408 once the request timeout passes', () =>
    withServer(TIMEOUTS, async (server) => {
      const result = await trickle(portOf(server), [ASK_HEAD, ...'{"question":"松江技改补贴最高能补多少钱呢"}'.split('')], 300);
      expect(result.status).toBe('HTTP/1.1 408 Request Timeout');
      expect(result.ms).toBeLessThan(2500);
    }));

  it('answers headers sent a byte at a time with 408, and closes a connection that sends nothing', () =>
    withServer(TIMEOUTS, async (server) => {
      const slowHeaders = await trickle(portOf(server), ASK_HEAD.split(''), 150);
      expect(slowHeaders.status).toBe('HTTP/1.1 408 Request Timeout');
      expect(slowHeaders.ms).toBeLessThan(2000);
      const silent = await trickle(portOf(server), [], 1000);
      expect(silent.ms).toBeLessThan(2000);
    }));

  it('refuses timeouts that do not fit together', () => {
    expect(() => loadConfig({ HTTP_REQUEST_TIMEOUT_MS: '1000', HTTP_HEADERS_TIMEOUT_MS: '5000' })).toThrow(ConfigError);
  });
});

describe('connections per address', () => {
  it('closes connections past HTTP_CONNECTIONS_PER_IP at once, and takes new ones when some close', () =>
    withServer({ HTTP_CONNECTIONS_PER_IP: '5', CONNECTIONS_PER_IP: '2' }, async (server) => {
      const sockets: Socket[] = [];
      const closed = new Set<Socket>();
      for (let i = 0; i < 8; i++) {
        const socket = connect(portOf(server), '127.0.0.1');
        socket.on('error', () => undefined);
        socket.on('close', () => closed.add(socket));
        sockets.push(socket);
        await new Promise((r) => socket.once('connect', r));
      }
      await expect.poll(() => closed.size).toBe(3);
      expect(sockets.slice(0, 5).every((s) => !closed.has(s))).toBe(true);
      expect(server.logs.join('')).toMatch(/connection refused: too many open connections from one address/);
      for (const socket of sockets) socket.destroy();
      // (fetch retries a connection closed before its response, so each try gets a time limit.)
      await expect.poll(async () => (await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(300) })).status).toBe(200);
    }));

  it('refuses a cap on connections below the websocket cap', () => {
    expect(() => loadConfig({ CONNECTIONS_PER_IP: '50', HTTP_CONNECTIONS_PER_IP: '10' })).toThrow(ConfigError);
  });
});

describe('one HTTP budget per address', () => {
  it('counts every route against the same budget, health included', () =>
    withServer({ HTTP_REQUESTS_PER_MINUTE: '4' }, async (server) => {
      const codes = [
        (await fetch(`${server.url}/api/policies`)).status,
        (await fetch(`${server.url}/api/health`)).status,
        (await fetch(`${server.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"question":"松江技改补贴"}' })).status,
        (await fetch(`${server.url}/`)).status,
        (await fetch(`${server.url}/api/health`)).status,
        (await fetch(`${server.url}/api/policies`)).status,
      ];
      expect(codes).toEqual([200, 200, 200, 200, 429, 429]);
    }));

  it('counts requests for routes that do not exist', () =>
    withServer({ HTTP_REQUESTS_PER_MINUTE: '2' }, async (server) => {
      const codes = [];
      for (const path of ['/wp-admin', '/.env', '/api/health']) codes.push((await fetch(`${server.url}${path}`)).status);
      expect(codes).toEqual([404, 404, 429]);
    }));

  it('tells nothing about the process in /api/health', () =>
    withServer({}, async (server) => {
      expect(await (await fetch(`${server.url}/api/health`)).json()).toEqual({ status: 'ok', mode: 'extractive' });
    }));
});

describe('strict requests', () => {
  it('refuses a body with a key nobody defined (400), instead of dropping it', () =>
    withServer({}, async (server) => {
      const response = await server.app.inject({ method: 'POST', url: '/api/ask', payload: { question: '松江技改补贴', regoin: '松江' } });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: { code: 'bad-request' } });
      expect(response.json<{ error: { message: string } }>().error.message).toMatch(/additional properties/);
    }));

  it('refuses a frame with a key nobody defined, and stays usable', () =>
    withServer({}, async (server) => {
      const client = await TestClient.connect(server.wsUrl);
      client.send({ type: 'ask', id: 'x', question: '松江技改补贴', regoin: '松江' });
      expect(await client.end('x')).toMatchObject({ type: 'error', code: 'bad-request', message: 'unknown field "regoin" in a ask frame' });
      client.send({ type: 'cancel', id: 'y', now: true });
      expect(await client.next((f) => f.id === 'y')).toMatchObject({ type: 'error', code: 'bad-request' });
      client.send({ type: 'ask', id: 'ok', question: '松江技改补贴' });
      expect(await client.end('ok')).toMatchObject({ type: 'done' });
      client.close();
    }));
});

describe('headers a client or a proxy sends', () => {
  it('sends HSTS only over https, and believes X-Forwarded-Proto only from a trusted proxy', async () => {
    await withServer({}, async (server) => {
      expect((await fetch(`${server.url}/`)).headers.get('strict-transport-security')).toBeNull();
      const spoofed = await fetch(`${server.url}/`, { headers: { 'x-forwarded-proto': 'https' } });
      expect(spoofed.headers.get('strict-transport-security')).toBeNull();
    });
    await withServer({ TRUST_PROXY: 'loopback' }, async (server) => {
      const proxied = await fetch(`${server.url}/`, { headers: { 'x-forwarded-proto': 'https' } });
      expect(proxied.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    });
  });

  it('answers only for its own names when PUBLIC_ORIGIN is set (DNS rebinding)', () =>
    withServer({ PUBLIC_ORIGIN: 'https://qa.example.com', ALLOWED_ORIGINS: 'https://partner.example' }, async (server) => {
      const as = (host: string) => server.app.inject({ url: '/api/health', headers: { host } });
      expect((await as('qa.example.com')).statusCode).toBe(200);
      expect((await as('qa.example.com:443')).statusCode).toBe(200);
      expect((await as('partner.example')).statusCode).toBe(200);
      const rebound = await as('evil.example');
      expect(rebound.statusCode).toBe(421);
      expect(rebound.json()).toMatchObject({ error: { code: 'bad-host' } });
      await expect(TestClient.connect(server.wsUrl)).rejects.toThrow(/421/);
      const page = await TestClient.connect(server.wsUrl, { host: 'qa.example.com', origin: 'https://qa.example.com' });
      page.close();
      await expect(TestClient.connect(server.wsUrl, { host: 'qa.example.com', origin: 'http://qa.example.com' })).rejects.toThrow(/403/);
      expect(server.logs.join('')).toMatch(/request refused: Host is not one of PUBLIC_ORIGIN/);
    }));

  it('takes the client address and https from X-Forwarded-* only when TRUST_PROXY says so', async () => {
    const askAs = async (server: TestServer, forwardedFor: string): Promise<number> =>
      (await fetch(`${server.url}/api/policies`, { headers: { 'x-forwarded-for': forwardedFor } })).status;
    // Not trusted: two "clients" behind one address share its budget.
    await withServer({ HTTP_REQUESTS_PER_MINUTE: '2' }, async (server) => {
      expect([await askAs(server, '203.0.113.1'), await askAs(server, '203.0.113.2'), await askAs(server, '203.0.113.3')]).toEqual([200, 200, 429]);
      await expect(TestClient.connect(server.wsUrl, { origin: server.url.replace('http:', 'https:'), 'x-forwarded-proto': 'https' })).rejects.toThrow(/403/);
    });
    for (const trust of ['loopback', '127.0.0.1/8', '1', 'true']) {
      await withServer({ HTTP_REQUESTS_PER_MINUTE: '2', TRUST_PROXY: trust }, async (server) => {
        expect([await askAs(server, '203.0.113.1'), await askAs(server, '203.0.113.1'), await askAs(server, '203.0.113.1')]).toEqual([200, 200, 429]);
        expect(await askAs(server, '203.0.113.2')).toBe(200);
        const page = await TestClient.connect(server.wsUrl, { origin: server.url.replace('http:', 'https:'), 'x-forwarded-proto': 'https' });
        page.close();
      });
    }
  });

  it('refuses a TRUST_PROXY it cannot read', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'not-an-address' })).toThrow(ConfigError);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/99' })).toThrow(ConfigError);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, loopback' }).trustProxy).toEqual({ kind: 'addresses', list: ['10.0.0.0/8', 'loopback'] });
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toEqual({ kind: 'hops', hops: 2 });
  });
});

describe('logged configuration', () => {
  it('masks credentials in URLs', () => {
    expect(maskUrl('http://user:p4ss@llm.internal:8000/v1?key=abc123&model=x')).toBe('http://***:***@llm.internal:8000/v1?key=***&model=x');
    const described = JSON.stringify(
      describeConfig(
        loadConfig({
          OPENAI_API_KEY: 'sk-secret-key',
          OPENAI_BASE_URL: 'https://proxy.example/v1?api_key=zzz999',
          REDIS_URL: 'redis://:hunter2@127.0.0.1:6379',
        }),
      ),
    );
    expect(described).not.toMatch(/sk-secret-key|zzz999|hunter2/);
    expect(described).toContain('api_key=***');
  });
});
