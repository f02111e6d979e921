import type BetterSqlite3 from 'better-sqlite3';
import { albumKey, nameKey, trackIdentity } from '../../src/core/names.js';
import type { YearInReview } from '../../src/core/wrapped/model.js';
import { wrappedPeriod, type WrappedRequest } from '../../src/core/wrapped/period.js';
import { yearInReview, type WrappedDeps } from '../../src/core/wrapped/report.js';
import { openDatabase, runMigrations, type Database } from '../../src/db/data-source.js';
import { SqliteAnalytics } from '../../src/db/repositories/analytics.js';
import { SqliteWrapped } from '../../src/db/repositories/wrapped.js';

/**
 * A hand-made year (2025, Europe/Paris) whose every year-in-review figure is worked out by
 * hand in wrapped-exact-numbers.test.ts: five artists (the top one with <, & and quotes in
 * its name), five albums, listens from six sources (vinyl and cassette spins among them),
 * one album heard start to end twice, purchases with Discogs dates added, and listens
 * before and after the year that must not count.
 */
export const WRAPPED_ZONE = 'Europe/Paris';
export const TOP_ARTIST = 'Zoë & "The <Tags>"';
export const TOP_ALBUM = 'Night & Day <Live>';

/** "2025-01-10 20:00" on the Paris clock → UTC epoch seconds; offset 1 in winter, 2 in summer time. */
export function paris(local: string, offsetHours: 1 | 2 = 1): number {
  return Date.parse(`${local.replace(' ', 'T')}:00Z`) / 1000 - offsetHours * 3600;
}

const ARTISTS = [TOP_ARTIST, 'Beta Band', 'Cassette Club', 'Dawn Chorus', 'Echo Valley'];
/** [title, artist index] */
const ALBUMS: [string, number][] = [[TOP_ALBUM, 0], ['Second Wind', 1], ['Tape Hiss', 2], ['First Light', 3], ['Echoes', 4]];
/** [title, album index (= artist index), duration seconds or null] */
const TRACKS: [string, number, number | null][] = [
  ['Overture', 0, 300], ['Ballroom', 0, 300], ['Coda', 0, 300], ['Dusk', 0, 300],
  ['Breeze', 1, 300], ['Gale', 1, 300], ['Calm', 1, 300], ['Squall', 1, 300],
  ['Rewind', 2, 300], ['Fast Forward', 2, 300],
  ['Morning', 3, 300],
  ['Canyon', 4, null],
];

/** [track title, epoch seconds, source] */
const LISTENS: [string, number, string][] = [
  // Before the year: the top artist and Beta Band are not new in 2025.
  ['Overture', paris('2024-12-15 20:00'), 'lastfm'],
  ['Breeze', paris('2024-12-15 20:05'), 'lastfm'],
  // Friday 10 January: the whole album on the turntable (complete play 1).
  ['Overture', paris('2025-01-10 20:00'), 'vinyl'],
  ['Ballroom', paris('2025-01-10 20:05'), 'vinyl'],
  ['Coda', paris('2025-01-10 20:10'), 'vinyl'],
  ['Dusk', paris('2025-01-10 20:15'), 'vinyl'],
  // Friday 14 February: the album again (complete play 2), then 3 of Second Wind's 4 tracks.
  ['Overture', paris('2025-02-14 21:00'), 'lastfm'],
  ['Ballroom', paris('2025-02-14 21:05'), 'lastfm'],
  ['Coda', paris('2025-02-14 21:10'), 'lastfm'],
  ['Dusk', paris('2025-02-14 21:15'), 'lastfm'],
  ['Breeze', paris('2025-02-14 21:20'), 'lastfm'],
  ['Gale', paris('2025-02-14 21:25'), 'lastfm'],
  ['Calm', paris('2025-02-14 21:30'), 'lastfm'],
  // Saturday 1 March: both tracks of a two-track tape (too short to be an album of the year).
  ['Rewind', paris('2025-03-01 10:00'), 'spotify'],
  ['Fast Forward', paris('2025-03-01 10:04'), 'spotify'],
  // Dawn Chorus, new this year, on four local days; the last two are one UTC day.
  ['Morning', paris('2025-04-05 09:00', 2), 'roon'],
  ['Morning', paris('2025-05-03 09:00', 2), 'roon'],
  ['Morning', paris('2025-07-05 23:30', 2), 'roon'],
  ['Morning', paris('2025-07-06 00:30', 2), 'roon'],
  // Echo Valley, new, one evening (unknown duration).
  ['Canyon', paris('2025-11-15 23:30'), 'lastfm'],
  ['Canyon', paris('2025-11-15 23:40'), 'lastfm'],
  // A cassette spin.
  ['Rewind', paris('2025-12-20 15:00'), 'cassette'],
  // After the year.
  ['Ballroom', paris('2026-01-10 12:00'), 'lastfm'],
];

/** [album index, support, date added (epoch seconds), Discogs instance id, cover url or null] */
const COPIES: [number, string, number, number, string | null][] = [
  [0, 'vinyl', paris('2023-05-01 12:00', 2), 1, null],
  [1, 'cd', paris('2025-02-20 12:00'), 2, null],
  [2, 'cassette', paris('2025-02-01 12:00'), 3, 'https://img.discogs.example/tape-hiss.jpg'],
  [3, 'vinyl', paris('2025-04-01 12:00', 2), 4, null],
  [3, 'cd', paris('2025-09-01 12:00', 2), 5, null],
  // 00:30 on New Year's Day in Paris is still 2024 in UTC: bought in 2025.
  [4, 'vinyl', paris('2025-01-01 00:30'), 6, null],
];

export interface WrappedFixture {
  readonly albumIds: number[];
}

/** "Now" for the fixture: 2025 is over, 2026 has one listen. */
export const WRAPPED_NOW = paris('2026-02-01 12:00');

export interface WrappedFixtureDatabase extends WrappedFixture {
  readonly db: Database;
  readonly deps: WrappedDeps;
  /** The year in review as the daemon will compute it, at WRAPPED_NOW in WRAPPED_ZONE. */
  review(request: WrappedRequest): Promise<YearInReview>;
}

/** A real SQLite file at `path`, migrated and seeded, with the real repositories over it. */
export async function openWrappedFixture(path: string): Promise<WrappedFixtureDatabase> {
  const db = await openDatabase({ path });
  await runMigrations(db);
  const { albumIds } = seedWrappedFixture(db.sqlite);
  const deps: WrappedDeps = { analytics: new SqliteAnalytics(db), wrapped: new SqliteWrapped(db) };
  return {
    db,
    deps,
    albumIds,
    review: async (request) => {
      const period = wrappedPeriod(request, { timeZone: WRAPPED_ZONE, now: WRAPPED_NOW, history: await deps.analytics.bounds() });
      return yearInReview(deps, period, WRAPPED_NOW);
    },
  };
}

/** Writes the catalogue, listens, collection and pictures into a migrated database. */
export function seedWrappedFixture(sqlite: BetterSqlite3.Database): WrappedFixture {
  const now = paris('2026-02-01 12:00');
  const artistIds = ARTISTS.map((name) => Number(sqlite.prepare('INSERT INTO artists (name, name_key, created_at, updated_at) VALUES (?, ?, ?, ?)')
    .run(name, nameKey(name), now, now).lastInsertRowid));
  const albumIds = ALBUMS.map(([title, artist]) => {
    const keys = albumKey(ARTISTS[artist]!, title);
    const id = Number(sqlite.prepare('INSERT INTO albums (title, title_key, artist_name, artist_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(title, keys.titleKey, ARTISTS[artist], keys.artistKey, now, now).lastInsertRowid);
    sqlite.prepare('INSERT INTO album_artist (album_id, artist_id, position, created_at) VALUES (?, ?, 0, ?)').run(id, artistIds[artist], now);
    return id;
  });
  const trackIds = new Map<string, number>();
  for (const [title, album, duration] of TRACKS) {
    trackIds.set(title, Number(sqlite.prepare(`INSERT INTO tracks (album_id, artist_id, title, title_key, identity_key, duration_seconds, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(albumIds[album], artistIds[album], title, nameKey(title), trackIdentity(artistIds[album]!, albumIds[album]!, title), duration, now, now).lastInsertRowid));
  }
  for (const [title, timestamp, source] of LISTENS) {
    sqlite.prepare('INSERT INTO listening_history (track_id, timestamp, source, loved, created_at) VALUES (?, ?, ?, 0, ?)').run(trackIds.get(title), timestamp, source, now);
  }
  for (const [album, support, added, instance, cover] of COPIES) {
    sqlite.prepare(`INSERT INTO collection_items (album_id, source, discogs_instance_id, date_added, support, cover_url, created_at, updated_at)
      VALUES (?, 'discogs', ?, ?, ?, ?, ?, ?)`).run(albumIds[album], instance, added, support, cover, now, now);
  }
  const image = sqlite.prepare(`INSERT INTO images (url, image_type, source, artist_id, album_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  image.run('https://coverartarchive.example/night-and-day.jpg', 'album', 'coverart', null, albumIds[0], now, now);
  image.run('https://i.scdn.example/zoe.jpg', 'artist', 'spotify', artistIds[0], null, now, now);
  // Last.fm's artist pictures are placeholders: never shown.
  image.run('https://lastfm.example/placeholder.png', 'artist', 'lastfm', artistIds[1], null, now, now);
  return { albumIds };
}
