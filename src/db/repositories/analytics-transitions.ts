import type BetterSqlite3 from 'better-sqlite3';
import { SESSION_GAP_SECONDS, type ArtistPair, type Period } from '../../core/analytics/ports.js';

/**
 * Artist correlations from the artist_transitions rollup (migration 1763770000002): pairs
 * of different artists heard one straight after the other, counted in the quarter hour of
 * the second listen. New listens only change the transitions from the earliest of them on,
 * so folding recomputes from there (the tracker's new plays: a few rows; an import of old
 * history: everything after it, once). A deleted or moved listen changes only its own quarter
 * and its successor's, which the triggers of migration 1763840000000 queue in
 * analytics_dirty_slots.
 */
type Sqlite = BetterSqlite3.Database;

const QUARTER = 900;

export function foldTransitions(sqlite: Sqlite): void {
  const folded = sqlite.prepare('SELECT folded_transition_id FROM analytics_rollup_state WHERE id = 1').pluck().get() as number;
  const newest = (sqlite.prepare('SELECT max(id) FROM listening_history').pluck().get() as number | null) ?? 0;
  const dirty = sqlite.prepare('SELECT slot FROM analytics_dirty_slots ORDER BY slot').pluck().all() as number[];
  // A mark above the newest id: the newest listens were deleted (their quarters are in `dirty`).
  if (folded !== 0 && folded >= newest && dirty.length === 0) return;
  sqlite.transaction(() => {
    if (folded === 0) {
      recompute(sqlite, 0, null);
    } else {
      // Quarters a deleted or moved listen changed, recomputed alone (runs of neighbours at once).
      for (const [from, to] of runs(dirty)) recompute(sqlite, from, to);
      if (folded < newest) recompute(sqlite, Math.floor((sqlite.prepare('SELECT min(timestamp) FROM listening_history WHERE id > ?').pluck().get(folded) as number) / QUARTER), null);
    }
    sqlite.exec('DELETE FROM analytics_dirty_slots');
    sqlite.prepare('UPDATE analytics_rollup_state SET folded_transition_id = ? WHERE id = 1').run(Math.max(folded, newest));
  })();
}

/** The transitions whose second listen lies in quarters [fromSlot, toSlot) (toSlot null: to the end). */
function recompute(sqlite: Sqlite, fromSlot: number, toSlot: number | null): void {
  const end = toSlot === null ? Number.MAX_SAFE_INTEGER : toSlot * QUARTER;
  sqlite.prepare('DELETE FROM artist_transitions WHERE slot >= ? AND slot < ?').run(fromSlot, toSlot ?? Number.MAX_SAFE_INTEGER);
  // The listen just before the recomputed stretch is the first one's predecessor.
  const before = sqlite.prepare('SELECT max(timestamp) FROM listening_history WHERE timestamp < ?').pluck().get(fromSlot * QUARTER) as number | null;
  sqlite
    .prepare(`INSERT INTO artist_transitions (slot, first_artist_id, second_artist_id, count)
      SELECT at / ${QUARTER}, min(artist, previous), max(artist, previous), count(*) FROM (
        SELECT l.timestamp AS at, t.artist_id AS artist,
          lag(l.timestamp) OVER heard AS previous_at, lag(t.artist_id) OVER heard AS previous
        FROM listening_history l JOIN tracks t ON t.id = l.track_id
        WHERE l.timestamp >= :start AND l.timestamp < :end WINDOW heard AS (ORDER BY l.timestamp, l.id))
      WHERE previous IS NOT NULL AND artist <> previous AND at - previous_at <= ${SESSION_GAP_SECONDS} AND at >= :from
      GROUP BY 1, 2, 3`)
    .run({ start: before ?? fromSlot * QUARTER, from: fromSlot * QUARTER, end });
}

/** Sorted quarters as [from, to) runs of consecutive ones: 3, 4, 9 → [3, 5), [9, 10). */
function runs(slots: readonly number[]): [number, number][] {
  const found: [number, number][] = [];
  for (const slot of slots) {
    const last = found[found.length - 1];
    if (last && last[1] === slot) last[1] = slot + 1;
    else found.push([slot, slot + 1]);
  }
  return found;
}

/**
 * The most frequent pairs whose second listen falls in the period, names in alphabetical
 * order. Stored pairs are of stored artists; each side is read as the artists it counts for
 * (artist_credits), and a pair that becomes one artist twice ("Beatles" then "The Beatles"
 * under an alias) is no pair.
 */
export function artistPairs(sqlite: Sqlite, period: Period, limit: number): ArtistPair[] {
  const rows = sqlite
    .prepare(`WITH stored AS (SELECT first_artist_id AS x, second_artist_id AS y, sum(count) AS count FROM artist_transitions
        WHERE slot >= ? AND slot < ? GROUP BY first_artist_id, second_artist_id),
      counted AS (SELECT coalesce(cx.artist_id, s.x) AS x, coalesce(cy.artist_id, s.y) AS y, s.count FROM stored s
        LEFT JOIN artist_credits cx ON cx.credit_id = s.x LEFT JOIN artist_credits cy ON cy.credit_id = s.y),
      pairs AS (SELECT min(x, y) AS x, max(x, y) AS y, sum(count) AS count FROM counted WHERE x <> y GROUP BY 1, 2)
      SELECT a1.name AS first, a2.name AS second, pairs.count FROM pairs JOIN artists a1 ON a1.id = pairs.x JOIN artists a2 ON a2.id = pairs.y
      ORDER BY pairs.count DESC, min(a1.name, a2.name), max(a1.name, a2.name) LIMIT ?`)
    .all(Math.floor(period.from / QUARTER), Math.floor(period.to / QUARTER), limit) as ArtistPair[];
  return rows.map((pair) => (pair.first <= pair.second ? pair : { first: pair.second, second: pair.first, count: pair.count }));
}
