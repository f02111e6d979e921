import type { Statement } from 'better-sqlite3';
import type { TracklistStatus, TracklistTrack } from '../../core/spins/model.js';
import type { DueRelease, TracklistStore } from '../../core/spins/ports.js';
import type { Database } from '../data-source.js';

/**
 * The Discogs releases of owned copies: a copy imported from Discogs names its release; one
 * added by hand borrows its album's Discogs id. Fetched newest copies first: a record just
 * bought is the one most likely to be played tonight.
 */
const OWNED_RELEASES = `SELECT COALESCE(ci.discogs_release_id, a.discogs_id) AS release_id, MAX(COALESCE(ci.date_added, 0)) AS added
  FROM collection_items ci JOIN albums a ON a.id = ci.album_id
  WHERE COALESCE(ci.discogs_release_id, a.discogs_id) IS NOT NULL
  GROUP BY 1`;

/** Tracklists in SQLite (tracklists + tracklist_tracks, migration 1763830000000). */
export class SqliteTracklists implements TracklistStore {
  private readonly db: Database;
  private readonly sql: Record<'status' | 'tracks' | 'deleteTracks' | 'insertTrack' | 'fetched' | 'failure' | 'neverAsked' | 'retryDue' | 'progress', Statement>;

  constructor(db: Database) {
    this.db = db;
    const prepare = (text: string) => db.sqlite.prepare(text);
    this.sql = {
      status: prepare('SELECT status FROM tracklists WHERE release_id = ?').pluck(),
      tracks: prepare(
        `SELECT sequence AS number, position, side, title, artist, duration_seconds AS durationSeconds
         FROM tracklist_tracks WHERE release_id = ? ORDER BY sequence`,
      ),
      deleteTracks: prepare('DELETE FROM tracklist_tracks WHERE release_id = ?'),
      insertTrack: prepare(
        `INSERT INTO tracklist_tracks (release_id, sequence, position, side, title, artist, duration_seconds)
         VALUES (@releaseId, @number, @position, @side, @title, @artist, @durationSeconds)`,
      ),
      fetched: prepare(
        `INSERT INTO tracklists (release_id, status, attempts, last_error, fetched_at, next_retry_at, updated_at) VALUES (?, 'fetched', 0, NULL, ?, NULL, ?)
         ON CONFLICT (release_id) DO UPDATE SET status = 'fetched', attempts = 0, last_error = NULL, fetched_at = excluded.fetched_at,
           next_retry_at = NULL, updated_at = excluded.updated_at`,
      ),
      failure: prepare(
        `INSERT INTO tracklists (release_id, status, attempts, last_error, next_retry_at, updated_at) VALUES (@releaseId, @status, 1, @error, @nextRetryAt, @now)
         ON CONFLICT (release_id) DO UPDATE SET status = excluded.status, attempts = tracklists.attempts + 1, last_error = excluded.last_error,
           next_retry_at = excluded.next_retry_at, updated_at = excluded.updated_at`,
      ),
      // Walks the copies newest first and stops at the first release never asked about: cheap
      // at every step, however much of the collection is fetched already.
      neverAsked: prepare(
        `SELECT COALESCE(ci.discogs_release_id, a.discogs_id) AS releaseId
         FROM collection_items ci JOIN albums a ON a.id = ci.album_id
         WHERE COALESCE(ci.discogs_release_id, a.discogs_id) IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM tracklists t WHERE t.release_id = COALESCE(ci.discogs_release_id, a.discogs_id))
         ORDER BY ci.date_added DESC, ci.id DESC LIMIT ?`,
      ).pluck(),
      retryDue: prepare(
        `SELECT t.release_id AS releaseId, t.attempts FROM tracklists t
         WHERE t.status <> 'fetched' AND t.next_retry_at <= ?
           AND EXISTS (SELECT 1 FROM collection_items ci JOIN albums a ON a.id = ci.album_id WHERE COALESCE(ci.discogs_release_id, a.discogs_id) = t.release_id)
         ORDER BY t.next_retry_at, t.release_id LIMIT ?`,
      ),
      progress: prepare(
        `SELECT COALESCE(SUM(t.status = 'fetched'), 0) AS fetched,
           COALESCE(SUM(t.release_id IS NULL OR (t.status <> 'fetched' AND t.next_retry_at <= @now)), 0) AS due,
           COALESCE(SUM(t.status <> 'fetched' AND t.next_retry_at > @now), 0) AS waiting
         FROM (${OWNED_RELEASES}) owned LEFT JOIN tracklists t ON t.release_id = owned.release_id`,
      ),
    };
  }

  tracks(releaseId: number): TracklistTrack[] | undefined {
    if (this.sql.status.get(releaseId) !== ('fetched' satisfies TracklistStatus)) return undefined;
    return this.sql.tracks.all(releaseId) as TracklistTrack[];
  }

  saveTracks(releaseId: number, tracks: readonly TracklistTrack[], now: number): void {
    this.db.sqlite.transaction(() => {
      this.sql.fetched.run(releaseId, now, now);
      this.sql.deleteTracks.run(releaseId);
      for (const track of tracks) this.sql.insertTrack.run({ releaseId, ...track });
    })();
  }

  saveFailure(releaseId: number, outcome: { status: Exclude<TracklistStatus, 'fetched'>; error: string; nextRetryAt: number }, now: number): void {
    this.sql.failure.run({ releaseId, ...outcome, now });
  }

  /** Releases never asked about first (newest copies first), then failures whose retry time has come. */
  due(now: number, limit: number): DueRelease[] {
    // Two copies of one release both come up: ask for a few more, keep each release once.
    const fresh = [...new Set(this.sql.neverAsked.all(limit * 2) as number[])].slice(0, limit).map((releaseId) => ({ releaseId, attempts: 0 }));
    if (fresh.length >= limit) return fresh;
    return [...fresh, ...(this.sql.retryDue.all(now, limit - fresh.length) as DueRelease[])];
  }

  progress(now: number): { fetched: number; due: number; waiting: number } {
    return this.sql.progress.get({ now }) as { fetched: number; due: number; waiting: number };
  }
}
