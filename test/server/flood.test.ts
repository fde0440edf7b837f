import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer, TestClient } from '../support/app.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

/**
 * One client must not be able to exhaust the server: a socket that stops reading while it floods bad
 * frames, a client that keeps sending bad frames, a socket that no longer answers.
 */

/** A websocket client made by hand: it upgrades, then never reads another byte. */
async function openWithoutReading(port: number): Promise<Socket> {
  const socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  socket.write(
    `GET /ws HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
  );
  let head = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (data: Buffer): void => {
      head += data.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      socket.pause();
      if (head.startsWith('HTTP/1.1 101')) resolve();
      else reject(new Error(head.split('\r\n')[0]));
    };
    socket.on('data', onData);
  });
  return socket;
}

/** Masked one-byte text frames ("x", not JSON): 7 bytes each on the wire. */
function badFrames(count: number): Buffer {
  const frame = Buffer.from([0x81, 0x81, 0, 0, 0, 0, 0x78]);
  return Buffer.concat(Array.from({ length: count }, () => frame));
}

/** Writes up to `bytes` of bad frames as fast as the socket takes them; resolves when done or cut off. */
async function flood(socket: Socket, bytes: number): Promise<{ sent: number; cutOff: boolean }> {
  const chunk = badFrames(10_000);
  let sent = 0;
  let cutOff = false;
  socket.on('error', () => (cutOff = true));
  socket.on('close', () => (cutOff = true));
  while (sent < bytes && !cutOff) {
    const more = socket.write(chunk);
    sent += chunk.length;
    if (!more) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          clearInterval(check);
          resolve();
        };
        const check = setInterval(() => cutOff && done(), 20);
        socket.once('drain', done);
      });
    }
  }
  return { sent, cutOff };
}

describe('a websocket client that floods bad frames and never reads', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    // The question rate is raised out of the way: the output cap alone must stop this client.
    server = await startServerProcess({ QUESTIONS_PER_MINUTE_PER_CONNECTION: '100000', QUESTIONS_PER_MINUTE_PER_IP: '1000000' });
  });
  afterAll(() => server?.stop());

  it('is closed (1013) before the server grows by 50 MB, and the server keeps answering', async () => {
    // Some ordinary traffic first, so that the baseline is a server that has been working.
    const warm = await TestClient.connect(server.wsUrl);
    for (let i = 0; i < 50; i++) {
      warm.send({ type: 'ask', id: `w${i}`, question: i % 2 ? '松江技改补贴' : '我能拿多少两化融合奖励' });
      await warm.end(`w${i}`);
    }
    warm.close();
    const before = server.memory().rssMb;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, server.memory().rssMb)), 50);
    try {
      const socket = await openWithoutReading(server.port);
      // 21 MB of one-byte frames: each would have cost an error frame of about 80 bytes.
      const { sent, cutOff } = await flood(socket, 21 * 1024 * 1024);
      expect(cutOff).toBe(true);
      expect(sent).toBeLessThan(21 * 1024 * 1024);
      socket.destroy();
      const started = Date.now();
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      expect(Date.now() - started).toBeLessThan(1000);
    } finally {
      clearInterval(sampler);
    }
    expect(peak - before).toBeLessThan(50);
    expect(server.logs.join('\n')).toMatch(/"code":1013.*websocket closed: the client is not reading its frames/);
  }, 60_000);
});

describe('websocket limits per connection', () => {
  it('closes a connection that keeps sending bad frames (1008), and logs it', async () => {
    const server = await startTestServer({ env: { QUESTIONS_PER_MINUTE_PER_CONNECTION: '30' } });
    try {
      const client = await TestClient.connect(server.wsUrl);
      for (let i = 0; i < 200; i++) client.send('not json');
      expect((await client.closed).code).toBe(1008);
      const errors = client.frames.filter((f) => f.type === 'error').length;
      expect(errors).toBeGreaterThanOrEqual(29);
      expect(errors).toBeLessThanOrEqual(31);
      expect(server.logs.join('')).toMatch(/websocket closed: too many bad frames/);
    } finally {
      await server.close();
    }
  });

  it('counts bad frames against the question rate', async () => {
    const server = await startTestServer({ env: { QUESTIONS_PER_MINUTE_PER_CONNECTION: '5' } });
    try {
      const client = await TestClient.connect(server.wsUrl);
      for (let i = 0; i < 4; i++) client.send({ type: 'cancel', id: `none-${i}` });
      client.send({ type: 'ask', id: 'ok', question: '松江技改补贴' });
      expect(await client.end('ok')).toMatchObject({ type: 'done' });
      client.send({ type: 'ask', id: 'over', question: '松江技改补贴' });
      expect(await client.end('over')).toMatchObject({ type: 'error', code: 'rate-limited' });
      client.close();
    } finally {
      await server.close();
    }
  });

  it('closes a connection that keeps asking after being told to wait', async () => {
    const server = await startTestServer({ env: { QUESTIONS_PER_MINUTE_PER_CONNECTION: '2' } });
    try {
      const client = await TestClient.connect(server.wsUrl);
      for (let i = 0; i < 40; i++) client.send({ type: 'ask', id: `q${i}`, question: '松江技改补贴' });
      expect((await client.closed).code).toBe(1008);
      expect(client.frames.filter((f) => f.code === 'rate-limited').length).toBeGreaterThanOrEqual(20);
      expect(server.logs.join('')).toMatch(/websocket closed: kept asking over the question rate/);
    } finally {
      await server.close();
    }
  });

  it('closes sockets that stop answering pings, so they stop counting against the address', async () => {
    const server = await startTestServer({ env: { WS_HEARTBEAT_MS: '200', CONNECTIONS_PER_IP: '2' } });
    try {
      const dead = await Promise.all(
        [1, 2].map(
          () =>
            new Promise<WebSocket>((resolve, reject) => {
              // A client whose side has gone away: it never answers a ping.
              const socket = new WebSocket(server.wsUrl, { autoPong: false });
              socket.once('open', () => resolve(socket));
              socket.once('error', reject);
            }),
        ),
      );
      const refused = await TestClient.connect(server.wsUrl);
      expect((await refused.closed).code).toBe(1013);
      const closedAt = await Promise.all(dead.map((s) => new Promise<number>((resolve) => s.once('close', () => resolve(Date.now())))));
      expect(closedAt.length).toBe(2);
      const alive = await TestClient.connect(server.wsUrl);
      await new Promise((r) => setTimeout(r, 700));
      expect(alive.socket.readyState).toBe(WebSocket.OPEN);
      alive.send({ type: 'ask', id: 'a', question: '松江技改补贴' });
      expect(await alive.end('a')).toMatchObject({ type: 'done' });
      expect(server.logs.join('')).toMatch(/websocket closed: no answer to ping/);
      alive.close();
    } finally {
      await server.close();
    }
  });
});
