import type { Statement } from 'better-sqlite3';
import type {
  AlbumToTime, AlbumTracklist, Due, DurationCounts, DurationFill, DurationLookup, DurationStore, LookupOutcome, TrackLookup, TrackToTime,
} from '../../core/durations/ports.js';
import type { Database } from '../data-source.js';

/** enrichment_attempts.provider of each lookup (entity_type 'album' for tracklists, 'track' for the others). */
const PROVIDER: Record<DurationLookup, string> = {
  'lastfm-album': 'duration.lastfm-album',
  'lastfm-track': 'duration.lastfm-track',
  musicbrainz: 'duration.musicbrainz',
};

const TRACK_COLUMNS = 't.id, t.album_id AS albumId, t.title, ar.name AS artist, al.title AS album, t.musicbrainz_id AS mbid';

/**
 * Track durations in SQLite: tracks.duration_seconds and duration_source, and one
 * enrichment_attempts row per album or track and lookup (status, attempts, next retry
 * time). The tracks still without a duration are read through two partial indexes, so the
 * work left costs what is left, not the whole library.
 */
export class SqliteDurations implements DurationStore {
  private readonly db: Database;
  private readonly sql: Record<
    'albumTracks' | 'fill' | 'remember' | 'record' | 'unknownTracks' | 'unknownListens' | 'nextRetry' | 'forgetTracklist' | 'keepTracklist' | 'tracklist',
    Statement
  >;
  private readonly dueAlbumsSql: Statement;
  private readonly dueTracksSql: Record<'lastfm-track' | 'musicbrainz' | 'musicbrainz-alone', Statement>;

  constructor(db: Database) {
    this.db = db;
    const prepare = (text: string) => db.sqlite.prepare(text);
    this.sql = {
      albumTracks: prepare(`SELECT ${TRACK_COLUMNS} FROM tracks t INDEXED BY idx_tracks_unknown_duration_album
        JOIN artists ar ON ar.id = t.artist_id JOIN albums al ON al.id = t.album_id
        WHERE t.album_id = ? AND t.duration_seconds IS NULL ORDER BY t.id`),
      fill: prepare('UPDATE tracks SET duration_seconds = ?, duration_source = ?, updated_at = ? WHERE id = ? AND duration_seconds IS NULL'),
      remember: prepare('UPDATE tracks SET musicbrainz_id = ?, updated_at = ? WHERE id = ? AND musicbrainz_id IS NULL'),
      record: prepare(`INSERT INTO enrichment_attempts (entity_type, entity_id, provider, status, attempts, last_error, last_attempt_at, next_retry_at, created_at, updated_at)
        VALUES (@entity, @id, @provider, @status, 1, @error, @now, @nextRetryAt, @now, @now)
        ON CONFLICT (entity_type, entity_id, provider) DO UPDATE SET status = excluded.status, attempts = enrichment_attempts.attempts + 1,
          last_error = excluded.last_error, last_attempt_at = excluded.last_attempt_at, next_retry_at = excluded.next_retry_at, updated_at = excluded.updated_at`),
      unknownTracks: prepare('SELECT count(*) FROM tracks INDEXED BY idx_tracks_unknown_duration WHERE duration_seconds IS NULL').pluck(),
      unknownListens: prepare(`SELECT count(*) FROM tracks t INDEXED BY idx_tracks_unknown_duration JOIN listening_history l ON l.track_id = t.id
        WHERE t.duration_seconds IS NULL AND coalesce(l.played_seconds, 0) <= 0`).pluck(),
      forgetTracklist: prepare('DELETE FROM album_tracklists WHERE album_id = ?'),
      keepTracklist: prepare('INSERT INTO album_tracklists (album_id, position, title, duration_seconds) VALUES (?, ?, ?, ?)'),
      tracklist: prepare('SELECT title, duration_seconds AS durationSeconds FROM album_tracklists WHERE album_id = ? ORDER BY position'),
      nextRetry: prepare(`SELECT min(next_retry_at) FROM enrichment_attempts WHERE provider IN ('${Object.values(PROVIDER).join("', '")}') AND next_retry_at > ?`).pluck(),
    };
    // An album is due when one of its tracks lacks a duration and its tracklist was never
    // read, or reading it failed or found none and the retry time came. A tracklist read is
    // kept: tracks scrobbled later find their length there (at their Last.fm track turn).
    this.dueAlbumsSql = prepare(`WITH waiting AS (
        SELECT DISTINCT album_id FROM tracks INDEXED BY idx_tracks_unknown_duration_album
        WHERE duration_seconds IS NULL AND album_id > @after ORDER BY album_id)
      SELECT a.id, a.title, a.artist_name AS artist, coalesce(e.attempts, 0) AS attempts
      FROM waiting w JOIN albums a ON a.id = w.album_id
      LEFT JOIN enrichment_attempts e ON e.entity_type = 'album' AND e.entity_id = a.id AND e.provider = '${PROVIDER['lastfm-album']}'
      WHERE e.id IS NULL OR (e.status <> 'success' AND e.next_retry_at <= @now)
      ORDER BY a.id LIMIT @limit`);
    // A track's turn at a lookup comes once the lookup before it has answered, or has failed
    // @patience times (a catalogue that keeps failing does not hold the others back).
    const albumSettled = `(t.album_id IS NULL OR EXISTS (SELECT 1 FROM enrichment_attempts e WHERE e.entity_type = 'album' AND e.entity_id = t.album_id
        AND e.provider = '${PROVIDER['lastfm-album']}' AND (e.status <> 'failed' OR e.attempts >= @patience)))`;
    const lastfmTrackSettled = `EXISTS (SELECT 1 FROM enrichment_attempts p WHERE p.entity_type = 'track' AND p.entity_id = t.id
        AND p.provider = '${PROVIDER['lastfm-track']}' AND (p.status <> 'failed' OR p.attempts >= @patience))`;
    const dueTracks = (provider: string, turn: string) =>
      prepare(`SELECT ${TRACK_COLUMNS}, coalesce(own.attempts, 0) AS attempts
        FROM tracks t INDEXED BY idx_tracks_unknown_duration JOIN artists ar ON ar.id = t.artist_id LEFT JOIN albums al ON al.id = t.album_id
        LEFT JOIN enrichment_attempts own ON own.entity_type = 'track' AND own.entity_id = t.id AND own.provider = '${provider}'
        WHERE t.duration_seconds IS NULL AND t.id > @after AND (own.id IS NULL OR own.next_retry_at <= @now) AND ${turn}
        ORDER BY t.id LIMIT @limit`);
    this.dueTracksSql = {
      'lastfm-track': dueTracks(PROVIDER['lastfm-track'], albumSettled),
      musicbrainz: dueTracks(PROVIDER.musicbrainz, lastfmTrackSettled),
      'musicbrainz-alone': dueTracks(PROVIDER.musicbrainz, '1'),
    };
  }

  dueAlbums(now: number, afterId: number, limit: number): Due<AlbumToTime>[] {
    return this.dueAlbumsSql.all({ now, after: afterId, limit }) as Due<AlbumToTime>[];
  }

  albumTracks(albumId: number): TrackToTime[] {
    return this.sql.albumTracks.all(albumId) as TrackToTime[];
  }

  dueTracks(lookup: TrackLookup, now: number, afterId: number, limit: number, options: { patience: number; skipLastfm: boolean }): Due<TrackToTime>[] {
    const statement = lookup === 'musicbrainz' && options.skipLastfm ? this.dueTracksSql['musicbrainz-alone'] : this.dueTracksSql[lookup];
    const params: Record<string, number> = { now, after: afterId, limit };
    if (statement !== this.dueTracksSql['musicbrainz-alone']) params.patience = options.patience;
    return statement.all(params) as Due<TrackToTime>[];
  }

  saveAlbumLookup(albumId: number, tracklist: AlbumTracklist | null, fills: readonly DurationFill[], outcome: LookupOutcome, now: number): number {
    return this.db.sqlite.transaction(() => {
      if (tracklist) {
        this.sql.forgetTracklist.run(albumId);
        tracklist.tracks.forEach((entry, index) => this.sql.keepTracklist.run(albumId, index + 1, entry.title, entry.durationSeconds));
      }
      let filled = 0;
      for (const fill of fills) filled += this.sql.fill.run(fill.seconds, 'lastfm-album', now, fill.trackId).changes;
      this.record('album', albumId, 'lastfm-album', outcome, now);
      return filled;
    })();
  }

  tracklist(albumId: number): AlbumTracklist | undefined {
    const tracks = this.sql.tracklist.all(albumId) as { title: string; durationSeconds: number | null }[];
    return tracks.length ? { tracks } : undefined;
  }

  fillFromTracklist(fill: DurationFill, now: number): boolean {
    return this.sql.fill.run(fill.seconds, 'lastfm-album', now, fill.trackId).changes > 0;
  }

  saveTrackLookup(trackId: number, lookup: TrackLookup, found: { seconds?: number; mbid?: string }, outcome: LookupOutcome, now: number): boolean {
    return this.db.sqlite.transaction(() => {
      const filled = found.seconds ? this.sql.fill.run(found.seconds, lookup, now, trackId).changes > 0 : false;
      if (found.mbid) this.sql.remember.run(found.mbid, now, trackId);
      this.record('track', trackId, lookup, outcome, now);
      return filled;
    })();
  }

  counts(): DurationCounts {
    return { tracksWithoutDuration: this.sql.unknownTracks.get() as number, listensWithoutDuration: this.sql.unknownListens.get() as number };
  }

  nextRetryAt(now: number): number | null {
    return (this.sql.nextRetry.get(now) as number | null) ?? null;
  }

  private record(entity: 'album' | 'track', id: number, lookup: DurationLookup, outcome: LookupOutcome, now: number): void {
    this.sql.record.run({ entity, id, provider: PROVIDER[lookup], status: outcome.status, error: outcome.error, nextRetryAt: outcome.nextRetryAt, now });
  }
}
