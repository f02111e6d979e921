// Track durations from the outside catalogues, with real SQLite and the local Last.fm and
// MusicBrainz stand-ins: album tracklists first (one request per album), then Last.fm's
// track page, then MusicBrainz; failures wait for their retry time; a known duration is
// never replaced by a guess; the Last.fm pace holds.
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeLastfm, type FakeLastfm, type Scrobble } from '../fakes/lastfm/index.js';
import { startFakeMusicbrainz, type FakeMusicbrainz } from '../fakes/musicbrainz/index.js';
import { openDurationsBed, type DurationsBed } from '../support/durations-bed.js';

let bed: DurationsBed | undefined;
let lastfm: FakeLastfm | undefined;
let musicbrainz: FakeMusicbrainz | undefined;

afterEach(async () => {
  await bed?.close();
  await lastfm?.close();
  await musicbrainz?.close();
  bed = lastfm = musicbrainz = undefined;
});

const T = 1_760_000_000;
let clock = T;
function play(artist: string, album: string, title: string, durationSec?: number, mbid?: string): Scrobble {
  clock += 300;
  return { artist, album, title, timestamp: clock, ...(durationSec === undefined ? {} : { durationSec }), ...(mbid ? { mbid } : {}) };
}

async function setUp(
  scrobbles: Scrobble[],
  options: { lastfm?: Parameters<typeof startFakeLastfm>[0]; musicbrainz?: Parameters<typeof startFakeMusicbrainz>[0]; rate?: number; retries?: number; stored?: Scrobble[] } = {},
) {
  lastfm = await startFakeLastfm({ scrobbles, ...options.lastfm });
  musicbrainz = await startFakeMusicbrainz({ minIntervalMs: 200, ...options.musicbrainz });
  bed = await openDurationsBed(
    {
      AIME_LASTFM_API_KEY: lastfm.apiKey,
      AIME_LASTFM_API_URL: lastfm.url,
      AIME_LASTFM_REQUESTS_PER_SECOND: String(options.rate ?? 1000),
      AIME_MUSICBRAINZ_API_URL: musicbrainz.apiUrl,
    },
    { retries: options.retries },
  );
  await bed.scrobble(options.stored ?? scrobbles);
  return { bed, lastfm, musicbrainz };
}

const HOUR = 3600;

describe('track durations from the catalogues', () => {
  it('fills every track of a known album from its Last.fm tracklist, one request per album', async () => {
    const scrobbles = [
      play('Ana Costa', 'Salt Roads', 'Harbor Lights', 241), play('Ana Costa', 'Salt Roads', 'Tides (Live)', 305), play('Ana Costa', 'Salt Roads', 'Harbor Lights', 241),
      play('Ana Costa', 'Salt Roads', 'Café Noir', 198), play('The Velvet Foxes', 'Greatest Hits', 'Don\'t Forget the Rain', 187), play('The Velvet Foxes', 'Greatest Hits', 'Intro', 64),
    ];
    const { bed, lastfm, musicbrainz } = await setUp(scrobbles);
    const report = await bed.drain();
    expect(report).toMatchObject({ albumsAsked: 2, tracksAsked: 0, filled: { 'lastfm-album': 5, 'lastfm-track': 0, musicbrainz: 0 }, failed: 0 });
    expect(Object.fromEntries(bed.durations())).toEqual({
      'Harbor Lights': [241, 'lastfm-album'], 'Tides (Live)': [305, 'lastfm-album'], 'Café Noir': [198, 'lastfm-album'],
      "Don't Forget the Rain": [187, 'lastfm-album'], Intro: [64, 'lastfm-album'],
    });
    expect(lastfm.requestCount('album.getInfo')).toBe(2);
    expect(lastfm.requestCount('track.getInfo')).toBe(0);
    expect(musicbrainz.requests.count('/ws/2/')).toBe(0);
    expect(bed.store.counts()).toEqual({ tracksWithoutDuration: 0, listensWithoutDuration: 0 });

    // Nothing is due any more: a second pass asks nothing.
    lastfm.resetCounters();
    expect(await bed.drain()).toMatchObject({ lookups: 0, albumsAsked: 0 });
    expect(lastfm.requestCount()).toBe(0);
  });

  it('keeps a tracklist read: a track scrobbled later takes its length from it without a request', async () => {
    const scrobbles = [play('Nina Weiß', 'Frost', 'Ash', 201), play('Nina Weiß', 'Frost', 'Ember', 233), play('Nina Weiß', 'Frost', 'Cedar - Remastered 2011', 187)];
    const { bed, lastfm } = await setUp(scrobbles, { stored: scrobbles.slice(0, 1) });
    expect(await bed.drain()).toMatchObject({ albumsAsked: 1, filled: { 'lastfm-album': 1 } });
    lastfm.resetCounters();
    await bed.scrobble(scrobbles.slice(1));
    expect(await bed.drain()).toMatchObject({ albumsAsked: 0, tracksAsked: 0, lookups: 0, filled: { 'lastfm-album': 2 } });
    expect(Object.fromEntries(bed.durations())).toEqual({ Ash: [201, 'lastfm-album'], Ember: [233, 'lastfm-album'], 'Cedar - Remastered 2011': [187, 'lastfm-album'] });
    expect(lastfm.requestCount()).toBe(0);
  });

  it('falls from an unknown album to Last.fm track pages, then to MusicBrainz (by recording id when Last.fm gives one)', async () => {
    const recordingId = '1c2b3a4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
    const scrobbles = [
      play('Iris Novak', 'Lost Tapes', 'Paper Moon', 222),
      play('Iris Novak', 'Lost Tapes', 'Glass River'),
      play('Iris Novak', 'Lost Tapes', 'Copper Sky', undefined, recordingId),
      play('Iris Novak', 'Lost Tapes', 'Nobody Knows'),
      play('Iris Novak', '', 'Ember (Single Version)', 175),
    ];
    const { bed, lastfm, musicbrainz } = await setUp(scrobbles, {
      lastfm: { unknown: { albums: [{ artist: 'Iris Novak', album: 'Lost Tapes' }], tracks: [{ artist: 'Iris Novak', title: 'Glass River' }, { artist: 'Iris Novak', title: 'Nobody Knows' }] } },
      musicbrainz: {
        recordings: [
          { artist: 'Iris Novak', title: 'Glass River', lengthMs: 261_400, album: 'Lost Tapes' },
          { artist: 'Iris Novak', title: 'Glass River', lengthMs: 300_000, album: 'Glass River (Remixes)' },
          { artist: 'Iris Novak', title: 'Copper Sky', lengthMs: 199_600, id: recordingId },
          { artist: 'Someone Else', title: 'Nobody Knows', lengthMs: 180_000 },
        ],
      },
    });
    const report = await bed.drain();
    expect(Object.fromEntries(bed.durations())).toEqual({
      'Paper Moon': [222, 'lastfm-track'],
      'Glass River': [261, 'musicbrainz'],
      'Copper Sky': [200, 'musicbrainz'],
      'Nobody Knows': [null, null],
      'Ember (Single Version)': [175, 'lastfm-track'],
    });
    expect(report).toMatchObject({ albumsAsked: 1, filled: { 'lastfm-album': 0, 'lastfm-track': 2, musicbrainz: 2 }, failed: 0 });
    expect(lastfm.requestCount('album.getInfo')).toBe(1);
    expect(lastfm.requestCount('track.getInfo')).toBe(5);
    // Copper Sky by its id (Last.fm's track page named it), the others by artist and title.
    const asked = musicbrainz.requests.entries.map((entry) => entry.path);
    expect(asked.filter((path) => path === `/ws/2/recording/${recordingId}`)).toHaveLength(1);
    expect(asked.filter((path) => path === '/ws/2/recording/')).toHaveLength(2);
    expect(musicbrainz.requests.entries.filter((entry) => entry.status === 503)).toHaveLength(0);
    // Unknown everywhere: recorded as such, asked again in a month, not before.
    const nobody = bed.attempts().filter((attempt) => attempt.provider === 'duration.musicbrainz' && attempt.status === 'not-found');
    expect(nobody).toHaveLength(1);
    expect(nobody[0]!.nextRetryAt).toBe(bed.now + 30 * 24 * HOUR);
    expect(bed.store.counts()).toEqual({ tracksWithoutDuration: 1, listensWithoutDuration: 1 });
    lastfm.resetCounters();
    expect((await bed.drain()).lookups).toBe(0);
    bed.now += 30 * 24 * HOUR;
    expect(await bed.drain()).toMatchObject({ albumsAsked: 1, tracksAsked: 2, lookups: 3 });
  });

  it('backs off after errors and 429s, records the retry time, and asks nothing before it', async () => {
    const scrobbles = [play('Hugo Berg', 'North', 'One', 200), play('Hugo Berg', 'North', 'Two', 210)];
    const { bed, lastfm } = await setUp(scrobbles, { retries: 1 });
    lastfm.faults.set({ probability: 1, kinds: ['rateLimit', 'operationFailed', 'http500'], seed: 3, only: ['album.getInfo'] });
    const first = await bed.drain();
    expect(first).toMatchObject({ albumsAsked: 1, failed: 1, lookups: 1, tracksAsked: 0 });
    expect(first.lastError).toMatch(/lastfm-album/);
    // One lookup, two tries (the HTTP client's one retry, with backoff), then a retry time an hour away.
    expect(lastfm.requestCount('album.getInfo')).toBe(2);
    expect(bed.attempts()).toEqual([{ entity: 'album', provider: 'duration.lastfm-album', status: 'failed', attempts: 1, nextRetryAt: bed.now + HOUR }]);
    expect((await bed.drain()).lookups).toBe(0);
    expect(lastfm.requestCount()).toBe(2);

    // Twice more at its retry times (an hour, then two): the tracks do not go on before the third failure.
    bed.now += HOUR;
    expect(await bed.drain()).toMatchObject({ albumsAsked: 1, failed: 1, tracksAsked: 0 });
    expect(bed.attempts()[0]).toMatchObject({ attempts: 2, nextRetryAt: bed.now + 2 * HOUR });
    bed.now += 2 * HOUR;
    const third = await bed.drain();
    expect(third).toMatchObject({ albumsAsked: 1, failed: 1, tracksAsked: 2, filled: { 'lastfm-track': 2 } });
    expect(Object.fromEntries(bed.durations())).toEqual({ One: [200, 'lastfm-track'], Two: [210, 'lastfm-track'] });

    // Last.fm answers again: nothing left to ask for this album.
    lastfm.faults.set({});
    bed.now += 4 * HOUR;
    expect((await bed.drain()).lookups).toBe(0);
  });

  it('stops at a refused API key without recording anything (the key is wrong for every album)', async () => {
    const { bed, lastfm } = await setUp([play('Oscar Berg', 'Keys', 'Lock', 100)]);
    lastfm.faults.set({ queue: [{ error: 10, status: 403 }] });
    await expect(bed.drain()).rejects.toThrow(/error 10.*lastfm\.apiKey/);
    expect(bed.attempts()).toEqual([]);
    expect(await bed.drain()).toMatchObject({ albumsAsked: 1, filled: { 'lastfm-album': 1 } });
  });

  it('never replaces a known duration with a guess; a play\'s own length replaces a guess', async () => {
    const scrobbles = [play('Mila Costa', 'Rooms', 'Hall', 300), play('Mila Costa', 'Rooms', 'Stairs', 120)];
    const { bed } = await setUp(scrobbles);
    // Roon knew Hall's length before any lookup: the tracklist's 300 s does not replace it.
    await bed.record([{ artist: 'Mila Costa', album: 'Rooms', title: 'Hall', timestamp: T - 1000, source: 'roon', durationSeconds: 296, playedSeconds: 296 }]);
    await bed.drain();
    expect(Object.fromEntries(bed.durations())).toEqual({ Hall: [296, 'play'], Stairs: [120, 'lastfm-album'] });
    // A ListenBrainz play of Stairs knows better than the tracklist.
    await bed.record([{ artist: 'Mila Costa', album: 'Rooms', title: 'Stairs', timestamp: T - 2000, source: 'listenbrainz', durationSeconds: 118 }]);
    // A later play with another length does not move a play's own.
    await bed.record([{ artist: 'Mila Costa', album: 'Rooms', title: 'Hall', timestamp: T - 3000, source: 'maloja', durationSeconds: 250 }]);
    expect(Object.fromEntries(bed.durations())).toEqual({ Hall: [296, 'play'], Stairs: [118, 'play'] });
  });

  it('keeps Last.fm lookups under lastfm.requestsPerSecond (5 a second, counted at the stand-in)', async () => {
    const scrobbles = Array.from({ length: 12 }, (_, i) => play(`Artist ${i}`, `Album ${i}`, `Song ${i}`, 100 + i));
    const { bed, lastfm } = await setUp(scrobbles, { rate: 5, lastfm: { maxRequestsPerSecond: 5 } });
    const started = performance.now();
    const report = await bed.drain();
    expect(report).toMatchObject({ albumsAsked: 12, failed: 0, filled: { 'lastfm-album': 12 } });
    const arrivals = lastfm.requests.map((request) => request.at);
    expect(lastfm.requests.filter((request) => request.fault !== undefined)).toEqual([]);
    for (const at of arrivals) expect(arrivals.filter((other) => other >= at && other < at + 1000).length).toBeLessThanOrEqual(5);
    // 12 requests at 5 a second take more than two seconds.
    expect(performance.now() - started).toBeGreaterThan(2000);
  });
});
