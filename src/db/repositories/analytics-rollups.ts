import type BetterSqlite3 from 'better-sqlite3';
import { SESSION_GAP_SECONDS, type DayListens, type LocalCalendar, type Period, type SessionFacts } from '../../core/analytics/ports.js';

/**
 * The time side of analytics, read from the rollups of migration 1763770000000:
 * listen_slots (listens per UTC quarter hour, with the first and last listen in it) and
 * track_plays (listens per track). Rollups are folded forward from the listens added since
 * the last read; a delete or a moved listen (the triggers reset the mark) rebuilds them.
 */
type Sqlite = BetterSqlite3.Database;

const QUARTER = 900;
const QUARTERS_PER_DAY = 96;
/** 1970-01-01 was a Thursday: 3 days after a Monday. */
const MONDAY_SHIFT = 3 * QUARTERS_PER_DAY;

export function foldRollups(sqlite: Sqlite): void {
  const folded = sqlite.prepare('SELECT folded_listen_id FROM analytics_rollup_state WHERE id = 1').pluck().get() as number;
  const newest = (sqlite.prepare('SELECT max(id) FROM listening_history').pluck().get() as number | null) ?? 0;
  if (folded !== 0 && folded === newest) return;
  sqlite.transaction(() => {
    const since = folded !== 0 && folded < newest ? folded : 0;
    if (since === 0) {
      sqlite.exec('DELETE FROM listen_slots; DELETE FROM track_plays;');
    }
    sqlite.prepare(`INSERT INTO listen_slots (slot, listens, first_at, last_at)
      SELECT timestamp / ${QUARTER}, count(*), min(timestamp), max(timestamp) FROM listening_history WHERE id > ? AND id <= ? GROUP BY timestamp / ${QUARTER}
      ON CONFLICT (slot) DO UPDATE SET listens = listens + excluded.listens, first_at = min(first_at, excluded.first_at), last_at = max(last_at, excluded.last_at)`).run(since, newest);
    sqlite.prepare(`INSERT INTO track_plays (track_id, listens, first_at, last_at)
      SELECT track_id, count(*), min(timestamp), max(timestamp) FROM listening_history WHERE id > ? AND id <= ? GROUP BY track_id
      ON CONFLICT (track_id) DO UPDATE SET listens = listens + excluded.listens, first_at = min(first_at, excluded.first_at), last_at = max(last_at, excluded.last_at)`).run(since, newest);
    sqlite.prepare('UPDATE analytics_rollup_state SET folded_listen_id = ? WHERE id = 1').run(newest);
  })();
}

/** [first, end) quarter numbers of a period. */
function slotRange(period: Period): [number, number] {
  return [Math.floor(period.from / QUARTER), Math.floor(period.to / QUARTER)];
}

/**
 * SQL for the zone's offset (in quarters) of the quarter `column`: a balanced CASE over the
 * offset spans, so a row costs a handful of comparisons even over decades of DST changes.
 * Only integers computed here are written into the SQL.
 */
function offsetQuarters(calendar: LocalCalendar, column: string): string {
  const spans = calendar.spans;
  const build = (low: number, high: number): string => {
    if (low === high) return String(Math.round((spans[low]?.offsetSeconds ?? 0) / QUARTER));
    const mid = (low + high + 1) >> 1;
    return `(CASE WHEN ${column} < ${Math.floor((spans[mid]?.start ?? 0) / QUARTER)} THEN ${build(low, mid - 1)} ELSE ${build(mid, high)} END)`;
  };
  return build(0, spans.length - 1);
}

/** 168 counts, weekday (Monday = 0) × 24 + local hour. */
export function hourOfWeek(sqlite: Sqlite, period: Period, calendar: LocalCalendar): number[] {
  const rows = sqlite
    .prepare(`SELECT (slot + ${offsetQuarters(calendar, 'slot')} + ${MONDAY_SHIFT}) % ${7 * QUARTERS_PER_DAY} AS quarter, sum(listens) AS listens
      FROM listen_slots WHERE slot >= ? AND slot < ? GROUP BY quarter`)
    .all(...slotRange(period)) as { quarter: number; listens: number }[];
  const counts = new Array<number>(168).fill(0);
  for (const row of rows) {
    const index = Math.floor(row.quarter / 4);
    counts[index] = (counts[index] ?? 0) + row.listens;
  }
  return counts;
}

export function listeningDays(sqlite: Sqlite, period: Period, calendar: LocalCalendar): DayListens[] {
  return sqlite
    .prepare(`SELECT (slot + ${offsetQuarters(calendar, 'slot')}) / ${QUARTERS_PER_DAY} AS day, sum(listens) AS listens
      FROM listen_slots WHERE slot >= ? AND slot < ? GROUP BY day ORDER BY day`)
    .all(...slotRange(period)) as DayListens[];
}

/**
 * Sessions without visiting listens: a silence longer than 30 minutes (two quarters) can
 * only lie between quarters, so a session starts in a quarter whose previous quarter is
 * empty and whose one before ends more than 30 minutes earlier (and ends symmetrically).
 * The n-th start and the n-th end belong to the same session.
 */
export function sessions(sqlite: Sqlite, period: Period): SessionFacts {
  const [first, end] = slotRange(period);
  const gap = SESSION_GAP_SECONDS;
  const edges = `
    inside AS (SELECT slot, first_at, last_at FROM listen_slots WHERE slot >= :first AND slot < :end),
    starts AS (SELECT s.slot, s.first_at AS at, row_number() OVER (ORDER BY s.slot) AS n FROM inside s
      LEFT JOIN listen_slots p1 ON p1.slot = s.slot - 1 AND p1.slot >= :first
      LEFT JOIN listen_slots p2 ON p2.slot = s.slot - 2 AND p2.slot >= :first
      WHERE p1.slot IS NULL AND (p2.slot IS NULL OR p2.last_at < s.first_at - ${gap})),
    ends AS (SELECT s.slot, s.last_at AS at, row_number() OVER (ORDER BY s.slot) AS n FROM inside s
      LEFT JOIN listen_slots n1 ON n1.slot = s.slot + 1 AND n1.slot < :end
      LEFT JOIN listen_slots n2 ON n2.slot = s.slot + 2 AND n2.slot < :end
      WHERE n1.slot IS NULL AND (n2.slot IS NULL OR n2.first_at > s.last_at + ${gap}))`;
  const summary = sqlite
    .prepare(`WITH ${edges}, paired AS MATERIALIZED (SELECT starts.slot AS first_slot, ends.slot AS last_slot, starts.at AS start_at, ends.at AS end_at
        FROM starts JOIN ends ON ends.n = starts.n)
      SELECT (SELECT count(*) FROM paired) AS sessions, (SELECT coalesce(sum(end_at - start_at), 0) FROM paired) AS total_seconds,
        longest.first_slot, longest.last_slot, longest.start_at, longest.end_at
      FROM (SELECT 1) LEFT JOIN (SELECT * FROM paired ORDER BY end_at - start_at DESC, start_at LIMIT 1) AS longest`)
    .get({ first, end }) as { sessions: number; total_seconds: number; first_slot: number | null; last_slot: number | null; start_at: number | null; end_at: number | null };
  const listensBetween = sqlite.prepare('SELECT coalesce(sum(listens), 0) FROM listen_slots WHERE slot >= ? AND slot <= ?').pluck();
  const listens = listensBetween.get(first, end - 1) as number;
  const longest =
    summary.first_slot === null || summary.last_slot === null || summary.start_at === null || summary.end_at === null
      ? null
      : { start: summary.start_at, end: summary.end_at, listens: listensBetween.get(summary.first_slot, summary.last_slot) as number };
  return { sessions: summary.sessions, listens, totalSeconds: summary.total_seconds, longest };
}
