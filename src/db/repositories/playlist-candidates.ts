import type BetterSqlite3 from 'better-sqlite3';
import type {
  AlbumPlays,
  ArtistPair,
  ArtistTransition,
  ListeningSession,
  OffsetSpan,
  PlaylistCandidates,
  RediscoveryCandidate,
  TrackLabel,
  TrackPlays,
} from '../../core/playlists/ports.js';
import type { Database } from '../data-source.js';
import { refreshArtistCredits } from './artist-credits.js';

/**
 * Offset periods handed to SQL as one JSON parameter (local hour = (ts + offset) % 86400 / 3600);
 * materialized, or SQLite would re-read the JSON for every listen.
 */
const PERIODS = `periods AS MATERIALIZED (
  SELECT json_extract(value, '$.start') AS start, json_extract(value, '$.end') AS finish,
         json_extract(value, '$.offsetSeconds') AS offset
  FROM json_each(?))`;

const SQL = {
  // One window pass numbers the listens and finds session starts; the sessions' lengths
  // are differences of row numbers between consecutive starts.
  longestSessions: `
    WITH marked AS (
      SELECT timestamp AS ts, LAG(timestamp) OVER w AS previous, ROW_NUMBER() OVER w AS n
      FROM listening_history WHERE timestamp >= @since WINDOW w AS (ORDER BY timestamp)),
    starts AS (SELECT ts, n, previous FROM marked WHERE previous IS NULL OR ts - previous > @gap),
    bounded AS (
      SELECT ts AS start, n, LEAD(n) OVER s AS next_n, LEAD(previous) OVER s AS last_ts
      FROM starts WINDOW s AS (ORDER BY n))
    SELECT start, COALESCE(last_ts, (SELECT MAX(timestamp) FROM listening_history)) AS "end",
           COALESCE(next_n, (SELECT COUNT(*) FROM listening_history WHERE timestamp >= @since) + 1) - n AS listens
    FROM bounded ORDER BY listens DESC, start DESC LIMIT @limit`,
  tracksPlayedBetween: `SELECT track_id FROM listening_history WHERE timestamp BETWEEN ? AND ? ORDER BY timestamp, id`,
  artistPairs: `
    WITH marked AS (
      SELECT t.artist_id AS artist, l.timestamp AS ts,
             CASE WHEN l.timestamp - LAG(l.timestamp) OVER (ORDER BY l.timestamp) <= @gap THEN 0 ELSE 1 END AS brk
      FROM listening_history l JOIN tracks t ON t.id = l.track_id WHERE l.timestamp >= @since),
    sessioned AS (SELECT SUM(brk) OVER (ORDER BY ts ROWS UNBOUNDED PRECEDING) AS session, artist FROM marked),
    presence AS MATERIALIZED (SELECT DISTINCT s.session, coalesce(c.artist_id, s.artist) AS artist
      FROM sessioned s LEFT JOIN artist_credits c ON c.credit_id = s.artist)
    SELECT a.artist AS first, b.artist AS second, COUNT(*) AS sessions
    FROM presence a JOIN presence b ON b.session = a.session AND b.artist > a.artist
    GROUP BY a.artist, b.artist ORDER BY sessions DESC, first, second LIMIT @limit`,
  // The artist's own tracks and those of every credit counting for it (aliases, "A / B").
  topTracksOfArtist: `
    SELECT t.id AS trackId, (SELECT COUNT(*) FROM listening_history l WHERE l.track_id = t.id) AS plays
    FROM tracks t WHERE t.artist_id = @artist OR t.artist_id IN (SELECT credit_id FROM artist_credits WHERE artist_id = @artist)
    ORDER BY plays DESC, t.id LIMIT @limit`,
  artistTransitions: `
    WITH ordered AS (
      SELECT t.artist_id AS artist, LAG(t.artist_id) OVER w AS previous, l.timestamp - LAG(l.timestamp) OVER w AS gap
      FROM listening_history l JOIN tracks t ON t.id = l.track_id
      WHERE l.timestamp >= @since WINDOW w AS (ORDER BY l.timestamp, l.id)),
    stored AS (SELECT previous, artist, COUNT(*) AS count FROM ordered
      WHERE previous IS NOT NULL AND previous <> artist AND gap <= @gap GROUP BY previous, artist),
    counted AS (SELECT coalesce(cf.artist_id, s.previous) AS previous, coalesce(ct.artist_id, s.artist) AS artist, s.count FROM stored s
      LEFT JOIN artist_credits cf ON cf.credit_id = s.previous LEFT JOIN artist_credits ct ON ct.credit_id = s.artist)
    SELECT previous AS "from", artist AS "to", SUM(count) AS count FROM counted WHERE previous <> artist
    GROUP BY previous, artist ORDER BY count DESC, previous, artist`,
  listeningSpan: `SELECT MIN(timestamp) AS first, MAX(timestamp) AS last FROM listening_history`,
  playsByLocalHour: `
    WITH ${PERIODS}
    SELECT ((l.timestamp + p.offset) % 86400) / 3600 AS hour, COUNT(*) AS plays
    FROM periods p JOIN listening_history l ON l.timestamp >= p.start AND l.timestamp < p.finish
    GROUP BY hour`,
  topTracksInLocalHour: `
    WITH ${PERIODS}
    SELECT l.track_id AS trackId, COUNT(*) AS plays
    FROM periods p JOIN listening_history l ON l.timestamp >= p.start AND l.timestamp < p.finish
    WHERE ((l.timestamp + p.offset) % 86400) / 3600 = ?
    GROUP BY l.track_id ORDER BY plays DESC, l.track_id LIMIT ?`,
  // Plays per track come from the (track_id, timestamp) index alone; only then are tracks joined.
  albumsByPlays: `
    WITH per_track AS (SELECT track_id, COUNT(*) AS track_plays FROM listening_history GROUP BY track_id)
    SELECT t.album_id AS albumId, SUM(p.track_plays) AS plays, COUNT(*) AS tracksPlayed
    FROM per_track p JOIN tracks t ON t.id = p.track_id WHERE t.album_id IS NOT NULL
    GROUP BY t.album_id HAVING SUM(p.track_plays) >= ? AND COUNT(*) >= ? ORDER BY plays DESC, albumId LIMIT ?`,
  albumTracks: `
    SELECT t.id FROM tracks t WHERE t.album_id = ?
    ORDER BY t.track_number IS NULL, t.track_number,
             (SELECT MIN(l.timestamp) FROM listening_history l WHERE l.track_id = t.id), t.id`,
  forgottenTracks: `
    WITH per_track AS (SELECT track_id, COUNT(*) AS plays, MAX(timestamp) AS last_played FROM listening_history GROUP BY track_id),
    loved AS (SELECT DISTINCT track_id FROM listening_history WHERE loved = 1)
    SELECT p.track_id AS trackId, p.plays, p.track_id IN loved AS loved, p.last_played AS lastPlayed
    FROM per_track p WHERE p.last_played < ?
    ORDER BY loved DESC, p.plays DESC, p.last_played, p.track_id LIMIT ?`,
  mostPlayedTracks: `
    WITH per_track AS (SELECT track_id, COUNT(*) AS plays FROM listening_history GROUP BY track_id ORDER BY plays DESC, track_id LIMIT ?)
    SELECT p.track_id AS trackId, t.title, ar.name AS artist, al.title AS album, t.duration_seconds AS durationSeconds, p.plays
    FROM per_track p JOIN tracks t ON t.id = p.track_id JOIN artists ar ON ar.id = t.artist_id
    LEFT JOIN albums al ON al.id = t.album_id ORDER BY p.plays DESC, p.track_id`,
} as const;

/**
 * The aggregates the playlist algorithms start from, one prepared statement each. Artists
 * are the ones listens count for (artist_credits: aliases, credits naming several artists).
 */
export class SqlitePlaylistCandidates implements PlaylistCandidates {
  private readonly statements = new Map<keyof typeof SQL, BetterSqlite3.Statement>();
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  private statement(name: keyof typeof SQL): BetterSqlite3.Statement {
    let statement = this.statements.get(name);
    if (!statement) {
      statement = this.db.sqlite.prepare(SQL[name]);
      this.statements.set(name, statement);
    }
    return statement;
  }

  async longestSessions(since: number, gapSeconds: number, limit: number): Promise<ListeningSession[]> {
    return this.statement('longestSessions').all({ since, gap: gapSeconds, limit }) as ListeningSession[];
  }

  async tracksPlayedBetween(start: number, end: number): Promise<number[]> {
    return this.statement('tracksPlayedBetween').pluck().all(start, end) as number[];
  }

  async artistPairs(since: number, gapSeconds: number, limit: number): Promise<ArtistPair[]> {
    refreshArtistCredits(this.db.sqlite);
    return this.statement('artistPairs').all({ since, gap: gapSeconds, limit }) as ArtistPair[];
  }

  async topTracksOfArtist(artistId: number, limit: number): Promise<TrackPlays[]> {
    refreshArtistCredits(this.db.sqlite);
    return this.statement('topTracksOfArtist').all({ artist: artistId, limit }) as TrackPlays[];
  }

  async artistTransitions(since: number, gapSeconds: number): Promise<ArtistTransition[]> {
    refreshArtistCredits(this.db.sqlite);
    return this.statement('artistTransitions').all({ since, gap: gapSeconds }) as ArtistTransition[];
  }

  async listeningSpan(): Promise<{ first: number; last: number } | null> {
    const row = this.statement('listeningSpan').get() as { first: number | null; last: number | null };
    return row.first === null || row.last === null ? null : { first: row.first, last: row.last };
  }

  async playsByLocalHour(periods: readonly OffsetSpan[]): Promise<number[]> {
    const hours = new Array<number>(24).fill(0);
    const rows = this.statement('playsByLocalHour').all(JSON.stringify(periods)) as { hour: number; plays: number }[];
    for (const row of rows) if (row.hour >= 0 && row.hour < 24) hours[row.hour] = row.plays;
    return hours;
  }

  async topTracksInLocalHour(periods: readonly OffsetSpan[], hour: number, limit: number): Promise<TrackPlays[]> {
    return this.statement('topTracksInLocalHour').all(JSON.stringify(periods), hour, limit) as TrackPlays[];
  }

  async albumsByPlays(minPlays: number, minTracks: number, limit: number): Promise<AlbumPlays[]> {
    return this.statement('albumsByPlays').all(minPlays, minTracks, limit) as AlbumPlays[];
  }

  async albumTracks(albumId: number): Promise<number[]> {
    return this.statement('albumTracks').pluck().all(albumId) as number[];
  }

  async forgottenTracks(notSince: number, limit: number): Promise<RediscoveryCandidate[]> {
    const rows = this.statement('forgottenTracks').all(notSince, limit) as (Omit<RediscoveryCandidate, 'loved'> & { loved: number })[];
    return rows.map((row) => ({ ...row, loved: row.loved === 1 }));
  }

  async mostPlayedTracks(limit: number): Promise<(TrackLabel & { plays: number })[]> {
    return this.statement('mostPlayedTracks').all(limit) as (TrackLabel & { plays: number })[];
  }
}
