// Enrichment with real SQLite and the local Spotify and MusicBrainz stand-ins: the right
// album among near-misses, no link for a wrong one, covers in the right order.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, runMigrations, type Database } from '../../src/db/data-source.js';
import { SqliteCollection } from '../../src/db/repositories/collection.js';
import { SqliteEnrichment } from '../../src/db/repositories/enrichment.js';
import { enrichAlbum } from '../../src/core/enrichment/enrich-album.js';
import { systemClock } from '../../src/core/ports.js';
import { HttpClient } from '../../src/integrations/http.js';
import { MusicbrainzClient } from '../../src/integrations/musicbrainz/client.js';
import { SpotifyClient } from '../../src/integrations/spotify/client.js';
import { silentLogger } from '../../src/log.js';
import { startFakeSpotify, type FakeSpotify } from '../fakes/spotify/index.js';
import { startFakeMusicbrainz, type FakeMusicbrainz } from '../fakes/musicbrainz/index.js';

let dir: string;
let db: Database;
let spotify: FakeSpotify;
let musicbrainz: FakeMusicbrainz;
let http: HttpClient;
let collection: SqliteCollection;
let store: SqliteEnrichment;
let catalogues: { spotify: SpotifyClient; musicbrainz: MusicbrainzClient };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aime-enrich-'));
  db = await openDatabase({ path: join(dir, 'aime.db') });
  await runMigrations(db);
  spotify = await startFakeSpotify({ tokenTtlSeconds: 2 });
  musicbrainz = await startFakeMusicbrainz();
  http = new HttpClient({ userAgent: 'aime-test/1.0 ( https://example.invalid )', log: silentLogger(), timeoutMs: 3000, retries: 3, retryBaseMs: 10 });
  collection = new SqliteCollection(db);
  store = new SqliteEnrichment(db);
  catalogues = {
    spotify: new SpotifyClient(http, { apiUrl: spotify.apiUrl, authUrl: spotify.authUrl, clientId: spotify.clientId, clientSecret: spotify.clientSecret }),
    musicbrainz: new MusicbrainzClient(http, { apiUrl: musicbrainz.apiUrl, coverartUrl: musicbrainz.coverartUrl }),
  };
});

afterAll(async () => {
  await http.close();
  await spotify.close();
  await musicbrainz.close();
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

const enrich = (albumId: number, providers: ('musicbrainz' | 'spotify' | 'discogs' | 'apple-music')[]) =>
  enrichAlbum({ store, catalogues, clock: systemClock }, albumId, { providers });

function spotifyUrlOf(artist: string, title: string): string {
  const album = spotify.albums.find((item) => item.name === title && item.artists.some((a) => a.name === artist));
  if (!album) throw new Error(`no ${artist} — ${title} in the fake`);
  return album.external_urls.spotify;
}

describe('enrichment', () => {
  it('links the real Spotify album, not the higher-ranked deluxe edition or the same title by someone else', async () => {
    const blue = await collection.add({ artist: 'Miles Davis', title: 'Kind of Blue' });
    const rumours = await collection.add({ artist: 'Fleetwood Mac', title: 'Rumours' });
    for (const { albumId } of [blue, rumours]) {
      const result = await enrich(albumId, ['spotify']);
      expect(result?.results).toEqual([{ provider: 'spotify', status: 'success' }]);
    }
    expect((await collection.show(blue.albumId))?.spotifyUrl).toBe(spotifyUrlOf('Miles Davis', 'Kind of Blue'));
    expect((await collection.show(rumours.albumId))?.spotifyUrl).toBe(spotifyUrlOf('Fleetwood Mac', 'Rumours'));
    // Search limit stays within Development Mode's 10.
    expect(spotify.requests.entries.filter((entry) => entry.path === '/v1/search').every((entry) => /limit=(\d|10)(&|$)/.test(entry.query))).toBe(true);
  });

  it('refuses a candidate by another artist and records "not found" with a retry time', async () => {
    const wrong = await collection.add({ artist: 'Pale Fountain', title: 'Nevermind' });
    const before = spotify.requests.count('/v1/search');
    const result = await enrich(wrong.albumId, ['spotify']);
    expect(spotify.requests.count('/v1/search')).toBe(before + 1);
    expect(result?.results).toEqual([{ provider: 'spotify', status: 'not-found' }]);
    const shown = await collection.show(wrong.albumId);
    expect(shown?.spotifyUrl).toBeNull();
    const attempt = shown?.enrichment.find((row) => row.provider === 'spotify');
    expect(attempt?.status).toBe('not-found');
    expect(attempt?.nextRetryAt ?? 0).toBeGreaterThan(Date.now() / 1000 + 86_400);
    expect((await enrich(wrong.albumId, ['spotify']))?.results).toEqual([]);
    expect(spotify.requests.count('/v1/search')).toBe(before + 1);
  });

  it('renews the Spotify token before it expires', async () => {
    const discovery = await collection.add({ artist: 'Daft Punk', title: 'Discovery' });
    const tokensBefore = spotify.tokens.length;
    await new Promise((resolve) => setTimeout(resolve, 2100));
    await enrich(discovery.albumId, ['spotify']);
    expect(spotify.tokens.length).toBe(tokensBefore + 1);
    expect(spotify.requests.entries.filter((entry) => entry.status === 401)).toHaveLength(0);
    expect((await collection.show(discovery.albumId))?.spotifyUrl).toBe(spotifyUrlOf('Daft Punk', 'Discovery'));
  });

  it('takes the cover from the Cover Art Archive, the year from MusicBrainz, and paces MusicBrainz to 1 request/s', async () => {
    const nevermind = await collection.add({ artist: 'Nirvana', title: 'Nevermind' });
    const result = await enrich(nevermind.albumId, ['musicbrainz', 'discogs', 'spotify', 'apple-music']);
    expect(result?.results.map((r) => `${r.provider}:${r.status}`)).toEqual(['musicbrainz:success', 'discogs:success', 'spotify:success', 'apple-music:success']);
    const shown = await collection.show(nevermind.albumId);
    const group = musicbrainz.findReleaseGroup('Nirvana', 'Nevermind')!;
    expect(group.firstReleaseDate).toBe('1991-09-24');
    expect(shown?.musicbrainzId).toBe(group.id);
    expect(shown?.year).toBe(1991);
    expect(shown?.covers.map((cover) => cover.source)).toEqual(['coverart']);
    expect(shown?.coverUrl).toMatch(new RegExp(`^${musicbrainz.coverartUrl}/release/.+-500\\.png$`));
    expect(shown?.links.appleMusic).toBe('https://music.apple.com/search?term=Nevermind%20Nirvana');
    expect(musicbrainz.requests.entries.filter((entry) => entry.status === 503)).toHaveLength(0);
  });

  it('waits for Spotify\'s Retry-After and backs off from MusicBrainz\'s 503, then succeeds', async () => {
    const homogenic = await collection.add({ artist: 'Björk', title: 'Homogenic' });
    spotify.faults.failNext('429', { match: '/v1/search' });
    musicbrainz.faults.failNext('503', { match: '/ws/2/' });
    const started = Date.now();
    const result = await enrich(homogenic.albumId, ['musicbrainz', 'spotify']);
    expect(result?.results).toEqual([{ provider: 'musicbrainz', status: 'success' }, { provider: 'spotify', status: 'success' }]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect((await collection.show(homogenic.albumId))?.spotifyUrl).toBe(spotifyUrlOf('Björk', 'Homogenic'));
  });

  it('falls back to the Spotify cover when neither the archive nor Discogs has one', async () => {
    const quiet = await collection.add({ artist: 'Radiohead', title: 'OK Computer' });
    const group = musicbrainz.findReleaseGroup('Radiohead', 'OK Computer')!;
    musicbrainz.setCoverArt(group.id, false);
    await enrich(quiet.albumId, ['musicbrainz', 'discogs', 'spotify']);
    const shown = await collection.show(quiet.albumId);
    expect(shown?.covers.map((cover) => cover.source)).toEqual(['spotify']);
    expect(shown?.enrichment.find((row) => row.provider === 'discogs')?.status).toBe('not-found');
  });
});
