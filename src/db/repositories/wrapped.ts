import type { LocalCalendar, Period } from '../../core/analytics/ports.js';
import type { OwnedRecord } from '../../core/wrapped/model.js';
import type { AlbumLink, CompleteAlbum, Purchase, SourceListens, WrappedRepository } from '../../core/wrapped/ports.js';
import type { Database } from '../data-source.js';
import { foldRollups, localDaySql } from './analytics-rollups.js';
import { COVER_ORDER } from './collection-queries.js';

/** The album's cover as the collection shows it: an enrichment image first, then a copy's Discogs cover. */
const COVER = (album: string) => `COALESCE(
  (SELECT i.url FROM images i WHERE i.album_id = ${album} AND i.image_type = 'album' ORDER BY ${COVER_ORDER}, i.id LIMIT 1),
  (SELECT ci.cover_url FROM collection_items ci WHERE ci.album_id = ${album} AND ci.cover_url IS NOT NULL ORDER BY ci.id LIMIT 1))`;

/**
 * The year in review's own reads (the listening figures come from SqliteAnalytics). Every
 * query reads one period's listens through the timestamp index, or the collection.
 */
export class SqliteWrapped implements WrappedRepository {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  async listensBySource(period: Period): Promise<SourceListens[]> {
    return this.db.sqlite
      .prepare(`SELECT source, count(*) AS listens FROM listening_history WHERE timestamp >= :from AND timestamp < :to
        GROUP BY source ORDER BY listens DESC, source`)
      .all(period) as SourceListens[];
  }

  async regulars(period: Period, calendar: LocalCalendar, minDays: number): Promise<number> {
    // First heard comes from the track_plays rollup, as `aime stats discovery` reads it.
    foldRollups(this.db.sqlite);
    return this.db.sqlite
      .prepare(`WITH firsts AS (SELECT t.artist_id FROM track_plays tp JOIN tracks t ON t.id = tp.track_id
          GROUP BY t.artist_id HAVING min(tp.first_at) >= :from AND min(tp.first_at) < :to),
        days AS (SELECT t.artist_id, count(DISTINCT ${localDaySql(calendar, 'l.timestamp')}) AS days
          FROM listening_history l JOIN tracks t ON t.id = l.track_id
          WHERE l.timestamp >= :from AND l.timestamp < :to AND t.artist_id IN (SELECT artist_id FROM firsts) GROUP BY t.artist_id)
        SELECT count(*) FROM days WHERE days >= :minDays`)
      .pluck()
      .get({ ...period, minDays }) as number;
  }

  async mostPlayedOwned(period: Period): Promise<(OwnedRecord & { plays: number }) | null> {
    const row = this.db.sqlite
      .prepare(`WITH owned AS (SELECT t.album_id, count(*) AS plays FROM listening_history l JOIN tracks t ON t.id = l.track_id
          WHERE l.timestamp >= :from AND l.timestamp < :to AND t.album_id IN (SELECT album_id FROM collection_items) GROUP BY t.album_id)
        SELECT al.id AS albumId, al.title, al.artist_name AS artist, COALESCE((SELECT ci.support FROM collection_items ci WHERE ci.album_id = al.id AND ci.support IS NOT NULL ORDER BY ci.id LIMIT 1), al.support) AS support, ${COVER('al.id')} AS coverUrl, o.plays
        FROM owned o JOIN albums al ON al.id = o.album_id ORDER BY o.plays DESC, al.title, al.artist_name LIMIT 1`)
      .get(period) as (OwnedRecord & { plays: number }) | undefined;
    return row ?? null;
  }

  async purchases(period: Period): Promise<Purchase[]> {
    return this.db.sqlite
      .prepare(`SELECT al.id AS albumId, al.title, al.artist_name AS artist, coalesce(ci.support, al.support) AS support, ${COVER('al.id')} AS coverUrl,
          ci.date_added AS addedAt,
          (SELECT count(*) FROM tracks t JOIN listening_history l ON l.track_id = t.id
            WHERE t.album_id = ci.album_id AND l.timestamp >= ci.date_added AND l.timestamp < :to) AS plays
        FROM collection_items ci JOIN albums al ON al.id = ci.album_id
        WHERE ci.date_added >= :from AND ci.date_added < :to ORDER BY ci.date_added, ci.id`)
      .all(period) as Purchase[];
  }

  /**
   * Sessions are cut where the silence since the previous listen exceeds the gap (as
   * `aime stats sessions`); an album's session is complete when it holds every track the
   * album has. Window functions over one period's listens only.
   */
  async completeAlbums(period: Period, options: { minTracks: number; sessionGap: number; limit: number }): Promise<CompleteAlbum[]> {
    return this.db.sqlite
      .prepare(`WITH played AS (SELECT l.timestamp, l.track_id, t.album_id,
            CASE WHEN l.timestamp - lag(l.timestamp) OVER (ORDER BY l.timestamp) <= :gap THEN 0 ELSE 1 END AS opens
          FROM listening_history l JOIN tracks t ON t.id = l.track_id WHERE l.timestamp >= :from AND l.timestamp < :to),
        numbered AS (SELECT album_id, track_id, sum(opens) OVER (ORDER BY timestamp ROWS UNBOUNDED PRECEDING) AS session FROM played),
        per_session AS (SELECT album_id, session, count(DISTINCT track_id) AS heard, count(*) AS listens FROM numbered
          WHERE album_id IS NOT NULL GROUP BY album_id, session),
        known AS (SELECT album_id, count(*) AS tracks FROM tracks WHERE album_id IN (SELECT album_id FROM per_session)
          GROUP BY album_id HAVING count(*) >= :minTracks)
        SELECT al.id AS albumId, al.title, al.artist_name AS artist, ${COVER('al.id')} AS coverUrl,
          sum(ps.heard = k.tracks) AS completePlays, sum(ps.listens) AS plays
        FROM per_session ps JOIN known k ON k.album_id = ps.album_id JOIN albums al ON al.id = ps.album_id
        GROUP BY al.id HAVING completePlays > 0 ORDER BY completePlays DESC, plays DESC, al.title, al.artist_name LIMIT :limit`)
      .all({ ...period, gap: options.sessionGap, minTracks: options.minTracks, limit: options.limit }) as CompleteAlbum[];
  }

  async albums(names: readonly { title: string; artist: string }[]): Promise<(AlbumLink | null)[]> {
    const find = this.db.sqlite.prepare(`SELECT al.id AS albumId, ${COVER('al.id')} AS coverUrl FROM albums al
      WHERE al.title = ? AND al.artist_name = ? ORDER BY al.id LIMIT 1`);
    return names.map((name) => (find.get(name.title, name.artist) as AlbumLink | undefined) ?? null);
  }

  async trackAlbums(tracks: readonly { title: string; artist: string; album: string | null }[]): Promise<(AlbumLink | null)[]> {
    const find = this.db.sqlite.prepare(`SELECT al.id AS albumId, ${COVER('al.id')} AS coverUrl FROM tracks t
      JOIN artists a ON a.id = t.artist_id JOIN albums al ON al.id = t.album_id
      WHERE t.title = ? AND a.name = ? AND al.title = ? ORDER BY t.id LIMIT 1`);
    return tracks.map((track) => (track.album === null ? null : ((find.get(track.title, track.artist, track.album) as AlbumLink | undefined) ?? null)));
  }

  /** Last.fm's artist pictures are placeholders (SPEC §4.3): never shown. */
  async artistImages(names: readonly string[]): Promise<(string | null)[]> {
    const find = this.db.sqlite.prepare(`SELECT i.url FROM images i JOIN artists a ON a.id = i.artist_id
      WHERE a.name = ? AND i.image_type = 'artist' AND i.source <> 'lastfm' ORDER BY ${COVER_ORDER}, i.id LIMIT 1`).pluck();
    return names.map((name) => (find.get(name) as string | undefined) ?? null);
  }
}
