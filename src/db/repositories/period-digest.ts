import { shownDate } from '../../core/time/shown.js';
import type { Database } from '../data-source.js';
import { refreshArtistCredits } from './artist-credits.js';

/** What a period of listening amounts to: the figures a haiku, a report and a report file share. */
export interface PeriodDigest {
  readonly listens: number;
  /** Time played where known (the play's own length, else the track's). */
  readonly playedSeconds: number;
  /** Local days (in `timeZone`) with at least one listen. */
  readonly activeDays: number;
  readonly topArtists: { name: string; plays: number }[];
  readonly topAlbums: { title: string; artist: string; plays: number }[];
  /** Artists first heard in the period. */
  readonly newArtists: number;
  /** Copies added to the collection in the period. */
  readonly albumsAdded: number;
}

/** Plays in [from, to) (UTC epoch seconds), ranked top `top`; artists as statistics count them (artist_credits). */
export function periodDigest(db: Database, from: number, to: number, timeZone: string, top: number): PeriodDigest {
  const sql = db.sqlite;
  refreshArtistCredits(sql);
  const totals = sql
    .prepare(`SELECT COUNT(*) AS listens, COALESCE(SUM(COALESCE(l.played_seconds, t.duration_seconds, 0)), 0) AS seconds
      FROM listening_history l JOIN tracks t ON t.id = l.track_id WHERE l.timestamp >= ? AND l.timestamp < ?`)
    .get(from, to) as { listens: number; seconds: number };
  // Quarter-hour buckets are few (≤ 3,000 a month) and each lies inside one local day in every zone.
  const buckets = sql
    .prepare('SELECT DISTINCT timestamp / 900 AS bucket FROM listening_history WHERE timestamp >= ? AND timestamp < ?')
    .all(from, to) as { bucket: number }[];
  const days = new Set(buckets.map((row) => shownDate(row.bucket * 900 * 1000, timeZone)));
  const topArtists = sql
    .prepare(`WITH per_credit AS (SELECT t.artist_id, COUNT(*) AS plays FROM listening_history l JOIN tracks t ON t.id = l.track_id
        WHERE l.timestamp >= ? AND l.timestamp < ? GROUP BY t.artist_id),
      per_artist AS (SELECT coalesce(c.artist_id, pc.artist_id) AS artist_id, SUM(pc.plays) AS plays
        FROM per_credit pc LEFT JOIN artist_credits c ON c.credit_id = pc.artist_id GROUP BY 1)
      SELECT ar.name AS name, pa.plays FROM per_artist pa JOIN artists ar ON ar.id = pa.artist_id ORDER BY pa.plays DESC, ar.name_key LIMIT ?`)
    .all(from, to, top) as { name: string; plays: number }[];
  const topAlbums = sql
    .prepare(`SELECT a.title AS title, a.artist_name AS artist, COUNT(*) AS plays FROM listening_history l
      JOIN tracks t ON t.id = l.track_id JOIN albums a ON a.id = t.album_id WHERE l.timestamp >= ? AND l.timestamp < ?
      GROUP BY a.id ORDER BY plays DESC, a.title_key LIMIT ?`)
    .all(from, to, top) as { title: string; artist: string; plays: number }[];
  const { newArtists } = sql
    .prepare(`SELECT COUNT(*) AS newArtists FROM (SELECT coalesce(c.artist_id, f.artist_id) AS artist, MIN(f.first) AS first
      FROM (SELECT t.artist_id, MIN(l.timestamp) AS first FROM listening_history l JOIN tracks t ON t.id = l.track_id GROUP BY t.artist_id) f
      LEFT JOIN artist_credits c ON c.credit_id = f.artist_id GROUP BY 1 HAVING first >= ? AND first < ?)`)
    .get(from, to) as { newArtists: number };
  const { added } = sql
    .prepare('SELECT COUNT(*) AS added FROM collection_items WHERE COALESCE(date_added, created_at) >= ? AND COALESCE(date_added, created_at) < ?')
    .get(from, to) as { added: number };
  return { listens: totals.listens, playedSeconds: totals.seconds, activeDays: days.size, topArtists, topAlbums, newArtists, albumsAdded: added };
}
