// A small music library written straight into a migrated SQLite file, for the AI tests:
// albums with years, labels, genres and play counts, a few collection copies, and Spotify
// columns filled with values a prompt must never carry.
import { nameKey } from '../../src/core/names.js';
import { openDatabase, runMigrations, type Database } from '../../src/db/data-source.js';

export const SPOTIFY_MARK = 'SPOTIFYONLY7xQ';

interface AlbumSeed {
  readonly artist: string;
  readonly title: string;
  readonly year: number;
  readonly genres: string[];
  readonly styles: string[];
  readonly labels: string[];
  /** Plays in the last week, and in the previous calendar month (UTC). */
  readonly recentPlays: number;
  readonly lastMonthPlays: number;
  readonly owned?: 'vinyl' | 'cd';
}

export const LIBRARY: readonly AlbumSeed[] = [
  { artist: 'Massive Attack', title: 'Blue Lines', year: 1991, genres: ['Electronic'], styles: ['Trip Hop'], labels: ['Wild Bunch', 'Circa'], recentPlays: 9, lastMonthPlays: 4, owned: 'vinyl' },
  { artist: 'Radiohead', title: 'Kid A', year: 2000, genres: ['Electronic', 'Rock'], styles: ['Experimental'], labels: ['Parlophone'], recentPlays: 6, lastMonthPlays: 7, owned: 'cd' },
  { artist: 'Björk', title: 'Homogenic', year: 1997, genres: ['Electronic'], styles: ['Art Pop'], labels: ['One Little Indian'], recentPlays: 4, lastMonthPlays: 0, owned: 'vinyl' },
  { artist: 'Portishead', title: 'Dummy', year: 1994, genres: ['Electronic'], styles: ['Trip Hop'], labels: ['Go! Beat'], recentPlays: 3, lastMonthPlays: 2, owned: 'vinyl' },
  { artist: 'Daft Punk', title: 'Discovery', year: 2001, genres: ['Electronic'], styles: ['House'], labels: ['Virgin'], recentPlays: 2, lastMonthPlays: 1 },
  { artist: 'Air', title: 'Moon Safari', year: 1998, genres: ['Electronic'], styles: ['Downtempo'], labels: ['Source'], recentPlays: 1, lastMonthPlays: 3, owned: 'cd' },
];

/** The first second (UTC) of the calendar month before `nowSeconds`. */
export function previousMonthStart(nowSeconds: number): { month: string; from: number } {
  const now = new Date(nowSeconds * 1000);
  const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1);
  const date = new Date(start);
  return { month: `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`, from: start / 1000 };
}

/** Creates (and migrates) the database at `path` and fills it; returns album ids by title. */
export async function seedLibrary(path: string, nowSeconds = Math.floor(Date.now() / 1000)): Promise<Map<string, number>> {
  const db = await openDatabase({ path });
  await runMigrations(db);
  try {
    return writeLibrary(db, nowSeconds);
  } finally {
    await db.close();
  }
}

export function writeLibrary(db: Database, nowSeconds: number): Map<string, number> {
  const sql = db.sqlite;
  const ids = new Map<string, number>();
  const lastMonth = previousMonthStart(nowSeconds).from;
  sql.transaction(() => {
    for (const seed of LIBRARY) {
      const artistId = Number(
        sql.prepare('INSERT INTO artists (name, name_key, spotify_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(seed.artist, nameKey(seed.artist), `${SPOTIFY_MARK}-artist`, nowSeconds, nowSeconds).lastInsertRowid,
      );
      const albumId = Number(
        sql
          .prepare(
            `INSERT INTO albums (title, title_key, artist_name, artist_key, year, support, source, spotify_id, spotify_url, genres, styles, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, 'lastfm', ?, ?, ?, ?, ?, ?)`,
          )
          .run(seed.title, nameKey(seed.title), seed.artist, nameKey(seed.artist), seed.year, seed.owned ?? null, SPOTIFY_MARK, `https://open.spotify.com/album/${SPOTIFY_MARK}`, JSON.stringify(seed.genres), JSON.stringify(seed.styles), nowSeconds, nowSeconds).lastInsertRowid,
      );
      ids.set(seed.title, albumId);
      sql.prepare('INSERT INTO album_artist (album_id, artist_id, position, created_at) VALUES (?, ?, 0, ?)').run(albumId, artistId, nowSeconds);
      sql.prepare('INSERT INTO metadata (album_id, labels, created_at, updated_at) VALUES (?, ?, ?, ?)').run(albumId, JSON.stringify(seed.labels), nowSeconds, nowSeconds);
      if (seed.owned) {
        sql.prepare('INSERT INTO collection_items (album_id, source, support, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(albumId, 'discogs', seed.owned, nowSeconds, nowSeconds);
      }
      const trackId = Number(
        sql
          .prepare('INSERT INTO tracks (album_id, artist_id, title, title_key, identity_key, spotify_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
          .run(albumId, artistId, `${seed.title} (opening)`, nameKey(`${seed.title} opening`), `${artistId}:${albumId}:opening`, `${SPOTIFY_MARK}-track`, nowSeconds, nowSeconds).lastInsertRowid,
      );
      const listen = sql.prepare('INSERT INTO listening_history (track_id, timestamp, source, created_at) VALUES (?, ?, ?, ?)');
      for (let i = 0; i < seed.recentPlays; i++) listen.run(trackId, nowSeconds - 3600 * (i + 1) - albumId, 'lastfm', nowSeconds);
      for (let i = 0; i < seed.lastMonthPlays; i++) listen.run(trackId, lastMonth + 86_400 * (i + 1) + albumId, 'lastfm', nowSeconds);
    }
  })();
  return ids;
}
