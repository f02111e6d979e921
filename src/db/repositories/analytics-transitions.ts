import type BetterSqlite3 from 'better-sqlite3';
import { SESSION_GAP_SECONDS, type ArtistPair, type Period } from '../../core/analytics/ports.js';

/**
 * Artist correlations from the artist_transitions rollup (migration 1763770000002): pairs
 * of different artists heard one straight after the other, counted in the quarter hour of
 * the second listen. New listens only change the transitions from the earliest of them on,
 * so folding recomputes from there (the tracker's new plays: a few rows; an import of old
 * history or a delete: everything, once).
 */
type Sqlite = BetterSqlite3.Database;

const QUARTER = 900;

export function foldTransitions(sqlite: Sqlite): void {
  const folded = sqlite.prepare('SELECT folded_transition_id FROM analytics_rollup_state WHERE id = 1').pluck().get() as number;
  const newest = (sqlite.prepare('SELECT max(id) FROM listening_history').pluck().get() as number | null) ?? 0;
  if (folded !== 0 && folded === newest) return;
  sqlite.transaction(() => {
    const incremental = folded !== 0 && folded < newest;
    const earliestNew = incremental ? (sqlite.prepare('SELECT min(timestamp) FROM listening_history WHERE id > ?').pluck().get(folded) as number) : 0;
    const fromSlot = Math.floor(earliestNew / QUARTER);
    sqlite.prepare('DELETE FROM artist_transitions WHERE slot >= ?').run(fromSlot);
    // The listen just before the recomputed stretch is the first one's predecessor.
    const before = sqlite.prepare('SELECT max(timestamp) FROM listening_history WHERE timestamp < ?').pluck().get(fromSlot * QUARTER) as number | null;
    sqlite
      .prepare(`INSERT INTO artist_transitions (slot, first_artist_id, second_artist_id, count)
        SELECT at / ${QUARTER}, min(artist, previous), max(artist, previous), count(*) FROM (
          SELECT l.timestamp AS at, t.artist_id AS artist,
            lag(l.timestamp) OVER heard AS previous_at, lag(t.artist_id) OVER heard AS previous
          FROM listening_history l JOIN tracks t ON t.id = l.track_id
          WHERE l.timestamp >= :start WINDOW heard AS (ORDER BY l.timestamp, l.id))
        WHERE previous IS NOT NULL AND artist <> previous AND at - previous_at <= ${SESSION_GAP_SECONDS} AND at >= :from
        GROUP BY 1, 2, 3`)
      .run({ start: before ?? fromSlot * QUARTER, from: fromSlot * QUARTER });
    sqlite.prepare('UPDATE analytics_rollup_state SET folded_transition_id = ? WHERE id = 1').run(newest);
  })();
}

/** The most frequent pairs whose second listen falls in the period, names in alphabetical order. */
export function artistPairs(sqlite: Sqlite, period: Period, limit: number): ArtistPair[] {
  const rows = sqlite
    .prepare(`WITH pairs AS (SELECT first_artist_id AS x, second_artist_id AS y, sum(count) AS count FROM artist_transitions
        WHERE slot >= ? AND slot < ? GROUP BY first_artist_id, second_artist_id)
      SELECT a1.name AS first, a2.name AS second, pairs.count FROM pairs JOIN artists a1 ON a1.id = pairs.x JOIN artists a2 ON a2.id = pairs.y
      ORDER BY pairs.count DESC, min(a1.name, a2.name), max(a1.name, a2.name) LIMIT ?`)
    .all(Math.floor(period.from / QUARTER), Math.floor(period.to / QUARTER), limit) as ArtistPair[];
  return rows.map((pair) => (pair.first <= pair.second ? pair : { first: pair.second, second: pair.first, count: pair.count }));
}
