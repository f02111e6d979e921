import type { AlbumToEnrich, Attempt, AttemptStatus, EnrichmentProvider, EnrichmentRepository, Findings } from '../../core/enrichment/ports.js';
import type { Database } from '../data-source.js';

/** Enrichment state: what each provider answered for each album, and when to ask again. */
export class SqliteEnrichment implements EnrichmentRepository {
  private readonly db: Database;
  constructor(db: Database) {
    this.db = db;
  }

  async album(albumId: number): Promise<AlbumToEnrich | undefined> {
    const sql = this.db.sqlite;
    const row = sql
      .prepare(
        `SELECT a.id, a.title, a.artist_name, a.year, a.discogs_id, a.spotify_url, a.apple_music_url,
           (SELECT ci.cover_url FROM collection_items ci WHERE ci.album_id = a.id AND ci.cover_url IS NOT NULL ORDER BY ci.id LIMIT 1) AS copy_cover
         FROM albums a WHERE a.id = ?`,
      )
      .get(albumId) as
      | { id: number; title: string; artist_name: string; year: number | null; discogs_id: number | null; spotify_url: string | null; apple_music_url: string | null; copy_cover: string | null }
      | undefined;
    if (!row) return undefined;
    const sources = sql.prepare(`SELECT DISTINCT source FROM images WHERE album_id = ? AND image_type = 'album'`).all(albumId) as { source: string }[];
    return {
      id: row.id,
      title: row.title,
      artist: row.artist_name,
      year: row.year,
      discogsId: row.discogs_id,
      copyCoverUrl: row.copy_cover,
      coverSources: sources.map((source) => source.source),
      spotifyUrl: row.spotify_url,
      appleMusicUrl: row.apple_music_url,
    };
  }

  async attempts(albumId: number): Promise<Attempt[]> {
    const rows = this.db.sqlite
      .prepare(`SELECT provider, status, attempts, next_retry_at FROM enrichment_attempts WHERE entity_type = 'album' AND entity_id = ?`)
      .all(albumId) as { provider: string; status: Attempt['status']; attempts: number; next_retry_at: number | null }[];
    return rows.map((row) => ({ provider: row.provider, status: row.status, attempts: row.attempts, nextRetryAt: row.next_retry_at }));
  }

  async record(albumId: number, provider: EnrichmentProvider, outcome: { status: AttemptStatus; error: string | null; nextRetryAt: number | null }, now: number): Promise<void> {
    this.db.sqlite
      .prepare(
        `INSERT INTO enrichment_attempts (entity_type, entity_id, provider, status, attempts, last_error, last_attempt_at, next_retry_at, created_at, updated_at)
         VALUES ('album', @albumId, @provider, @status, 1, @error, @now, @nextRetryAt, @now, @now)
         ON CONFLICT (entity_type, entity_id, provider) DO UPDATE SET status = excluded.status, attempts = enrichment_attempts.attempts + 1,
           last_error = excluded.last_error, last_attempt_at = excluded.last_attempt_at, next_retry_at = excluded.next_retry_at,
           updated_at = excluded.updated_at`,
      )
      .run({ albumId, provider, status: outcome.status, error: outcome.error, now, nextRetryAt: outcome.nextRetryAt });
  }

  async apply(albumId: number, findings: Findings, now: number): Promise<void> {
    const sql = this.db.sqlite;
    sql.transaction(() => {
      sql
        .prepare(
          `UPDATE albums SET year = COALESCE(year, @year), musicbrainz_id = COALESCE(@musicbrainzId, musicbrainz_id),
             spotify_id = COALESCE(@spotifyId, spotify_id), spotify_url = COALESCE(spotify_url, @spotifyUrl),
             apple_music_url = COALESCE(apple_music_url, @appleMusicUrl), updated_at = @now WHERE id = @albumId`,
        )
        .run({
          albumId, now, year: findings.year ?? null, musicbrainzId: findings.musicbrainzId ?? null, spotifyId: findings.spotifyId ?? null,
          spotifyUrl: findings.spotifyUrl ?? null, appleMusicUrl: findings.appleMusicUrl ?? null,
        });
      if (findings.cover) {
        sql.prepare(`DELETE FROM images WHERE album_id = ? AND image_type = 'album' AND source = ?`).run(albumId, findings.cover.source);
        sql
          .prepare(`INSERT INTO images (url, image_type, source, album_id, created_at, updated_at) VALUES (?, 'album', ?, ?, ?, ?)`)
          .run(findings.cover.url, findings.cover.source, albumId, now, now);
      }
    })();
  }

  async dueAlbums(providers: readonly EnrichmentProvider[], now: number, limit: number): Promise<number[]> {
    if (!providers.length) return [];
    const wanted = providers.map(() => 'SELECT ? AS name').join(' UNION ALL ');
    const rows = this.db.sqlite
      .prepare(
        `SELECT a.id FROM albums a WHERE EXISTS (
           SELECT 1 FROM (${wanted}) p WHERE NOT EXISTS (
             SELECT 1 FROM enrichment_attempts e WHERE e.entity_type = 'album' AND e.entity_id = a.id AND e.provider = p.name
               AND (e.status = 'success' OR COALESCE(e.next_retry_at, 0) > ?)))
         ORDER BY a.id DESC LIMIT ?`,
      )
      .all(...providers, now, limit) as { id: number }[];
    return rows.map((row) => row.id);
  }
}
