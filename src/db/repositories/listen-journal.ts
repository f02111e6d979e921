import type { Statement } from 'better-sqlite3';
import type { DuplicateCandidate, DuplicatePair, HistoryFilter, ListenJournal, ListenRow } from '../../core/listens/ports.js';
import type { ListenSource } from '../../core/model.js';
import type { Database } from '../data-source.js';
import { refreshArtistCredits } from './artist-credits.js';

interface RawRow {
  id: number;
  timestamp: number;
  artist: string;
  title: string;
  album: string | null;
  source: ListenSource;
  loved: number;
  client: string | null;
}

interface CandidateRow {
  keepId: number;
  dropId: number;
  keepSource: ListenSource;
  keepTimestamp: number;
  keepArtist: string;
  keepArtistKey: string;
  dropSource: ListenSource;
  dropTimestamp: number;
  dropArtist: string;
  dropArtistKey: string;
}

const SELECT_LISTEN = `SELECT l.id, l.timestamp, ar.name AS artist, t.title, al.title AS album, l.source, l.loved, l.client
  FROM listening_history l
  JOIN tracks t ON t.id = l.track_id
  JOIN artists ar ON ar.id = t.artist_id
  LEFT JOIN albums al ON al.id = t.album_id`;

/** The journal (newest first, filtered, paged), a day's listens, love marks and duplicate merging. */
export class SqliteListenJournal implements ListenJournal {
  private readonly db: Database;
  /** Statements by SQL text: each filter combination is prepared once. */
  private readonly prepared = new Map<string, Statement>();

  constructor(db: Database) {
    this.db = db;
  }

  /**
   * The page's ids are chosen on listening_history alone (an index walk, however deep the
   * page), and only those 50-odd rows are joined to their names.
   */
  page(filter: HistoryFilter, limit: number, offset: number): ListenRow[] {
    if (filter.artistKey) refreshArtistCredits(this.db.sqlite);
    const { where, args } = conditions(filter);
    const rows = this.statement(
      `${SELECT_LISTEN} WHERE l.id IN (SELECT l.id FROM listening_history l${where} ORDER BY l.timestamp DESC, l.id DESC LIMIT ? OFFSET ?)
       ORDER BY l.timestamp DESC, l.id DESC`,
    ).all(...args, limit, offset) as RawRow[];
    return rows.map(toListen);
  }

  count(filter: HistoryFilter): number {
    if (filter.artistKey) refreshArtistCredits(this.db.sqlite);
    const { where, args } = conditions(filter);
    return this.statement(`SELECT COUNT(*) FROM listening_history l${where}`).pluck().get(...args) as number;
  }

  newest(source: ListenSource): number | undefined {
    const newest = this.statement('SELECT MAX(timestamp) FROM listening_history WHERE source = ?').pluck().get(source) as number | null;
    return newest ?? undefined;
  }

  between(since: number, until: number): (ListenRow & { artistId: number; albumId: number | null })[] {
    const rows = this.statement(
      `SELECT l.id, l.timestamp, ar.name AS artist, t.title, al.title AS album, l.source, l.loved, l.client, t.artist_id AS artistId, t.album_id AS albumId
       FROM listening_history l JOIN tracks t ON t.id = l.track_id JOIN artists ar ON ar.id = t.artist_id LEFT JOIN albums al ON al.id = t.album_id
       WHERE l.timestamp >= ? AND l.timestamp < ? ORDER BY l.timestamp, l.id`,
    ).all(since, until) as (RawRow & { artistId: number; albumId: number | null })[];
    return rows.map((row) => ({ ...toListen(row), artistId: row.artistId, albumId: row.albumId }));
  }

  setLoved(listenId: number, loved: boolean): { trackId: number; changed: number } | undefined {
    const trackId = this.statement('SELECT track_id FROM listening_history WHERE id = ?').pluck().get(listenId) as number | undefined;
    if (trackId === undefined) return undefined;
    const { changes } = this.statement('UPDATE listening_history SET loved = ? WHERE track_id = ? AND +loved <> ?').run(loved ? 1 : 0, trackId, loved ? 1 : 0);
    return { trackId, changed: changes };
  }

  /**
   * Same title key (whatever album and artist credit each source named) within the window,
   * and either the same second (one play stored twice) or two sources (a play and its copy):
   * core's cross-source rule (core/listens/same-play.ts) decides which pairs are one play.
   * Each listen's neighbours come from the time index (a few within minutes), so no index on
   * titles is needed — it would slow down every new track for a command run now and then.
   */
  duplicateCandidates(withinSeconds: number): DuplicateCandidate[] {
    const rows = this.statement(
      `SELECT a.id AS keepId, b.id AS dropId,
         a.source AS keepSource, a.timestamp AS keepTimestamp, ara.name AS keepArtist, ara.name_key AS keepArtistKey,
         b.source AS dropSource, b.timestamp AS dropTimestamp, arb.name AS dropArtist, arb.name_key AS dropArtistKey
       FROM listening_history a
       CROSS JOIN listening_history b INDEXED BY idx_listens_time ON b.timestamp BETWEEN a.timestamp - ? AND a.timestamp + ?
       JOIN tracks ta ON ta.id = a.track_id
       JOIN tracks tb ON tb.id = b.track_id AND tb.title_key = ta.title_key
       JOIN artists ara ON ara.id = ta.artist_id
       JOIN artists arb ON arb.id = tb.artist_id
       WHERE b.id > a.id AND (b.source <> a.source OR b.timestamp = a.timestamp)
       ORDER BY a.id, ABS(b.timestamp - a.timestamp), b.id`,
    ).all(withinSeconds, withinSeconds) as CandidateRow[];
    return rows.map((row) => ({
      keepId: row.keepId,
      dropId: row.dropId,
      keep: { source: row.keepSource, timestamp: row.keepTimestamp, artist: row.keepArtist, artistKey: row.keepArtistKey },
      drop: { source: row.dropSource, timestamp: row.dropTimestamp, artist: row.dropArtist, artistKey: row.dropArtistKey },
    }));
  }

  merge(pairs: readonly DuplicatePair[]): number {
    const keepLove = this.statement('UPDATE listening_history SET loved = 1 WHERE id = ? AND EXISTS (SELECT 1 FROM listening_history WHERE id = ? AND loved = 1)');
    const remove = this.statement('DELETE FROM listening_history WHERE id = ?');
    // The kept listen remembers the other source's copy it absorbed, as ingest does.
    const absorb = this.statement(`UPDATE listening_history SET (merged_source, merged_timestamp) =
      (SELECT source, timestamp FROM listening_history WHERE id = ?) WHERE id = ? AND source <> (SELECT source FROM listening_history WHERE id = ?)`);
    return this.db.sqlite.transaction(() => {
      let removed = 0;
      for (const pair of pairs) {
        keepLove.run(pair.keepId, pair.dropId);
        absorb.run(pair.dropId, pair.keepId, pair.dropId);
        removed += remove.run(pair.dropId).changes;
      }
      return removed;
    })();
  }

  private statement(sql: string): Statement {
    let statement = this.prepared.get(sql);
    if (!statement) {
      statement = this.db.sqlite.prepare(sql);
      this.prepared.set(sql, statement);
    }
    return statement;
  }
}

function conditions(filter: HistoryFilter): { where: string; args: unknown[] } {
  const parts: string[] = [];
  const args: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    parts.push(sql);
    args.push(value);
  };
  if (filter.since !== undefined) add('l.timestamp >= ?', filter.since);
  if (filter.until !== undefined) add('l.timestamp < ?', filter.until);
  if (filter.source !== undefined) add('l.source = ?', filter.source);
  if (filter.loved !== undefined) add('l.loved = ?', filter.loved ? 1 : 0);
  // Names narrow the tracks first (a few thousand artists and albums), then their listens.
  // An artist is also found through the credits that count for it (aliases, "A / B").
  if (filter.artistKey) {
    parts.push(`l.track_id IN (SELECT t.id FROM tracks t WHERE t.artist_id IN (SELECT ar.id FROM artists ar WHERE ar.name_key LIKE '%' || ? || '%'
        UNION SELECT c.credit_id FROM artist_credits c JOIN artists ca ON ca.id = c.artist_id WHERE ca.name_key LIKE '%' || ? || '%'))`);
    args.push(filter.artistKey, filter.artistKey);
  }
  if (filter.albumKey) {
    add(`l.track_id IN (SELECT t.id FROM tracks t JOIN albums al ON al.id = t.album_id WHERE al.title_key LIKE '%' || ? || '%')`, filter.albumKey);
  }
  return { where: parts.length ? ` WHERE ${parts.join(' AND ')}` : '', args };
}

function toListen(row: RawRow): ListenRow {
  return { id: row.id, timestamp: row.timestamp, artist: row.artist, title: row.title, album: row.album, source: row.source, loved: row.loved === 1, client: row.client };
}
