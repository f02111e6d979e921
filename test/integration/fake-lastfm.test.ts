// The Last.fm stand-in must be as awkward as the real API, or client tests prove nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { generateHistory, startFakeLastfm, type FakeLastfm, type Scrobble } from '../fakes/lastfm/index.js';

interface Text { '#text': string; mbid: string }
interface RecentTrack {
  '@attr'?: { nowplaying: string };
  artist: Text | { name: string; url: string; mbid: string; image: unknown[] };
  album: Text;
  name: string;
  mbid: string;
  image: Array<{ size: string; '#text': string }>;
  date?: { uts: string; '#text': string };
  loved?: string;
}
interface PageAttr { user: string; page: string; perPage: string; totalPages: string; total: string }
interface RecentTracks { recenttracks: { track: RecentTrack | RecentTrack[]; '@attr': PageAttr } }
interface LovedTracks { lovedtracks: { track: RecentTrack | RecentTrack[]; '@attr': PageAttr } }
interface ErrorBody { error: number; message: string }

const fakes: FakeLastfm[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

async function start(...args: Parameters<typeof startFakeLastfm>): Promise<FakeLastfm> {
  const fake = await startFakeLastfm(...args);
  fakes.push(fake);
  return fake;
}

async function call<T>(url: string, init?: RequestInit): Promise<{ status: number; body: T }> {
  const res = await fetch(url, init);
  return { status: res.status, body: (await res.json()) as T };
}

function list<T>(track: T | T[]): T[] {
  return Array.isArray(track) ? track : [track];
}

const BASE = 1_700_000_000;
function plain(n: number, step = 300): Scrobble[] {
  return Array.from({ length: n }, (_, i) => ({ artist: `Artist ${i % 7}`, album: `Album ${i % 3}`, title: `Song ${i}`, timestamp: BASE + i * step }));
}

describe('user.getRecentTracks', () => {
  it('pages newest first with every number as a string', async () => {
    const fake = await start({ scrobbles: plain(450) });
    const first = await call<RecentTracks>(fake.urlFor('user.getRecentTracks', { limit: 200 }));
    expect(first.status).toBe(200);
    expect(first.body.recenttracks['@attr']).toEqual({ user: 'aime-test', page: '1', perPage: '200', totalPages: '3', total: '450' });
    const seen: number[] = [];
    for (let page = 1; page <= 3; page++) {
      const { body } = await call<RecentTracks>(fake.urlFor('user.getRecentTracks', { limit: 200, page }));
      for (const t of list(body.recenttracks.track)) seen.push(Number(t.date!.uts));
    }
    expect(seen).toHaveLength(450);
    expect(seen[0]).toBe(BASE + 449 * 300);
    expect(seen.every((uts, i) => i === 0 || uts < seen[i - 1]!)).toBe(true);
    const beyond = await call<RecentTracks>(fake.urlFor('user.getRecentTracks', { limit: 200, page: 4 }));
    expect(beyond.body.recenttracks.track).toEqual([]);
    expect(beyond.body.recenttracks['@attr'].page).toBe('4');
  });

  it('caps limit at 200 and defaults to 50', async () => {
    const fake = await start({ scrobbles: plain(450) });
    const big = await call<RecentTracks>(fake.urlFor('user.getRecentTracks', { limit: 1000 }));
    expect(big.body.recenttracks['@attr'].perPage).toBe('200');
    expect(list(big.body.recenttracks.track)).toHaveLength(200);
    const dflt = await call<RecentTracks>(fake.urlFor('user.getRecentTracks'));
    expect(list(dflt.body.recenttracks.track)).toHaveLength(50);
  });

  it('sends a lone track as an object and no track as an empty array', async () => {
    const fake = await start({ scrobbles: plain(1) });
    const one = await call<RecentTracks>(fake.urlFor('user.getRecentTracks'));
    expect(Array.isArray(one.body.recenttracks.track)).toBe(false);
    expect((one.body.recenttracks.track as RecentTrack).name).toBe('Song 0');
    const empty = await start({ user: 'nobody-listens' });
    const none = await call<RecentTracks>(empty.urlFor('user.getRecentTracks'));
    expect(none.body.recenttracks.track).toEqual([]);
    expect(none.body.recenttracks['@attr']).toMatchObject({ total: '0', totalPages: '0' });
  });

  it('puts the playing track on top of page 1 only, without a date', async () => {
    const fake = await start({ scrobbles: plain(10) });
    fake.setNowPlaying({ artist: 'Live Band', album: 'Now', title: 'Playing' });
    const p1 = list((await call<RecentTracks>(fake.urlFor('user.getRecentTracks', { limit: 5 }))).body.recenttracks.track);
    expect(p1).toHaveLength(6);
    expect(p1[0]!['@attr']).toEqual({ nowplaying: 'true' });
    expect(p1[0]!.date).toBeUndefined();
    expect(p1[0]!.name).toBe('Playing');
    const p2 = await call<RecentTracks>(fake.urlFor('user.getRecentTracks', { limit: 5, page: 2 }));
    expect(list(p2.body.recenttracks.track).every((t) => t['@attr'] === undefined)).toBe(true);
    expect(p2.body.recenttracks['@attr'].total).toBe('10');
    fake.setNowPlaying(null);
    expect(list((await call<RecentTracks>(fake.urlFor('user.getRecentTracks', { limit: 5 }))).body.recenttracks.track)).toHaveLength(5);
  });

  it('a playing track alone is a single object too', async () => {
    const fake = await start();
    fake.setNowPlaying({ artist: 'A', title: 'B' });
    const { body } = await call<RecentTracks>(fake.urlFor('user.getRecentTracks'));
    expect(Array.isArray(body.recenttracks.track)).toBe(false);
    expect((body.recenttracks.track as RecentTrack)['@attr']?.nowplaying).toBe('true');
  });

  it('filters with from inclusive and to exclusive', async () => {
    const fake = await start({ scrobbles: plain(100, 60) });
    const from = BASE + 10 * 60;
    const to = BASE + 20 * 60;
    const { body } = await call<RecentTracks>(fake.urlFor('user.getRecentTracks', { from, to, limit: 200 }));
    const uts = list(body.recenttracks.track).map((t) => Number(t.date!.uts));
    expect(uts).toHaveLength(10);
    expect(Math.min(...uts)).toBe(from);
    expect(Math.max(...uts)).toBe(to - 60);
    expect(body.recenttracks['@attr'].total).toBe('10');
  });

  it('keeps a to-pinned window stable while new scrobbles arrive', async () => {
    const fake = await start({ scrobbles: plain(300) });
    const to = BASE + 300 * 300;
    const before = await call<RecentTracks>(fake.urlFor('user.getRecentTracks', { to, page: 2, limit: 100 }));
    fake.addScrobble({ artist: 'New', album: '', title: 'Fresh', timestamp: to + 5 });
    fake.addScrobble({ artist: 'Old', album: 'Back', title: 'Late import', timestamp: BASE - 1 });
    const after = await call<RecentTracks>(fake.urlFor('user.getRecentTracks', { to, page: 2, limit: 100 }));
    expect(after.body.recenttracks.track).toEqual(before.body.recenttracks.track);
    expect(fake.scrobbleCount).toBe(302);
    const newest = list((await call<RecentTracks>(fake.urlFor('user.getRecentTracks', { limit: 1 }))).body.recenttracks.track);
    expect(newest[0]).toMatchObject({ name: 'Fresh', album: { '#text': '', mbid: '' } });
    expect(fake.scrobbles()[0]!.title).toBe('Late import');
  });

  it('changes the artist shape and adds loved with extended=1', async () => {
    const fake = await start({ scrobbles: [{ artist: 'Björk', album: 'Homogenic', title: 'Jóga', timestamp: BASE, loved: true }, { artist: 'Björk', album: 'Homogenic', title: 'Bachelorette', timestamp: BASE + 300 }] });
    const plainRows = list((await call<RecentTracks>(fake.urlFor('user.getRecentTracks'))).body.recenttracks.track);
    expect(plainRows[0]!.artist).toEqual({ mbid: '', '#text': 'Björk' });
    expect(plainRows[0]!.loved).toBeUndefined();
    expect(plainRows[0]!.image.map((i) => i.size)).toEqual(['small', 'medium', 'large', 'extralarge']);
    const ext = list((await call<RecentTracks>(fake.urlFor('user.getRecentTracks', { extended: 1 }))).body.recenttracks.track);
    expect(ext[0]!.artist).toMatchObject({ name: 'Björk', url: 'https://www.last.fm/music/Bj%C3%B6rk', mbid: '' });
    expect(ext.map((t) => t.loved)).toEqual(['0', '1']);
  });

  it('accepts POST with parameters in the body and case-insensitive method names', async () => {
    const fake = await start({ scrobbles: plain(3) });
    const body = new URLSearchParams({ method: 'User.GetRecentTracks', user: 'AIME-TEST', api_key: fake.apiKey, format: 'json' });
    const res = await call<RecentTracks>(fake.url, { method: 'POST', body });
    expect(list(res.body.recenttracks.track)).toHaveLength(3);
    expect(fake.requestCount('user.getRecentTracks')).toBe(1);
  });

  it('serves 100,000 scrobbles at 200 per page without slowing down as pages go deeper', async () => {
    const fake = await start({ generate: { count: 100_000 } });
    const started = performance.now();
    let rows = 0;
    let pages = 0;
    for (let page = 1; ; page++) {
      const res = await fetch(fake.urlFor('user.getRecentTracks', { limit: 200, page, to: 1_767_225_601 }));
      // Counting rows in the text keeps the client's JSON parsing out of the measure.
      const n = (await res.text()).split('"uts":"').length - 1;
      if (n === 0) break;
      rows += n;
      pages++;
    }
    expect(rows).toBe(100_000);
    expect(pages).toBe(500);
    expect(fake.requestCount('user.getRecentTracks')).toBe(501);
    // Speed is measured by `npm run bench lastfm`; here only a pathological (quadratic) fake fails,
    // with room for a loaded 2-core CI machine.
    expect(performance.now() - started).toBeLessThan(30_000);
  });
});

describe('other methods', () => {
  it('user.getInfo reports playcount and registration as strings', async () => {
    const fake = await start({ scrobbles: plain(42), profile: { registeredAt: BASE - 1000 } });
    const { body } = await call<{ user: { name: string; playcount: string; registered: { unixtime: string; '#text': number } } }>(fake.urlFor('user.getInfo'));
    expect(body.user.playcount).toBe('42');
    expect(body.user.registered).toEqual({ unixtime: String(BASE - 1000), '#text': BASE - 1000 });
  });

  it('user.getLovedTracks pages loved tracks, newest love first, dated when loved', async () => {
    const fake = await start({ scrobbles: plain(20) });
    fake.setLoved('Artist 1', 'Song 1', true, BASE + 5000);
    fake.setLoved('Artist 2', 'Song 2', true, BASE + 9000);
    fake.setLoved('artist 3', 'song 3');
    const { body } = await call<LovedTracks>(fake.urlFor('user.getLovedTracks', { limit: 2 }));
    const rows = list(body.lovedtracks.track);
    expect(body.lovedtracks['@attr']).toMatchObject({ total: '3', totalPages: '2', perPage: '2' });
    expect(rows.map((t) => t.name)).toEqual(['Song 2', 'Song 1']);
    expect(rows[0]!.date).toEqual({ uts: String(BASE + 9000), '#text': '15 Nov 2023, 00:43' });
    fake.setLoved('Artist 2', 'Song 2', false);
    const second = await call<LovedTracks>(fake.urlFor('user.getLovedTracks', { limit: 2, page: 1 }));
    expect(list(second.body.lovedtracks.track).map((t) => t.name)).toEqual(['Song 1', 'song 3']);
  });

  it('album.getInfo finds albums from the history, by name or mbid', async () => {
    const fake = await start({
      scrobbles: [
        { artist: 'Solo', album: 'One Track', title: 'Only', timestamp: BASE, albumMbid: 'aaaaaaaa-0000-4000-8000-000000000001', durationSec: 201 },
        { artist: 'Duo', album: 'Two Tracks', title: 'First', timestamp: BASE + 300 },
        { artist: 'Duo', album: 'Two Tracks', title: 'Second', timestamp: BASE + 600 },
      ],
    });
    type AlbumBody = { album: { name: string; artist: string; userplaycount?: string; image: unknown[]; tracks: { track: unknown } } };
    const solo = await call<AlbumBody>(fake.urlFor('album.getInfo', { artist: 'solo', album: 'one track', username: 'aime-test' }));
    expect(solo.body.album).toMatchObject({ name: 'One Track', artist: 'Solo', userplaycount: '1' });
    expect(solo.body.album.image).toHaveLength(6);
    expect(solo.body.album.tracks.track).toMatchObject({ name: 'Only', duration: '201', '@attr': { rank: '1' } });
    const byMbid = await call<AlbumBody>(fake.urlFor('album.getInfo', { mbid: 'aaaaaaaa-0000-4000-8000-000000000001' }));
    expect(byMbid.body.album.name).toBe('One Track');
    const many = await call<AlbumBody>(fake.urlFor('album.getInfo', { artist: 'Duo', album: 'Two Tracks' }));
    expect(Array.isArray(many.body.album.tracks.track)).toBe(true);
  });
});

describe('errors, as Last.fm sends them', () => {
  it('answers album not found inside an HTTP 200 body', async () => {
    const fake = await start({ scrobbles: plain(3) });
    const res = await call<ErrorBody>(fake.urlFor('album.getInfo', { artist: 'Nobody', album: 'Nothing' }));
    expect(res).toEqual({ status: 200, body: { error: 6, message: 'Album not found', links: [] } });
  });

  it('rejects a bad API key, an unknown user, an unknown method and private history', async () => {
    const fake = await start({ scrobbles: plain(3) });
    const badKey = new URL(fake.urlFor('user.getRecentTracks'));
    badKey.searchParams.set('api_key', 'nope');
    expect(await call<ErrorBody>(badKey.toString())).toEqual({ status: 403, body: { error: 10, message: 'Invalid API key - You must be granted a valid key by last.fm' } });
    expect(await call<ErrorBody>(fake.urlFor('user.getRecentTracks', { user: 'ghost' }))).toEqual({ status: 404, body: { error: 6, message: 'User not found' } });
    expect((await call<ErrorBody>(fake.urlFor('user.getWhatever'))).body.error).toBe(3);
    fake.privateHistory = true;
    expect(await call<ErrorBody>(fake.urlFor('user.getRecentTracks'))).toMatchObject({ status: 403, body: { error: 17 } });
  });

  it('answers XML when format=json is missing, like the real API', async () => {
    const fake = await start();
    const res = await fetch(`${fake.url}?method=user.getInfo&user=aime-test&api_key=${fake.apiKey}`);
    expect(res.headers.get('content-type')).toContain('xml');
    await expect(res.json()).rejects.toThrow();
  });
});

describe('fault injection', () => {
  it('serves each queued fault once, then answers normally', async () => {
    const fake = await start({ scrobbles: plain(5) });
    const url = fake.urlFor('user.getRecentTracks');
    fake.faults.queue('http500', 'rateLimit', 'operationFailed', 'serviceOffline', 'temporaryError', { error: 26, status: 403 }, 'garbage');
    expect((await fetch(url)).status).toBe(500);
    expect(await call<ErrorBody>(url)).toMatchObject({ status: 429, body: { error: 29 } });
    expect(await call<ErrorBody>(url)).toMatchObject({ status: 200, body: { error: 8 } });
    expect(await call<ErrorBody>(url)).toMatchObject({ status: 503, body: { error: 11 } });
    expect(await call<ErrorBody>(url)).toMatchObject({ status: 200, body: { error: 16 } });
    expect(await call<ErrorBody>(url)).toMatchObject({ status: 403, body: { error: 26 } });
    const garbage = await fetch(url);
    expect(garbage.status).toBe(200);
    await expect(garbage.json()).rejects.toThrow(SyntaxError);
    expect(fake.faults.pending).toBe(0);
    expect(list((await call<RecentTracks>(url)).body.recenttracks.track)).toHaveLength(5);
    expect(fake.faults.injected.map((f) => f.fault)).toHaveLength(7);
    expect(fake.requests.filter((r) => r.fault !== undefined).map((r) => r.fault)).toEqual([
      'http500', 'rateLimit', 'operationFailed', 'serviceOffline', 'temporaryError', 'error26', 'garbage',
    ]);
  });

  it('drops the connection mid-body, resets it, or stalls until the client gives up', async () => {
    const fake = await start({ scrobbles: plain(50) });
    const url = fake.urlFor('user.getRecentTracks');
    fake.faults.queue('drop');
    const dropped = await fetch(url);
    expect(dropped.status).toBe(200);
    await expect(dropped.text()).rejects.toThrow();
    fake.faults.queue('reset');
    await expect(fetch(url)).rejects.toThrow();
    fake.faults.queue('stall');
    const started = performance.now();
    await expect(fetch(url, { signal: AbortSignal.timeout(150) })).rejects.toThrow();
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect((await fetch(url)).status).toBe(200);
  });

  it('draws random faults deterministically from a seed, only for the chosen methods', async () => {
    const settings = { probability: 0.3, kinds: ['http500', 'operationFailed'] as const, seed: 7, only: ['user.getRecentTracks'] };
    const outcomes = async (): Promise<string[]> => {
      const fake = await start({ scrobbles: plain(2), faults: { ...settings, kinds: [...settings.kinds] } });
      const out: string[] = [];
      for (let i = 0; i < 40; i++) {
        const res = await fetch(fake.urlFor('user.getRecentTracks'));
        const text = await res.text();
        out.push(`${res.status}:${text.includes('"error":8') ? 8 : 0}`);
      }
      expect((await fetch(fake.urlFor('user.getInfo'))).status).toBe(200);
      return out;
    };
    const a = await outcomes();
    const b = await outcomes();
    expect(a).toEqual(b);
    const faulted = a.filter((o) => o !== '200:0').length;
    expect(faulted).toBeGreaterThan(4);
    expect(faulted).toBeLessThan(25);
  });

  it('rate-limits with error 29 over maxRequestsPerSecond and adds latency on demand', async () => {
    const fake = await start({ scrobbles: plain(2), maxRequestsPerSecond: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await fetch(fake.urlFor('user.getInfo'))).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    fake.maxRequestsPerSecond = undefined;
    fake.latencyMs = 120;
    const started = performance.now();
    expect((await fetch(fake.urlFor('user.getInfo'))).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });
});

describe('counters and history', () => {
  it('counts requests per method and records the User-Agent', async () => {
    const fake = await start({ scrobbles: plain(2) });
    await fetch(fake.urlFor('user.getInfo'), { headers: { 'user-agent': 'aime/0.1 (+test)' } });
    await fetch(fake.urlFor('user.getRecentTracks'));
    await fetch(fake.urlFor('user.getRecentTracks'));
    expect(fake.requestCount('user.getRecentTracks')).toBe(2);
    expect(fake.requestCount('user.getinfo')).toBe(1);
    expect(fake.requestCount()).toBe(3);
    expect(fake.requests[0]).toMatchObject({ method: 'user.getInfo', userAgent: 'aime/0.1 (+test)', params: { user: 'aime-test' } });
    fake.resetCounters();
    expect(fake.requestCount()).toBe(0);
  });

  it('generates the same realistic history for the same seed', () => {
    const a = generateHistory({ count: 10_000, seed: 3 });
    expect(generateHistory({ count: 10_000, seed: 3 })).toEqual(a);
    expect(generateHistory({ count: 10_000, seed: 4 })).not.toEqual(a);
    expect(a).toHaveLength(10_000);
    expect(a.every((s, i) => i === 0 || s.timestamp > a[i - 1]!.timestamp)).toBe(true);
    expect(a.at(-1)!.timestamp).toBe(1_767_225_600);
    const artists = new Set(a.map((s) => s.artist));
    expect(artists.size).toBeGreaterThan(150);
    expect(new Set(a.filter((s) => s.album === 'Greatest Hits').map((s) => s.artist)).size).toBe(2);
    expect(a.some((s) => s.album === '')).toBe(true);
    expect(a.some((s, i) => i > 0 && s.title === a[i - 1]!.title && s.artist === a[i - 1]!.artist)).toBe(true);
    expect([...artists].some((n) => n.startsWith('The ') && artists.has(n.slice(4)))).toBe(true);
    expect([...artists].some((n) => n.includes(' & ') && artists.has(n.replace(' & ', ' and ')))).toBe(true);
    expect([...artists].some((n) => /[À-ž]/.test(n))).toBe(true);
    expect(a.some((s) => s.loved)).toBe(true);
    const albumsPerArtist = new Map<string, Set<string>>();
    for (const s of a) albumsPerArtist.set(s.artist, (albumsPerArtist.get(s.artist) ?? new Set()).add(s.album));
    expect([...albumsPerArtist.values()].some((albums) => albums.size >= 3)).toBe(true);
  });
});
