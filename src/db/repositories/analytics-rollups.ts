import type BetterSqlite3 from 'better-sqlite3';
import { SESSION_GAP_SECONDS, type DayListens, type LocalCalendar, type Period, type SessionFacts } from '../../core/analytics/ports.js';

/**
 * The time side of analytics, read from the rollups of migration 1763770000000:
 * listen_slots (listens per UTC quarter hour, with the first and last listen in it) and
 * track_plays (listens per track, with the seconds listens reported themselves). Rollups are
 * folded forward from the listens added since the last read; a deleted or moved listen is taken
 * out by the triggers of migration 1763840000000 (its quarter and its track recounted), so a
 * correction costs no rebuild; a listen whose played seconds change resets the mark (1763820000000).
 */
type Sqlite = BetterSqlite3.Database;

const QUARTER = 900;
const QUARTERS_PER_DAY = 96;
/** 1970-01-01 was a Thursday: 3 days after a Monday. */
const MONDAY_SHIFT = 3 * QUARTERS_PER_DAY;
const WEEK = 7 * QUARTERS_PER_DAY;

/**
 * A listen's own length (Roon's played time, Spotify's ms_played, Maloja's duration) counts
 * for hours instead of its track's duration: the seconds of those listens and how many
 * they are, as aggregates of listening_history.
 */
export const PLAYED_SECONDS = 'coalesce(sum(CASE WHEN played_seconds > 0 THEN played_seconds END), 0)';
export const TIMED_LISTENS = 'count(CASE WHEN played_seconds > 0 THEN 1 END)';

export function foldRollups(sqlite: Sqlite): void {
  const folded = sqlite.prepare('SELECT folded_listen_id FROM analytics_rollup_state WHERE id = 1').pluck().get() as number;
  const newest = (sqlite.prepare('SELECT max(id) FROM listening_history').pluck().get() as number | null) ?? 0;
  // Ids only grow (AUTOINCREMENT): a mark above the newest id means the newest listens were
  // deleted since, which the triggers already took out of the rollups.
  if (folded !== 0 && folded >= newest) return;
  sqlite.transaction(() => {
    const since = folded !== 0 ? folded : 0;
    if (since === 0) {
      sqlite.exec('DELETE FROM listen_slots; DELETE FROM track_plays;');
    }
    sqlite.prepare(`INSERT INTO listen_slots (slot, listens, first_at, last_at)
      SELECT timestamp / ${QUARTER}, count(*), min(timestamp), max(timestamp) FROM listening_history WHERE id > ? AND id <= ? GROUP BY timestamp / ${QUARTER}
      ON CONFLICT (slot) DO UPDATE SET listens = listens + excluded.listens, first_at = min(first_at, excluded.first_at), last_at = max(last_at, excluded.last_at)`).run(since, newest);
    sqlite.prepare(`INSERT INTO track_plays (track_id, listens, first_at, last_at, played_seconds, timed_listens)
      SELECT track_id, count(*), min(timestamp), max(timestamp), ${PLAYED_SECONDS}, ${TIMED_LISTENS} FROM listening_history WHERE id > ? AND id <= ? GROUP BY track_id
      ON CONFLICT (track_id) DO UPDATE SET listens = listens + excluded.listens, first_at = min(first_at, excluded.first_at), last_at = max(last_at, excluded.last_at),
        played_seconds = played_seconds + excluded.played_seconds, timed_listens = timed_listens + excluded.timed_listens`).run(since, newest);
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

/** SQL for the local day (days since 1970-01-01) of the epoch-seconds `column`, as listeningDays counts days. */
export function localDaySql(calendar: LocalCalendar, column: string): string {
  const quarter = `(${column} / ${QUARTER})`;
  return `((${quarter} + ${offsetQuarters(calendar, quarter)}) / ${QUARTERS_PER_DAY})`;
}

/**
 * 168 counts, weekday (Monday = 0) × 24 + local hour. A long period reads the quarters in
 * hour-of-week order from idx_listen_slots_week, one sum per offset the zone had, and
 * shifts each sum by its offset here: no sort of hundreds of thousands of quarters.
 */
export function hourOfWeek(sqlite: Sqlite, period: Period, calendar: LocalCalendar, history: Period): number[] {
  const counts = new Array<number>(168).fill(0);
  const add = (localQuarter: number, listens: number) => {
    const index = Math.floor((((localQuarter + MONDAY_SHIFT) % WEEK) + WEEK) % WEEK / 4);
    counts[index] = (counts[index] ?? 0) + listens;
  };
  const offsets = [...new Set(calendar.spans.map((span) => Math.round(span.offsetSeconds / QUARTER)))];
  if (period.to - period.from > (history.to - history.from) / 4) {
    // The first offset's sum is the total minus the others': one CASE a row fewer.
    const sums = offsets.map((offset, i) => (i === 0 ? 'sum(listens) AS o0' : `sum(CASE WHEN ${offsetQuarters(calendar, 'slot')} = ${offset} THEN listens END) AS o${i}`));
    const rows = sqlite
      .prepare(`SELECT slot % ${WEEK} AS quarter, ${sums.join(', ')} FROM listen_slots INDEXED BY idx_listen_slots_week
        WHERE slot >= ? AND slot < ? GROUP BY slot % ${WEEK}`)
      .all(...slotRange(period)) as Record<string, number | null>[];
    for (const row of rows) {
      let others = 0;
      offsets.forEach((offset, i) => {
        if (i === 0) return;
        others += row[`o${i}`] ?? 0;
        add((row.quarter ?? 0) + offset, row[`o${i}`] ?? 0);
      });
      add((row.quarter ?? 0) + (offsets[0] ?? 0), (row.o0 ?? 0) - others);
    }
    return counts;
  }
  const rows = sqlite
    .prepare(`SELECT (slot + ${offsetQuarters(calendar, 'slot')}) % ${WEEK} AS quarter, sum(listens) AS listens
      FROM listen_slots WHERE slot >= ? AND slot < ? GROUP BY quarter`)
    .all(...slotRange(period)) as { quarter: number; listens: number }[];
  for (const row of rows) add(row.quarter, row.listens);
  return counts;
}

export function listeningDays(sqlite: Sqlite, period: Period, calendar: LocalCalendar): DayListens[] {
  return sqlite
    .prepare(`SELECT (slot + ${offsetQuarters(calendar, 'slot')}) / ${QUARTERS_PER_DAY} AS day, sum(listens) AS listens
      FROM listen_slots WHERE slot >= ? AND slot < ? GROUP BY day ORDER BY day`)
    .all(...slotRange(period)) as DayListens[];
}

/**
 * Sessions without visiting listens: inside a quarter no silence can exceed 30 minutes, so
 * walking the quarters in order and comparing each one's first listen with the previous
 * one's last finds every session exactly. The walk is a small aggregate function (SQLite's
 * window functions cost about a microsecond a row); it keeps one session in memory.
 */
export function registerSessionWalk(sqlite: Sqlite): void {
  interface Walk { sessions: number; listens: number; totalSeconds: number; open: SessionRun | null; longest: SessionRun | null }
  interface SessionRun { start: number; end: number; listens: number }
  const close = (walk: Walk) => {
    const run = walk.open;
    if (!run) return;
    walk.sessions++;
    walk.totalSeconds += run.end - run.start;
    if (!walk.longest || run.end - run.start > walk.longest.end - walk.longest.start) walk.longest = run;
  };
  const step = (walk: Walk, firstAt: number, lastAt: number, listens: number) => {
    walk.listens += listens;
    if (walk.open && firstAt - walk.open.end <= SESSION_GAP_SECONDS) {
      walk.open.end = lastAt;
      walk.open.listens += listens;
    } else {
      close(walk);
      walk.open = { start: firstAt, end: lastAt, listens };
    }
  };
  sqlite.aggregate('aime_session_walk', {
    start: (): Walk => ({ sessions: 0, listens: 0, totalSeconds: 0, open: null, longest: null }),
    // The typings know one argument; better-sqlite3 passes each SQL argument in turn.
    step: step as unknown as (walk: Walk, next: unknown) => void,
    result: (walk: Walk) => {
      close(walk);
      return JSON.stringify({ sessions: walk.sessions, listens: walk.listens, totalSeconds: walk.totalSeconds, longest: walk.longest });
    },
  });
}

export function sessions(sqlite: Sqlite, period: Period): SessionFacts {
  const walked = sqlite
    .prepare('SELECT aime_session_walk(first_at, last_at, listens ORDER BY slot) FROM listen_slots WHERE slot >= ? AND slot < ?')
    .pluck()
    .get(...slotRange(period)) as string;
  return JSON.parse(walked) as SessionFacts;
}
