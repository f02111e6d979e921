import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localCalendar } from '../../src/core/analytics/periods.js';
import { resolvePeriod } from '../../src/core/analytics/periods.js';
import { listeningHeatmap, listeningSessions, listeningStreaks } from '../../src/core/analytics/rhythm.js';
import { listeningSummary } from '../../src/core/analytics/summary.js';
import { openDatabase, runMigrations, type Database } from '../../src/db/data-source.js';
import { SqliteAnalytics } from '../../src/db/repositories/analytics.js';

// Europe/Paris in 2026: summer time starts Sunday 29 March at 01:00 UTC (02:00 → 03:00, a
// 23-hour day) and ends Sunday 25 October at 01:00 UTC (03:00 → 02:00, a 25-hour day).
const utc = (iso: string) => Date.parse(`${iso}Z`) / 1000;
const LISTENS = [
  utc('2026-03-28T22:59:00'), // Sat 28 Mar 23:59 CET
  utc('2026-03-28T23:00:00'), // Sun 29 Mar 00:00 CET
  utc('2026-03-29T00:30:00'), // Sun 01:30 CET
  utc('2026-03-29T01:30:00'), // Sun 03:30 CEST (02:xx never happens)
  utc('2026-03-29T21:59:00'), // Sun 23:59 CEST
  utc('2026-03-29T22:00:00'), // Mon 30 Mar 00:00 CEST
  utc('2026-10-24T22:00:00'), // Sun 25 Oct 00:00 CEST
  utc('2026-10-25T00:30:00'), // Sun 02:30 CEST (first time round)
  utc('2026-10-25T01:30:00'), // Sun 02:30 CET (second time round)
  utc('2026-10-25T22:59:00'), // Sun 23:59 CET
  utc('2026-10-25T23:00:00'), // Mon 26 Oct 00:00 CET
  utc('2026-01-05T18:29:00'), // Kolkata (UTC+5:30): Mon 5 Jan 23:59
  utc('2026-01-05T18:30:00'), // Kolkata: Tue 6 Jan 00:00
];

let dir: string;
let db: Database;
let analytics: SqliteAnalytics;

async function period(timeZone: string, from: string, to: string) {
  return resolvePeriod({ from, to }, 'all', { timeZone, now: utc('2026-11-21T12:00:00'), history: await analytics.bounds() });
}
const filledCells = (cells: number[][]) => cells.flatMap((row, day) => row.map((count, hour) => [day, hour, count])).filter(([, , count]) => count);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aime-dst-'));
  db = await openDatabase({ path: join(dir, 'aime.db') });
  await runMigrations(db);
  const now = 1_767_225_600;
  const artist = db.sqlite.prepare(`INSERT INTO artists (name, name_key, created_at, updated_at) VALUES ('Clock', 'clock', ?, ?)`).run(now, now).lastInsertRowid;
  const track = db.sqlite.prepare(`INSERT INTO tracks (artist_id, title, title_key, identity_key, duration_seconds, created_at, updated_at)
    VALUES (?, 'Tick', 'tick', ?, 60, ?, ?)`).run(artist, `${artist}:0:tick`, now, now).lastInsertRowid;
  for (const at of LISTENS) db.sqlite.prepare(`INSERT INTO listening_history (track_id, timestamp, source, created_at) VALUES (?, ?, 'lastfm', ?)`).run(track, at, now);
  analytics = new SqliteAnalytics(db);
});

afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('local days and hours across daylight saving time', () => {
  it('finds both 2026 offset changes of Europe/Paris to the second', () => {
    const calendar = localCalendar('Europe/Paris', utc('2026-01-01T00:00:00'), utc('2027-01-01T00:00:00'));
    expect(calendar.spans.map((span) => [span.start, span.offsetSeconds])).toEqual([
      [utc('2026-01-01T00:00:00'), 3600], [utc('2026-03-29T01:00:00'), 7200], [utc('2026-10-25T01:00:00'), 3600],
    ]);
  });

  it('gives the spring-forward Sunday its 23 hours and its own listens only', async () => {
    const sunday = await period('Europe/Paris', '2026-03-29', '2026-03-29');
    expect(sunday.to - sunday.from).toBe(23 * 3600);
    expect((await listeningSummary(analytics, sunday, 5)).listens).toBe(4);
    const heatmap = await listeningHeatmap(analytics, sunday);
    expect(filledCells(heatmap.cells)).toEqual([[6, 0, 1], [6, 1, 1], [6, 3, 1], [6, 23, 1]]);
  });

  it('gives the fall-back Sunday its 25 hours, with 02:30 heard twice', async () => {
    const sunday = await period('Europe/Paris', '2026-10-25', '2026-10-25');
    expect(sunday.to - sunday.from).toBe(25 * 3600);
    expect((await listeningSummary(analytics, sunday, 5)).listens).toBe(4);
    const heatmap = await listeningHeatmap(analytics, sunday);
    expect(filledCells(heatmap.cells)).toEqual([[6, 0, 1], [6, 2, 2], [6, 23, 1]]);
  });

  it('puts every listen on its local day and hour in one query spanning both changes', async () => {
    const spring = await period('Europe/Paris', '2026-03-28', '2026-10-26');
    const heatmap = await listeningHeatmap(analytics, spring);
    expect(filledCells(heatmap.cells)).toEqual([[0, 0, 2], [5, 23, 1], [6, 0, 2], [6, 1, 1], [6, 2, 2], [6, 3, 1], [6, 23, 2]]);
    const streaks = await listeningStreaks(analytics, await period('Europe/Paris', '2026-03-28', '2026-03-30'), 0);
    expect(streaks.activity).toEqual({ unit: 'day', counts: [1, 4, 1] });
    expect(streaks.longest).toEqual({ from: '2026-03-28', to: '2026-03-30', days: 3 });
  });

  it('shows session times on the local clock after the change', async () => {
    const sessions = await listeningSessions(analytics, await period('Europe/Paris', '2026-10-25', '2026-10-25'));
    // 00:00 CEST, then 02:30 CEST and 02:30 CET one real hour apart, then 23:59 CET: four sessions.
    expect(sessions.sessions).toBe(4);
    expect(sessions.longest).toMatchObject({ start: '2026-10-25 00:00', end: '2026-10-25 00:00', listens: 1 });
  });

  it('splits days at midnight in a half-hour zone (Asia/Kolkata)', async () => {
    const days = await period('Asia/Kolkata', '2026-01-05', '2026-01-06');
    const streaks = await listeningStreaks(analytics, days, 0);
    expect(streaks.activity.counts).toEqual([1, 1]);
    const heatmap = await listeningHeatmap(analytics, days);
    expect(filledCells(heatmap.cells)).toEqual([[0, 23, 1], [1, 0, 1]]);
  });
});
