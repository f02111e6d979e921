// The listener against slow and greedy clients (raw TCP sockets): a request head that never ends,
// a body that never comes, more connections than allowed; tokens never reach the log; a wildcard
// bind is warned about; stop() closes what is open.
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { call, startListener, submit, type RunningListener } from '../support/http-listener.js';

const running: RunningListener[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  for (const listener of running.splice(0)) await listener.close();
});
async function listener(options: Parameters<typeof startListener>[0] = {}) {
  const started = await startListener(options);
  running.push(started);
  return started;
}

/** A raw connection; resolves what the server sent once it closes the connection (or after `giveUpMs`). */
function rawConnection(url: string, giveUpMs: number): { socket: Socket; closed: Promise<{ received: string; closed: boolean; afterMs: number }> } {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  sockets.push(socket);
  const started = Date.now();
  let received = '';
  socket.on('data', (chunk) => (received += chunk.toString('latin1')));
  socket.on('error', () => undefined);
  const closed = new Promise<{ received: string; closed: boolean; afterMs: number }>((resolve) => {
    const timer = setTimeout(() => resolve({ received, closed: false, afterMs: Date.now() - started }), giveUpMs);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ received, closed: true, afterMs: Date.now() - started });
    });
  });
  return { socket, closed };
}

const QUICK = { headersTimeoutMs: 600, requestTimeoutMs: 1_200, timeoutCheckIntervalMs: 100 };

describe('slow clients', () => {
  it('cuts off a request head that never ends (slowloris) with 408', async () => {
    const aime = await listener({ limits: QUICK });
    const { socket, closed } = rawConnection(aime.url, 10_000);
    socket.write('POST /1/submit-listens HTTP/1.1\r\nHost: aime\r\nX-Slow: 1\r\n');
    const outcome = await closed;
    expect(outcome.closed).toBe(true);
    expect(outcome.received).toMatch(/^HTTP\/1\.1 408/);
    expect(outcome.afterMs).toBeLessThan(8_000);
  });

  it('cuts off a body that stops coming, and a connection that never says anything', async () => {
    const aime = await listener({ limits: QUICK });
    const slowBody = rawConnection(aime.url, 10_000);
    slowBody.socket.write(`POST /1/submit-listens HTTP/1.1\r\nHost: aime\r\nAuthorization: Token ${aime.token}\r\nContent-Length: 500\r\n\r\n{"listen_type":`);
    const silent = rawConnection(aime.url, 10_000);
    const [body, quiet] = await Promise.all([slowBody.closed, silent.closed]);
    expect(body.closed).toBe(true);
    expect(quiet.closed).toBe(true);
    expect(aime.db.sqlite.prepare('SELECT COUNT(*) FROM listening_history').pluck().get()).toBe(0);
  });
});

describe('greedy clients', () => {
  it('refuses connections beyond the cap, and takes new ones once others close', async () => {
    const aime = await listener({ limits: { maxConnections: 3 } });
    const held = [rawConnection(aime.url, 5_000), rawConnection(aime.url, 5_000), rawConnection(aime.url, 5_000)];
    for (const connection of held) connection.socket.write('GET /health HTTP/1.1\r\nHost: aime\r\n');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const extra = rawConnection(aime.url, 5_000);
    const refused = await extra.closed;
    expect(refused.closed).toBe(true);
    expect(refused.received).toBe('');
    for (const connection of held) connection.socket.destroy();
    await Promise.all(held.map((connection) => connection.closed));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await call(`${aime.url}/health`)).status).toBe(200);
  });
});

describe('secrets', () => {
  it('never writes a token to the log, whether in the header, in ?token= or wrong', async () => {
    const aime = await listener({ logLevel: 'trace' });
    const wrong = 'f'.repeat(64);
    await submit(aime, { listen_type: 'single', payload: [{ listened_at: 1_700_000_000, track_metadata: { artist_name: 'Air', track_name: 'Kelly' } }] });
    await submit(aime, { listen_type: 'single', payload: [] });
    await submit(aime, '{}', { authorization: `Token ${wrong}` });
    await call(`${aime.url}/1/validate-token?token=${aime.token}`);
    await call(`${aime.url}/apis/listenbrainz/1/validate-token?token=${wrong}`);
    await call(`${aime.url}/1/validate-token`, { headers: { authorization: `Token ${aime.token}` } });
    await call(`${aime.url}/nowhere?token=${aime.token}`);
    const log = aime.logLines.join('');
    expect(aime.logLines.filter((line) => line.includes('"HTTP request"')).length).toBeGreaterThanOrEqual(7);
    expect(log).not.toContain(aime.token);
    expect(log).not.toContain(wrong);
  });
});

describe('binding', () => {
  it('warns when it listens on every interface, not on loopback', async () => {
    const loopback = await listener();
    expect(loopback.logLines.some((line) => line.includes('"level":40'))).toBe(false);
    const everywhere = await listener({ listen: '0.0.0.0:0' });
    const warning = everywhere.logLines.find((line) => line.includes('"level":40'));
    expect(warning).toMatch(/every network interface/);
    expect(everywhere.listener.report()).toMatchObject({ running: true, details: { url: everywhere.url } });
    expect((await call(`http://127.0.0.1:${new URL(everywhere.url).port}/health`)).status).toBe(200);
  });

  it('stops: the port no longer answers, an open keep-alive connection included', async () => {
    const aime = await listener();
    const { Agent, request } = await import('undici');
    const agent = new Agent({ keepAliveTimeout: 30_000 });
    const first = await request(`${aime.url}/health`, { dispatcher: agent });
    await first.body.dump();
    await aime.listener.stop();
    await expect(request(`${aime.url}/health`, { dispatcher: agent })).rejects.toThrow();
    await agent.close();
    expect(aime.listener.report().running).toBe(false);
  });
});
