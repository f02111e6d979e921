import type { Statement } from 'better-sqlite3';
import type { ListenWindow, RecentListens, StoredListen } from '../../core/listenbrainz/ports.js';
import type { Database } from '../data-source.js';

const SELECT = `SELECT l.id, l.track_id AS trackId, l.timestamp, l.created_at AS insertedAt, ar.name AS artist, t.title,
    al.title AS album, l.source, l.client, t.duration_seconds AS durationSeconds
  FROM listening_history l
  JOIN tracks t ON t.id = l.track_id
  JOIN artists ar ON ar.id = t.artist_id
  LEFT JOIN albums al ON al.id = t.album_id
  WHERE l.timestamp > ? AND l.timestamp < ?`;

/** Beyond any play time: an absent bound is one that excludes nothing. */
const NO_BOUND_ABOVE = Number.MAX_SAFE_INTEGER;
const NO_BOUND_BELOW = Number.MIN_SAFE_INTEGER;

/** Listens as the ListenBrainz `listens` endpoint pages through them (idx_listens_time does the walking). */
export class SqliteRecentListens implements RecentListens {
  private readonly sql: Record<'before' | 'after' | 'span', Statement>;

  constructor(db: Database) {
    const prepare = (text: string) => db.sqlite.prepare(text);
    this.sql = {
      before: prepare(`${SELECT} ORDER BY l.timestamp DESC, l.id DESC LIMIT ?`),
      after: prepare(`${SELECT} ORDER BY l.timestamp ASC, l.id ASC LIMIT ?`),
      span: prepare('SELECT MIN(timestamp) AS oldest, MAX(timestamp) AS latest FROM listening_history'),
    };
  }

  page(window: ListenWindow): StoredListen[] {
    const bounds = [window.minTs ?? NO_BOUND_BELOW, window.maxTs ?? NO_BOUND_ABOVE, window.count];
    if (window.minTs === undefined) return this.sql.before.all(...bounds) as StoredListen[];
    return (this.sql.after.all(...bounds) as StoredListen[]).reverse();
  }

  span(): { oldest: number; latest: number } | undefined {
    const row = this.sql.span.get() as { oldest: number | null; latest: number | null };
    return row.oldest === null || row.latest === null ? undefined : { oldest: row.oldest, latest: row.latest };
  }
}
