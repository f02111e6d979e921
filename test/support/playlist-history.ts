// A hand-made listening history written straight into a migrated SQLite file: the playlist
// tests state which tracks were played when, then check what each algorithm makes of it.
import { nameKey, trackIdentity } from '../../src/core/names.js';
import { openDatabase, runMigrations, type Database } from '../../src/db/data-source.js';

export interface TrackSpec {
  readonly artist: string;
  readonly title: string;
  readonly album?: string;
  readonly trackNumber?: number;
  readonly durationSeconds?: number;
}

export class CraftedHistory {
  readonly db: Database;
  private readonly artists = new Map<string, number>();
  private readonly albums = new Map<string, number>();

  private constructor(db: Database) {
    this.db = db;
  }

  static async open(path: string): Promise<CraftedHistory> {
    const db = await openDatabase({ path });
    await runMigrations(db);
    return new CraftedHistory(db);
  }

  artistId(name: string): number {
    let id = this.artists.get(name);
    if (id === undefined) {
      id = Number(this.db.sqlite.prepare('INSERT INTO artists (name, name_key, created_at, updated_at) VALUES (?, ?, 0, 0)').run(name, nameKey(name)).lastInsertRowid);
      this.artists.set(name, id);
    }
    return id;
  }

  albumId(artist: string, title: string): number {
    const key = `${artist}\u0000${title}`;
    let id = this.albums.get(key);
    if (id === undefined) {
      const sql = this.db.sqlite;
      id = Number(
        sql
          .prepare('INSERT INTO albums (title, title_key, artist_name, artist_key, created_at, updated_at) VALUES (?, ?, ?, ?, 0, 0)')
          .run(title, nameKey(title), artist, nameKey(artist)).lastInsertRowid,
      );
      sql.prepare('INSERT INTO album_artist (album_id, artist_id, position, created_at) VALUES (?, ?, 0, 0)').run(id, this.artistId(artist));
      this.albums.set(key, id);
    }
    return id;
  }

  track(spec: TrackSpec): number {
    const artistId = this.artistId(spec.artist);
    const albumId = spec.album ? this.albumId(spec.artist, spec.album) : null;
    return Number(
      this.db.sqlite
        .prepare(
          `INSERT INTO tracks (album_id, artist_id, title, title_key, identity_key, track_number, duration_seconds, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0)`,
        )
        .run(albumId, artistId, spec.title, nameKey(spec.title), trackIdentity(artistId, albumId, spec.title), spec.trackNumber ?? null, spec.durationSeconds ?? null)
        .lastInsertRowid,
    );
  }

  listen(trackId: number, timestamp: number, options: { loved?: boolean } = {}): void {
    this.db.sqlite
      .prepare(`INSERT INTO listening_history (track_id, timestamp, source, loved, created_at) VALUES (?, ?, 'lastfm', ?, 0)`)
      .run(trackId, timestamp, options.loved ? 1 : 0);
  }

  /** Plays the tracks one after another, `spacing` seconds apart, from `start`. */
  session(start: number, trackIds: readonly number[], spacing = 240): number {
    trackIds.forEach((trackId, index) => this.listen(trackId, start + index * spacing));
    return start + trackIds.length * spacing;
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

/** UTC epoch seconds of an ISO date-time ("2026-07-10T19:10:00Z"). */
export function at(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}
