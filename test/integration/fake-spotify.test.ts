import { afterEach, describe, expect, it } from 'vitest';
import { startFakeSpotify, type FakeSpotify, type SpotifyAlbum } from '../fakes/spotify/index.js';

interface TokenReply {
  access_token: string;
  token_type: string;
  expires_in: number;
}

interface SearchReply {
  albums: { items: SpotifyAlbum[]; limit: number; offset: number; total: number; next: string | null };
}

let fake: FakeSpotify | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function start(...args: Parameters<typeof startFakeSpotify>): Promise<FakeSpotify> {
  fake = await startFakeSpotify(...args);
  return fake;
}

function requestToken(f: FakeSpotify, secret = f.clientSecret, body = 'grant_type=client_credentials'): Promise<Response> {
  return fetch(f.authUrl, {
    method: 'POST',
    headers: {
      Authorization: `Basic ${Buffer.from(`${f.clientId}:${secret}`).toString('base64')}`,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body,
  });
}

async function token(f: FakeSpotify): Promise<string> {
  return ((await (await requestToken(f)).json()) as TokenReply).access_token;
}

function search(f: FakeSpotify, bearer: string, q: string, extra = '&type=album&limit=10'): Promise<Response> {
  return fetch(`${f.apiUrl}/search?q=${encodeURIComponent(q)}${extra}`, { headers: { Authorization: `Bearer ${bearer}` } });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('fake Spotify', () => {
  it('issues client-credentials tokens and rejects bad clients', async () => {
    const f = await start({ tokenTtlSeconds: 120 });
    const ok = await requestToken(f);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 120 });
    const wrong = await requestToken(f, 'nope');
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_client' });
    expect((await requestToken(f, f.clientSecret, '')).status).toBe(400);
    const inBody = await fetch(f.authUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `grant_type=client_credentials&client_id=${f.clientId}&client_secret=${f.clientSecret}`,
    });
    expect(inBody.status).toBe(200);
    expect(f.tokens).toHaveLength(2);
  });

  it('answers 401 for missing, unknown and expired tokens', async () => {
    const f = await start({ tokenTtlSeconds: 1 });
    const noToken = await fetch(`${f.apiUrl}/search?q=Rumours&type=album`);
    expect(noToken.status).toBe(401);
    expect(await noToken.json()).toEqual({ error: { status: 401, message: 'No token provided' } });
    expect((await search(f, 'BQnot-a-token', 'Rumours')).status).toBe(401);

    const bearer = await token(f);
    await sleep(500);
    expect((await search(f, bearer, 'Rumours')).status).toBe(200);
    await sleep(600);
    const expired = await search(f, bearer, 'Rumours');
    expect(expired.status).toBe(401);
    expect(await expired.json()).toEqual({ error: { status: 401, message: 'The access token expired' } });
    expect((await search(f, await token(f), 'Rumours')).status).toBe(200);
  });

  it('can expire every token on demand', async () => {
    const f = await start();
    const bearer = await token(f);
    expect((await search(f, bearer, 'Discovery')).status).toBe(200);
    f.expireTokens();
    expect((await search(f, bearer, 'Discovery')).status).toBe(401);
  });

  it('enforces the limit <= 10 rule and validates parameters', async () => {
    const f = await start();
    const bearer = await token(f);
    const tooMany = await search(f, bearer, 'Nevermind', '&type=album&limit=11');
    expect(tooMany.status).toBe(400);
    expect(await tooMany.json()).toEqual({ error: { status: 400, message: 'Invalid limit' } });
    expect((await search(f, bearer, 'Nevermind', '&type=album&limit=10')).status).toBe(200);
    expect((await search(f, bearer, 'Nevermind', '&limit=5')).status).toBe(400);
    expect((await search(f, bearer, '', '&type=album')).status).toBe(400);

    const legacy = await startFakeSpotify({ maxLimit: 50 });
    try {
      expect((await search(legacy, await token(legacy), 'Nevermind', '&type=album&limit=50')).status).toBe(200);
    } finally {
      await legacy.close();
    }
  });

  it('returns Spotify-shaped albums with near-misses ranked first', async () => {
    const f = await start();
    const bearer = await token(f);
    const reply = (await (await search(f, bearer, 'album:Nevermind artist:Nirvana')).json()) as SearchReply;
    const names = reply.albums.items.map((a) => `${a.artists[0]!.name} - ${a.name}`);
    expect(names[0]).toBe('Nirvana - Nevermind (Deluxe Edition)');
    expect(names).toEqual(expect.arrayContaining(['Nirvana - Nevermind', 'Nirvana - Live At The Paramount', 'Pale Horizon - Nevermind']));
    const album = reply.albums.items.find((a) => a.name === 'Nevermind' && a.artists[0]!.name === 'Nirvana')!;
    expect(album).toMatchObject({
      release_date: '1991-09-24',
      release_date_precision: 'day',
      external_urls: { spotify: `https://open.spotify.com/album/${album.id}` },
      uri: `spotify:album:${album.id}`,
    });
    expect(album.id).toMatch(/^[0-9A-Za-z]{22}$/);
    expect(album.images.map((i) => i.width)).toEqual([640, 300, 64]);
    const cover = await fetch(album.images[0]!.url);
    expect(cover.headers.get('content-type')).toBe('image/png');

    const byTitleOnly = (await (await search(f, bearer, 'album:"Rumours"')).json()) as SearchReply;
    expect(byTitleOnly.albums.items[0]!.artists[0]!.name).toBe('Lila Grant');
    const accents = (await (await search(f, bearer, 'artist:Bjork album:Homogenic')).json()) as SearchReply;
    expect(accents.albums.items[0]!.artists[0]!.name).toBe('Björk');
    const none = (await (await search(f, bearer, 'artist:"Nobody Known" album:"Nothing Here"')).json()) as SearchReply;
    expect(none.albums).toMatchObject({ items: [], total: 0, next: null });
  });

  it('builds a catalogue with near-misses from given albums', async () => {
    const f = await start({ albums: [{ artist: 'Mara Quist', title: 'Blue Horizons', releaseDate: '1989-04-02' }] });
    expect(f.albums).toHaveLength(4);
    const bearer = await token(f);
    const reply = (await (await search(f, bearer, 'artist:"Mara Quist" album:"Blue Horizons"')).json()) as SearchReply;
    expect(reply.albums.items.map((a) => a.name)).toEqual([
      'Blue Horizons (Deluxe Edition)', 'Blue Horizons', 'Blue Horizons (Live)', 'Blue Horizons',
    ]);
    f.addAlbum({ artist: 'Mara Quist', title: 'Late Arrival', releaseDate: '2025' });
    const added = (await (await search(f, bearer, 'Late Arrival')).json()) as SearchReply;
    expect(added.albums.items[0]).toMatchObject({ name: 'Late Arrival', release_date_precision: 'year' });
  });

  it('answers 429 with Retry-After, from a rolling window or a fault', async () => {
    const f = await start({ rateLimit: { limit: 3, windowMs: 800 }, retryAfterSeconds: 4 });
    const bearer = await token(f);
    for (let i = 0; i < 3; i += 1) expect((await search(f, bearer, 'Discovery')).status).toBe(200);
    const limited = await search(f, bearer, 'Discovery');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(1);

    f.faults.failNext('429', { match: '/v1/search' });
    await sleep(850);
    const faulted = await search(f, bearer, 'Discovery');
    expect(faulted.status).toBe(429);
    expect(faulted.headers.get('retry-after')).toBe('4');
    expect((await search(f, bearer, 'Discovery')).status).toBe(200);
    f.faults.failNext('500');
    expect((await search(f, bearer, 'Discovery')).status).toBe(500);
  });

  it('logs every request', async () => {
    const f = await start();
    const bearer = await token(f);
    await search(f, bearer, 'OK Computer');
    await search(f, bearer, 'Homogenic');
    expect(f.requests.byPath()).toEqual({ '/api/token': 1, '/v1/search': 2 });
    expect(f.requests.count('Homogenic')).toBe(1);
    expect(f.requests.entries.map((e) => e.status)).toEqual([200, 200, 200]);
  });
});
