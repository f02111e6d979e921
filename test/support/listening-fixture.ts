import type BetterSqlite3 from 'better-sqlite3';
import { albumKey, nameKey, trackIdentity } from '../../src/core/names.js';

/**
 * A small hand-made listening history whose every statistic is worked out by hand in the
 * analytics tests: three artists, four albums, six tracks, twelve listens in January 2026,
 * written in Europe/Paris wall-clock time (UTC+1 in winter).
 */
export const FIXTURE_ZONE = 'Europe/Paris';

/** "2026-01-05 20:00" on the Paris clock in winter → UTC epoch seconds. */
export function parisWinter(local: string): number {
  return Date.parse(`${local.replace(' ', 'T')}:00Z`) / 1000 - 3600;
}

const ARTISTS = ['Alpha', 'Beta', 'Gamma'];
/** [title, artist index] */
const ALBUMS: [string, number][] = [['Xanadu', 0], ['Yonder', 1], ['Zenith', 2], ['Wonder', 0]];
/** [title, artist index, album index or null, duration (null or 0 = unknown)] */
const TRACKS: [string, number, number | null, number | null][] = [
  ['One', 0, 0, 200],
  ['Two', 0, 0, 300],
  ['Three', 1, 1, null],
  ['Four', 2, null, 240],
  ['Five', 2, 2, 100],
  ['Six', 0, 3, 0],
];

/** [track index, Paris time]: the worked examples in the tests follow this order. */
export const FIXTURE_LISTENS: [number, string][] = [
  [0, '2026-01-05 20:00'],
  [1, '2026-01-05 20:04'],
  [2, '2026-01-05 20:10'],
  [0, '2026-01-05 20:40'],
  [3, '2026-01-05 23:50'],
  [0, '2026-01-06 00:10'],
  [2, '2026-01-07 08:00'],
  [2, '2026-01-07 08:31'],
  [5, '2026-01-07 08:35'],
  [1, '2026-01-11 23:59'],
  [0, '2026-01-12 00:00'],
  [1, '2026-01-04 23:59'],
];

/** Writes the catalogue, the listens and a collection (Zenith twice, Yonder, Wonder). Returns listen ids in FIXTURE_LISTENS order. */
export function seedListeningFixture(sqlite: BetterSqlite3.Database): number[] {
  const now = 1_767_225_600;
  const artistIds = ARTISTS.map((name) => Number(sqlite.prepare('INSERT INTO artists (name, name_key, created_at, updated_at) VALUES (?, ?, ?, ?)').run(name, nameKey(name), now, now).lastInsertRowid));
  const albumIds = ALBUMS.map(([title, artist]) => {
    const keys = albumKey(ARTISTS[artist]!, title);
    const id = Number(sqlite.prepare(`INSERT INTO albums (title, title_key, artist_name, artist_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`)
      .run(title, keys.titleKey, ARTISTS[artist], keys.artistKey, now, now).lastInsertRowid);
    sqlite.prepare('INSERT INTO album_artist (album_id, artist_id, position, created_at) VALUES (?, ?, 0, ?)').run(id, artistIds[artist], now);
    return id;
  });
  const trackIds = TRACKS.map(([title, artist, album, duration]) => {
    const albumId = album === null ? null : albumIds[album]!;
    return Number(sqlite.prepare(`INSERT INTO tracks (album_id, artist_id, title, title_key, identity_key, duration_seconds, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(albumId, artistIds[artist], title, nameKey(title), trackIdentity(artistIds[artist]!, albumId, title), duration, now, now).lastInsertRowid);
  });
  const listenIds = FIXTURE_LISTENS.map(([track, local]) => Number(sqlite.prepare(`INSERT INTO listening_history (track_id, timestamp, source, loved, created_at) VALUES (?, ?, 'lastfm', 0, ?)`)
    .run(trackIds[track], parisWinter(local), now).lastInsertRowid));
  const owned: [number, string, string, number][] = [[2, 'vinyl', '2025-12-01', 1], [2, 'cd', '2025-12-03', 2], [1, 'cd', '2025-11-01', 3], [3, 'vinyl', '2025-10-01', 4]];
  for (const [album, support, added, instance] of owned) {
    sqlite.prepare(`INSERT INTO collection_items (album_id, source, discogs_instance_id, date_added, support, created_at, updated_at) VALUES (?, 'discogs', ?, ?, ?, ?, ?)`)
      .run(albumIds[album], instance, parisWinter(`${added} 12:00`), support, now, now);
  }
  return listenIds;
}
