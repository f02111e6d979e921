// HttpClient.stream(): the body arrives piece by piece; failures before the reply starts are
// retried like send(); a silence longer than the timeout ends the stream with RetryLaterError.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { AuthError, RetryLaterError } from '../../src/core/errors.js';
import { HttpClient } from '../../src/integrations/http.js';
import { silentLogger } from '../../src/log.js';

let server: Server | undefined;
const http = new HttpClient({ userAgent: 'aime/test', log: silentLogger(), timeoutMs: 300, retries: 2, retryBaseMs: 5 });

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

async function serve(replies: Array<(res: ServerResponse) => void>): Promise<{ url: string; hits: () => number }> {
  let hits = 0;
  server = createServer((_req, res) => replies[Math.min(hits++, replies.length - 1)]!(res));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`, hits: () => hits };
}

const trickle = (pieces: string[], gapMs: number, end = true) => (res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  res.flushHeaders();
  pieces.forEach((piece, i) => setTimeout(() => {
    res.write(piece);
    if (end && i === pieces.length - 1) res.end();
  }, gapMs * (i + 1)));
};

it('hands over the body as it arrives, after retrying a 503 that came before it', async () => {
  const { url, hits } = await serve([(res) => res.writeHead(503).end('busy'), trickle(['data: a\n\n', 'data: é', 't\n\n'], 40)]);
  const reply = await http.stream({ url });
  expect(reply.status).toBe(200);
  const seen: Array<{ text: string; at: number }> = [];
  const start = performance.now();
  for await (const text of reply.text) seen.push({ text, at: performance.now() - start });
  expect(seen.map((s) => s.text).join('')).toBe('data: a\n\ndata: ét\n\n');
  expect(seen.length).toBeGreaterThanOrEqual(2);
  expect(seen.at(-1)!.at - seen[0]!.at).toBeGreaterThan(50);
  expect(hits()).toBe(2);
});

it('ends a stream that goes silent longer than the timeout, and does not retry a refused key', async () => {
  const { url } = await serve([trickle(['data: first\n\n'], 5, false)]);
  const reply = await http.stream({ url });
  const pieces: string[] = [];
  const failure = await (async () => {
    for await (const text of reply.text) pieces.push(text);
  })().catch((error: unknown) => error);
  expect(pieces).toEqual(['data: first\n\n']);
  expect(failure).toBeInstanceOf(RetryLaterError);
  expect((failure as Error).message).toMatch(/did not answer within/);

  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  const refused = await serve([(res) => res.writeHead(401).end('{}')]);
  await expect(http.stream({ url: refused.url })).rejects.toThrow(AuthError);
  expect(refused.hits()).toBe(1);
});
