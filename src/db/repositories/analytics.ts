import type {
  AlbumPlays, AnalyticsRepository, ArtistPair, ArtistPlays, Discoveries, FirstHeard, ListeningTotals, LocalCalendar, Period, TrackPlays, UnplayedAlbum,
} from '../../core/analytics/ports.js';
import type { Database } from '../data-source.js';
import { PLAYED_SECONDS, TIMED_LISTENS, foldRollups, hourOfWeek, listeningDays, registerSessionWalk, sessions } from './analytics-rollups.js';
import { refreshArtistCredits } from './artist-credits.js';
import { artistPairs, foldTransitions } from './analytics-transitions.js';

/**
 * Analytics as SQL aggregates. Counts per track come from the track_plays rollup when a
 * period holds the whole history (`stats --range all` on a million listens), otherwise from
 * the listens of the period, grouped by track in the database. Ties are broken by name so
 * results are stable.
 *
 * Artists are counted as artist_credits says (aliases, and credits naming several artists:
 * a listen of "A / B" is one play for A and one for B): counts are grouped by the stored
 * artist first, then spread to the artists each one counts for.
 */
export class SqliteAnalytics implements AnalyticsRepository {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
    registerSessionWalk(db.sqlite);
  }

  async bounds(): Promise<Period | null> {
    const row = this.db.sqlite
      .prepare('SELECT (SELECT min(timestamp) FROM listening_history) AS first, (SELECT max(timestamp) FROM listening_history) AS last')
      .get() as { first: number | null; last: number | null };
    return row.first === null || row.last === null ? null : { from: row.first, to: row.last };
  }

  async totals(period: Period): Promise<ListeningTotals> {
    refreshArtistCredits(this.db.sqlite);
    return this.db.sqlite
      // One pass over the tracks; the few thousand stored artists it names are then counted as
      // their artists (a second pass over a materialized per_track cost 3× the first). Hours:
      // the seconds listens reported themselves, plus the other listens × the track's duration.
      .prepare(`WITH per_track AS (${this.playsPerTrack(period, true)}),
        heard AS (SELECT coalesce(sum(p.plays), 0) AS listens,
          coalesce(sum(p.played + (p.plays - p.timed) * coalesce(nullif(t.duration_seconds, 0), 0)), 0) AS knownSeconds,
          coalesce(sum(CASE WHEN nullif(t.duration_seconds, 0) IS NULL THEN p.plays - p.timed END), 0) AS unknownDurationListens,
          count(DISTINCT t.album_id) AS albums, count(*) AS tracks, json_group_array(DISTINCT t.artist_id) AS credits
          FROM per_track p JOIN tracks t ON t.id = p.track_id)
        SELECT listens, knownSeconds, unknownDurationListens, albums, tracks,
          (SELECT count(DISTINCT coalesce(c.artist_id, stored.value)) FROM json_each(heard.credits) stored
            LEFT JOIN artist_credits c ON c.credit_id = stored.value) AS artists
        FROM heard`)
      .get(period) as ListeningTotals;
  }

  async topArtists(period: Period, limit: number): Promise<ArtistPlays[]> {
    refreshArtistCredits(this.db.sqlite);
    return this.db.sqlite
      .prepare(`WITH per_track AS (${this.playsPerTrack(period)}),
        per_credit AS (SELECT t.artist_id, sum(p.plays) AS plays FROM per_track p JOIN tracks t ON t.id = p.track_id GROUP BY t.artist_id),
        per_artist AS (SELECT coalesce(c.artist_id, pc.artist_id) AS artist_id, sum(pc.plays) AS plays
          FROM per_credit pc LEFT JOIN artist_credits c ON c.credit_id = pc.artist_id GROUP BY 1)
        SELECT a.name, pa.plays FROM per_artist pa JOIN artists a ON a.id = pa.artist_id
        ORDER BY pa.plays DESC, a.name LIMIT :limit`)
      .all({ ...period, limit }) as ArtistPlays[];
  }

  async topAlbums(period: Period, limit: number): Promise<AlbumPlays[]> {
    return this.db.sqlite
      .prepare(`WITH per_track AS (${this.playsPerTrack(period)}),
        per_album AS (SELECT t.album_id, sum(p.plays) AS plays FROM per_track p JOIN tracks t ON t.id = p.track_id
          WHERE t.album_id IS NOT NULL GROUP BY t.album_id)
        SELECT al.title, al.artist_name AS artist, pa.plays FROM per_album pa JOIN albums al ON al.id = pa.album_id
        ORDER BY pa.plays DESC, al.title, al.artist_name LIMIT :limit`)
      .all({ ...period, limit }) as AlbumPlays[];
  }

  async topTracks(period: Period, limit: number): Promise<TrackPlays[]> {
    return this.db.sqlite
      .prepare(`WITH per_track AS (${this.playsPerTrack(period)})
        SELECT t.title, a.name AS artist, al.title AS album, p.plays FROM per_track p JOIN tracks t ON t.id = p.track_id
        JOIN artists a ON a.id = t.artist_id LEFT JOIN albums al ON al.id = t.album_id
        ORDER BY p.plays DESC, t.title, a.name LIMIT :limit`)
      .all({ ...period, limit }) as TrackPlays[];
  }

  async hourOfWeek(period: Period, calendar: LocalCalendar): Promise<number[]> {
    foldRollups(this.db.sqlite);
    return hourOfWeek(this.db.sqlite, period, calendar, (await this.bounds()) ?? period);
  }

  async listeningDays(period: Period, calendar: LocalCalendar) {
    foldRollups(this.db.sqlite);
    return listeningDays(this.db.sqlite, period, calendar);
  }

  async sessions(period: Period) {
    foldRollups(this.db.sqlite);
    return sessions(this.db.sqlite, period);
  }

  /** First heard = the earliest listen ever of any of its tracks, read from track_plays. */
  async discoveries(period: Period, limit: number): Promise<Discoveries> {
    foldRollups(this.db.sqlite);
    refreshArtistCredits(this.db.sqlite);
    const artists = this.db.sqlite
      .prepare(`WITH per_credit AS (SELECT t.artist_id, min(tp.first_at) AS first_at, sum(tp.listens) AS plays
          FROM track_plays tp JOIN tracks t ON t.id = tp.track_id GROUP BY t.artist_id),
        firsts AS (SELECT coalesce(c.artist_id, pc.artist_id) AS artist_id, min(pc.first_at) AS first_at, sum(pc.plays) AS plays
          FROM per_credit pc LEFT JOIN artist_credits c ON c.credit_id = pc.artist_id GROUP BY 1)
        SELECT a.name, NULL AS artist, f.first_at AS firstHeard, f.plays, count(*) OVER () AS total
        FROM firsts f JOIN artists a ON a.id = f.artist_id WHERE f.first_at >= :from AND f.first_at < :to
        ORDER BY f.plays DESC, a.name LIMIT :limit`)
      .all({ ...period, limit }) as (FirstHeard & { total: number })[];
    const albums = this.db.sqlite
      .prepare(`WITH firsts AS (SELECT t.album_id, min(tp.first_at) AS first_at, sum(tp.listens) AS plays
          FROM track_plays tp JOIN tracks t ON t.id = tp.track_id WHERE t.album_id IS NOT NULL GROUP BY t.album_id)
        SELECT al.title AS name, al.artist_name AS artist, f.first_at AS firstHeard, f.plays, count(*) OVER () AS total
        FROM firsts f JOIN albums al ON al.id = f.album_id WHERE f.first_at >= :from AND f.first_at < :to
        ORDER BY f.plays DESC, al.title LIMIT :limit`)
      .all({ ...period, limit }) as (FirstHeard & { total: number })[];
    const strip = ({ total: _total, ...heard }: FirstHeard & { total: number }): FirstHeard => heard;
    return { artists: artists[0]?.total ?? 0, albums: albums[0]?.total ?? 0, topArtists: artists.map(strip), topAlbums: albums.map(strip) };
  }

  async artistPairs(period: Period, limit: number): Promise<ArtistPair[]> {
    foldTransitions(this.db.sqlite);
    refreshArtistCredits(this.db.sqlite);
    return artistPairs(this.db.sqlite, period, limit);
  }

  async unplayedCollection(limit: number, offset = 0): Promise<{ total: number; albums: UnplayedAlbum[] }> {
    foldRollups(this.db.sqlite);
    const unplayed = `FROM collection_items ci JOIN albums al ON al.id = ci.album_id
        WHERE NOT EXISTS (SELECT 1 FROM tracks t JOIN track_plays tp ON tp.track_id = t.id WHERE t.album_id = al.id)`;
    const rows = this.db.sqlite
      .prepare(`SELECT al.title, al.artist_name AS artist, coalesce(min(ci.support), al.support) AS support, min(ci.date_added) AS addedAt,
          count(*) OVER () AS total
        ${unplayed}
        GROUP BY al.id ORDER BY addedAt IS NULL, addedAt, al.artist_name, al.title LIMIT ? OFFSET ?`)
      .all(limit, offset) as (UnplayedAlbum & { total: number })[];
    // A page past the end has no row to carry the total: count on its own then.
    const total = rows[0]?.total ?? (offset > 0 ? Number(this.db.sqlite.prepare(`SELECT count(DISTINCT al.id) ${unplayed}`).pluck().get()) : 0);
    return { total, albums: rows.map(({ total: _total, ...album }) => album) };
  }

  /**
   * Listens per track in a period, as SQL binding :from and :to. The whole history reads the
   * rollup; most of it reads the rollup minus the listens outside the period; a smaller part
   * scans only its own listens through the timestamp index. Either way the listens scanned
   * are the fewer side. `timed` adds `played` (seconds the listens reported themselves) and
   * `timed` (how many did), for hours.
   */
  private playsPerTrack(period: Period, timed = false): string {
    const history = this.db.sqlite
      .prepare('SELECT (SELECT min(timestamp) FROM listening_history) AS first, (SELECT max(timestamp) FROM listening_history) AS last')
      .get() as { first: number | null; last: number | null };
    const own = timed ? `, ${PLAYED_SECONDS} AS played, ${TIMED_LISTENS} AS timed` : '';
    const inside = `SELECT track_id, count(*) AS plays${own} FROM listening_history WHERE timestamp >= :from AND timestamp < :to GROUP BY track_id`;
    if (history.first === null || history.last === null) return inside;
    const span = history.last - history.first + 1;
    const covered = Math.min(period.to, history.last + 1) - Math.max(period.from, history.first);
    if (covered * 2 <= span) return inside;
    foldRollups(this.db.sqlite);
    if (covered >= span) return `SELECT track_id, listens AS plays${timed ? ', played_seconds AS played, timed_listens AS timed' : ''} FROM track_plays`;
    const rest = timed ? ', tp.played_seconds - coalesce(outside.played, 0) AS played, tp.timed_listens - coalesce(outside.timed, 0) AS timed' : '';
    return `SELECT tp.track_id, tp.listens - coalesce(outside.plays, 0) AS plays${rest} FROM track_plays tp
      LEFT JOIN (SELECT track_id, count(*) AS plays${own} FROM (
          SELECT track_id${timed ? ', played_seconds' : ''} FROM listening_history WHERE timestamp < :from
          UNION ALL SELECT track_id${timed ? ', played_seconds' : ''} FROM listening_history WHERE timestamp >= :to)
        GROUP BY track_id) AS outside ON outside.track_id = tp.track_id
      WHERE tp.listens > coalesce(outside.plays, 0)`;
  }
}
