import type { Statement } from 'better-sqlite3';
import { WIDEST_WINDOW_SECONDS } from '../../core/listens/same-play.js';
import { nameKey } from '../../core/names.js';
import type { ListenSource } from '../../core/model.js';
import type { OwnedAlbum, SpinRecord } from '../../core/spins/model.js';
import type { SpinStore } from '../../core/spins/ports.js';
import type { Database } from '../data-source.js';

/** Owned albums and their copies, the spins recorded, and the listens a spin's plays became. */
export class SqliteSpins implements SpinStore {
  private readonly sql: Record<'album' | 'copies' | 'owned' | 'since' | 'save' | 'listenAt' | 'absorbedAt', Statement>;

  constructor(db: Database) {
    const prepare = (text: string) => db.sqlite.prepare(text);
    this.sql = {
      album: prepare('SELECT id, title, artist_name AS artist FROM albums WHERE id = ?'),
      copies: prepare(
        `SELECT ci.id AS copyId, COALESCE(ci.discogs_release_id, a.discogs_id) AS releaseId, COALESCE(ci.support, a.support) AS support
         FROM collection_items ci JOIN albums a ON a.id = ci.album_id WHERE ci.album_id = ? ORDER BY ci.id`,
      ),
      owned: prepare(
        `SELECT a.id, a.title, a.artist_name AS artist FROM albums a
         WHERE EXISTS (SELECT 1 FROM collection_items ci WHERE ci.album_id = a.id) ORDER BY a.id`,
      ),
      since: prepare(
        `SELECT album_id AS albumId, copy_id AS copyId, release_id AS releaseId, source, track_numbers AS trackNumbers,
           started_at AS startedAt, ended_at AS endedAt, listens, recorded_at AS recordedAt
         FROM spins WHERE album_id = ? AND recorded_at >= ? ORDER BY recorded_at DESC`,
      ),
      save: prepare(
        `INSERT INTO spins (album_id, copy_id, release_id, source, track_numbers, started_at, ended_at, listens, recorded_at)
         VALUES (@albumId, @copyId, @releaseId, @source, @trackNumbers, @startedAt, @endedAt, @listens, @recordedAt)`,
      ),
      // The play's own listen when stored under its source, else the listen stored at that second under that title.
      listenAt: prepare(
        `SELECT l.id FROM listening_history l JOIN tracks t ON t.id = l.track_id
         WHERE l.timestamp = ? AND t.title_key = ? ORDER BY l.source = ? DESC, l.id LIMIT 1`,
      ).pluck(),
      absorbedAt: prepare(
        `SELECT l.id FROM listening_history l JOIN tracks t ON t.id = l.track_id
         WHERE l.timestamp BETWEEN @from AND @to AND l.merged_timestamp = @timestamp AND l.merged_source = @source AND t.title_key = @titleKey
         ORDER BY l.id LIMIT 1`,
      ).pluck(),
    };
  }

  album(albumId: number): OwnedAlbum | undefined {
    const row = this.sql.album.get(albumId) as { id: number; title: string; artist: string } | undefined;
    if (!row) return undefined;
    return { ...row, copies: this.sql.copies.all(albumId) as OwnedAlbum['copies'] };
  }

  ownedAlbums(): { id: number; title: string; artist: string }[] {
    return this.sql.owned.all() as { id: number; title: string; artist: string }[];
  }

  spinsSince(albumId: number, since: number): SpinRecord[] {
    const rows = this.sql.since.all(albumId, since) as (Omit<SpinRecord, 'trackNumbers' | 'source'> & { trackNumbers: string; source: ListenSource })[];
    return rows.map((row) => ({ ...row, trackNumbers: JSON.parse(row.trackNumbers) as number[] }));
  }

  saveSpin(spin: SpinRecord): number {
    return Number(this.sql.save.run({ ...spin, trackNumbers: JSON.stringify(spin.trackNumbers) }).lastInsertRowid);
  }

  listenIds(plays: readonly { timestamp: number; title: string; source: string }[]): (number | null)[] {
    return plays.map((play) => {
      const titleKey = nameKey(play.title);
      const own = this.sql.listenAt.get(play.timestamp, titleKey, play.source) as number | undefined;
      if (own !== undefined) return own;
      // The listen that absorbed a play lies within the cross-source window of it (the time index finds it).
      const near = { from: play.timestamp - WIDEST_WINDOW_SECONDS, to: play.timestamp + WIDEST_WINDOW_SECONDS, timestamp: play.timestamp, source: play.source, titleKey };
      return (this.sql.absorbedAt.get(near) as number | undefined) ?? null;
    });
  }
}
