// Last.fm sometimes answers with another user's recent tracks: the client asks again.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { HttpClient } from '../../src/integrations/http.js';
import { LastfmClient } from '../../src/integrations/lastfm/client.js';
import { silentLogger } from '../../src/log.js';

const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

it('refuses a page of another user and takes the next answer', async () => {
  const owners = ['someone-else', 'aime-test'];
  const server = createServer((_req, res) => {
    const user = owners.shift() ?? 'aime-test';
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ recenttracks: { '@attr': { user, page: '1', totalPages: '1', total: '1' }, track: { artist: { '#text': user }, name: 'Song', album: { '#text': '' }, date: { uts: '1700000000' } } } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => server.close(resolve)));
  const http = new HttpClient({ userAgent: 'aime-test', log: silentLogger(), timeoutMs: 2000, retries: 2, retryBaseMs: 1 });
  closers.push(() => http.close());
  const client = new LastfmClient(http, { apiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/2.0/`, apiKey: 'k', username: 'AIME-TEST' });
  const page = await client.recentTracks({ page: 1, limit: 200 });
  expect(page.plays.map((play) => play.artist)).toEqual(['aime-test']);
  expect(owners).toEqual([]);
});
