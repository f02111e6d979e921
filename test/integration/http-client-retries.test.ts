import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AuthError, RetryLaterError } from '../../src/core/errors.js';
import { HttpClient, MinIntervalPacer } from '../../src/integrations/http.js';
import { silentLogger } from '../../src/log.js';

type Reply = (req: IncomingMessage, res: ServerResponse) => void;
let server: Server | undefined;

async function serve(replies: Reply[]): Promise<{ url: string; hits: () => number; agents: string[] }> {
  let hits = 0;
  const agents: string[] = [];
  server = createServer((req, res) => {
    agents.push(String(req.headers['user-agent']));
    const reply = replies[Math.min(hits, replies.length - 1)] as Reply;
    hits++;
    reply(req, res);
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/x?api_key=secret`, hits: () => hits, agents };
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

const client = (overrides: Partial<ConstructorParameters<typeof HttpClient>[0]> = {}) =>
  new HttpClient({ userAgent: 'aime/test (+https://example.org)', log: silentLogger(), timeoutMs: 500, retries: 4, retryBaseMs: 5, ...overrides });

const ok: Reply = (_req, res) => res.end('{"ok":true}');
const status = (code: number, headers: Record<string, string> = {}): Reply => (_req, res) => {
  res.writeHead(code, headers);
  res.end('{}');
};

describe('the shared HTTP client', () => {
  it('retries 5xx and 429, honours Retry-After, and sends the User-Agent', async () => {
    const fake = await serve([status(500), status(429, { 'retry-after': '0' }), status(503), ok]);
    const body = await client().json<{ ok: boolean }>({ url: fake.url });
    expect(body.ok).toBe(true);
    expect(fake.hits()).toBe(4);
    expect(new Set(fake.agents)).toEqual(new Set(['aime/test (+https://example.org)']));
  });

  it('retries a dropped connection and a stalled answer (timeout)', async () => {
    const drop: Reply = (req) => req.socket.destroy();
    const stall: Reply = () => undefined;
    const fake = await serve([drop, stall, ok]);
    expect(await client({ timeoutMs: 200 }).json({ url: fake.url })).toEqual({ ok: true });
    expect(fake.hits()).toBe(3);
  });

  it('gives up after its retries with a RetryLaterError, and never retries a refused credential', async () => {
    const failing = await serve([status(502)]);
    await expect(client({ retries: 2 }).send({ url: failing.url })).rejects.toBeInstanceOf(RetryLaterError);
    expect(failing.hits()).toBe(3);
    server?.close();
    const refusing = await serve([status(401)]);
    await expect(client().send({ url: refusing.url })).rejects.toBeInstanceOf(AuthError);
    expect(refusing.hits()).toBe(1);
  });

  it('lets a service classify a 200 reply as a passing failure', async () => {
    const fake = await serve([(_req, res) => res.end('{"error":8}'), ok]);
    const classify = (response: { body: string }) => (response.body.includes('"error"') ? new RetryLaterError('error 8') : undefined);
    expect(await client().json({ url: fake.url, classify })).toEqual({ ok: true });
    expect(fake.hits()).toBe(2);
  });

  it('paces requests with a minimum interval', async () => {
    const fake = await serve([ok]);
    const pacer = new MinIntervalPacer(100);
    const http = client();
    const started = Date.now();
    for (let i = 0; i < 4; i++) await http.send({ url: fake.url, pacer });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('reports a reply that is not JSON as a passing failure', async () => {
    const fake = await serve([(_req, res) => res.end('<html>oops')]);
    await expect(client({ retries: 0 }).json({ url: fake.url })).rejects.toThrow(/not JSON/);
  });
});
