// Hours that add up, end to end: the real daemon and CLI, the local Last.fm and MusicBrainz
// stand-ins. Last.fm's history carries no durations; the `durations` worker and `aime enrich
// --durations` fill them, `stats` counts them, playlists and M3U files show them, a second
// run asks nothing, and a kill -9 in the middle loses nothing and asks nothing twice.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeLastfm, type FakeLastfm } from '../fakes/lastfm/index.js';
import { startFakeMusicbrainz } from '../fakes/musicbrainz/index.js';
import { eventually, runCli, useTestHomes } from '../support/daemon.js';

const bed = useTestHomes(afterEach);

async function setUp(options: { count: number; seed: number; rate: number; latencyMs?: number }) {
  const lastfm = await bed.fake(startFakeLastfm({ generate: { count: options.count, seed: options.seed }, latencyMs: options.latencyMs ?? 0 }));
  const musicbrainz = await bed.fake(startFakeMusicbrainz({ minIntervalMs: 200 }));
  const home = bed.home({ lastfm: { apiKey: lastfm.apiKey, username: lastfm.user, apiUrl: lastfm.url, requestsPerSecond: options.rate }, musicbrainz: { apiUrl: musicbrainz.apiUrl } });
  const env = { AIME_MUSICBRAINZ_API_URL: musicbrainz.apiUrl };
  const daemon = await bed.daemon(home, env);
  const aime = async (...args: string[]) => {
    const result = await runCli(home, args, { env });
    expect(result.code, `aime ${args.join(' ')}: ${result.stderr}`).toBe(0);
    return result;
  };
  return { lastfm, musicbrainz, home, env, daemon, aime, json: async <T>(...args: string[]) => JSON.parse((await aime(...args, '--json')).stdout) as T };
}

/** The hours the history really holds: every scrobble's track length, as the stand-in knows it. */
function trueHours(lastfm: FakeLastfm): number {
  return lastfm.scrobbles().reduce((sum, scrobble) => sum + (scrobble.durationSec ?? 0), 0) / 3600;
}

interface Stats {
  listens: number;
  hours: number;
  listensWithoutDuration: number;
  fillingDurations: boolean;
}

interface Filled {
  albumsAsked: number;
  tracksAsked: number;
  filled: { lastfmAlbum: number; lastfmTrack: number; musicbrainz: number; total: number };
  stillUnknown: number;
  listensWithoutDuration: number;
  requests: number;
  failed: number;
  durationMs: number;
}

function query<T>(home: string, sql: string): T[] {
  const db = new Database(join(home, 'aime.db'), { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

describe('durations make hours add up', () => {
  it('20,000 Last.fm scrobbles: after `enrich --durations`, hours are within 1% of the real total; a second run asks nothing', { timeout: 180_000 }, async () => {
    const { lastfm, musicbrainz, json, aime } = await setUp({ count: 20_000, seed: 21, rate: 1000 });
    expect(await json('import', 'lastfm')).toMatchObject({ imported: 20_000 });

    const filled = await json<Filled>('enrich', '--durations');
    expect(filled.failed).toBe(0);
    expect(filled.stillUnknown).toBe(0);
    expect(filled.listensWithoutDuration).toBe(0);
    // The worker started during the import; with the run, it filled every track: most from album tracklists, singles from track pages.
    const status = await json<{ services: { durations: { details: { filledBy: Record<string, number> } } } }>('status');
    expect(status.services.durations.details.filledBy['lastfm-album']).toBeGreaterThan(3000);
    expect(status.services.durations.details.filledBy['lastfm-track']).toBeGreaterThan(0);
    // One request per album at most (the worker may have started on some before the command).
    const albumRequests = lastfm.requests.filter((request) => request.method === 'album.getInfo');
    expect(new Set(albumRequests.map((request) => `${request.params.artist}|${request.params.album}`)).size).toBe(albumRequests.length);

    const stats = await json<Stats>('stats', '--range', 'all');
    expect(stats.listens).toBe(20_000);
    expect(stats.listensWithoutDuration).toBe(0);
    const expected = trueHours(lastfm);
    expect(Math.abs(stats.hours - expected) / expected).toBeLessThan(0.01);

    // Everything is known: a second run makes no request at all.
    // (Covers search MusicBrainz release groups meanwhile: only recording lookups are durations'.)
    const before = lastfm.requestCount();
    const mbBefore = musicbrainz.requests.count('/ws/2/recording');
    const again = await json<Filled>('enrich', '--durations');
    expect(again).toMatchObject({ requests: 0, albumsAsked: 0, tracksAsked: 0, filled: { total: 0 }, stillUnknown: 0 });
    expect(lastfm.requestCount()).toBe(before);
    expect(musicbrainz.requests.count('/ws/2/recording')).toBe(mbBefore);

    // Playlists and M3U files carry the lengths now.
    const playlist = await json<{ id: number; tracks: { durationSeconds: number | null }[]; totalDurationSeconds: number | null }>('playlist', 'generate', 'top_sessions');
    expect(playlist.tracks.every((track) => (track.durationSeconds ?? 0) > 0)).toBe(true);
    expect(playlist.totalDurationSeconds).toBe(playlist.tracks.reduce((sum, track) => sum + (track.durationSeconds ?? 0), 0));
    const m3u = (await aime('playlist', 'export', String(playlist.id), '--format', 'm3u')).stdout;
    const lengths = m3u.split('\n').filter((line) => line.startsWith('#EXTINF:')).map((line) => Number(line.slice(8, line.indexOf(','))));
    expect(lengths).toEqual(playlist.tracks.map((track) => track.durationSeconds));
  });

  it('starts on its own after an import, says so in stats and status, and ends with every listen timed', async () => {
    // About 80 albums at 8 a second: the worker is still at it when stats are asked for.
    const { lastfm, json, aime } = await setUp({ count: 600, seed: 5, rate: 8, latencyMs: 50 });
    expect(await json('import', 'lastfm')).toMatchObject({ imported: 600 });
    // While the worker fills, stats says how many listens still lack a duration, and that it works on them.
    expect((await aime('stats')).stdout).toMatch(/have none yet\n\s+the durations service is filling them/);
    const during = await json<Stats>('stats');
    expect(during.listensWithoutDuration).toBeGreaterThan(0);
    expect(during.fillingDurations).toBe(true);
    const status = await json<{ services: Record<string, { running: boolean; details?: { filled?: number } }> }>('status');
    expect(status.services.durations).toMatchObject({ running: true });

    const done = await eventually(async () => {
      const stats = await json<Stats>('stats');
      return stats.listensWithoutDuration === 0 ? stats : undefined;
    }, 90_000, 250);
    expect(Math.abs(done.hours - trueHours(lastfm)) / trueHours(lastfm)).toBeLessThan(0.01);
    const after = await json<{ services: Record<string, { details?: { filled?: number } }> }>('status');
    expect(after.services.durations?.details?.filled).toBeGreaterThan(0);
    expect((await aime('status')).stdout).toMatch(/durations\s+● running/);
  }, 120_000);

  it('refuses the other enrich options with --durations (exit 2, one line)', async () => {
    const home = bed.home();
    await bed.daemon(home);
    const refused = await runCli(home, ['enrich', '--durations', '--album', '3']);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split('\n')).toEqual(['aime: --durations fills every track it can; it takes no --album']);
    const nothing = await runCli(home, ['enrich', '--durations', '--json']);
    expect(JSON.parse(nothing.stdout)).toMatchObject({ requests: 0, stillUnknown: 0, filled: { total: 0 } });
  });

  it('resumes after kill -9 in the middle: no album answered before the kill is asked again', { timeout: 120_000 }, async () => {
    const { lastfm, home, env, daemon } = await setUp({ count: 4_000, seed: 9, rate: 25, latencyMs: 20 });
    const imported = await runCli(home, ['import', 'lastfm', '--json'], { env });
    expect(imported.code, imported.stderr).toBe(0);
    // The worker started on its own; kill it once it has answered a good number of albums.
    await eventually(() => query<{ n: number }>(home, `SELECT count(*) AS n FROM enrichment_attempts WHERE provider = 'duration.lastfm-album'`)[0]!.n >= 25, 30_000, 100);
    await daemon.kill();
    const answered = new Set(
      query<{ key: string }>(home, `SELECT a.artist_name || '|' || a.title AS key FROM enrichment_attempts e JOIN albums a ON a.id = e.entity_id
        WHERE e.entity_type = 'album' AND e.provider = 'duration.lastfm-album'`).map((row) => row.key),
    );
    const askedBefore = lastfm.requests.length;

    lastfm.latencyMs = 0;
    await bed.daemon(home, { ...env, AIME_LASTFM_REQUESTS_PER_SECOND: '1000' });
    const resumed = await runCli(home, ['enrich', '--durations', '--json'], { env });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(JSON.parse(resumed.stdout)).toMatchObject({ stillUnknown: 0, failed: 0 });
    const askedAgain = lastfm.requests.slice(askedBefore).filter((request) => request.method === 'album.getInfo').map((request) => `${request.params.artist}|${request.params.album}`);
    expect(askedAgain.length).toBeGreaterThan(0);
    expect(askedAgain.filter((key) => answered.has(key))).toEqual([]);
    // Across both daemons, every album was asked once, but those in flight at the kill (4 at most go at once).
    const all = lastfm.requests.filter((request) => request.method === 'album.getInfo').map((request) => `${request.params.artist}|${request.params.album}`);
    expect(all.length - new Set(all).size).toBeLessThanOrEqual(4);

    const stats = JSON.parse((await runCli(home, ['stats', '--range', 'all', '--json'], { env })).stdout) as Stats;
    expect(Math.abs(stats.hours - trueHours(lastfm)) / trueHours(lastfm)).toBeLessThan(0.01);
  });
});
