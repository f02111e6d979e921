import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artistPatterns, listeningDiscoveries, unplayedAlbums } from '../../src/core/analytics/discovery.js';
import { dateToDay } from '../../src/core/time/days.js';
import { previousPeriod, resolvePeriod, type LocalPeriod } from '../../src/core/analytics/periods.js';
import { listeningHeatmap, listeningSessions, listeningStreaks } from '../../src/core/analytics/rhythm.js';
import { comparePeriods, listeningSummary } from '../../src/core/analytics/summary.js';
import { openDatabase, runMigrations, type Database } from '../../src/db/data-source.js';
import { SqliteAnalytics } from '../../src/db/repositories/analytics.js';
import { FIXTURE_ZONE, parisWinter, seedListeningFixture } from '../support/listening-fixture.js';

// Every number below is worked out by hand from test/support/listening-fixture.ts.
let dir: string;
let db: Database;
let analytics: SqliteAnalytics;
let listenIds: number[];
const NOW = parisWinter('2026-11-21 12:00');

async function period(request: { range?: 'week' | 'month' | 'year' | 'all'; from?: string; to?: string }): Promise<LocalPeriod> {
  return resolvePeriod(request, 'all', { timeZone: FIXTURE_ZONE, now: NOW, history: await analytics.bounds() });
}
const week = () => period({ from: '2026-01-05', to: '2026-01-11' });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aime-analytics-'));
  db = await openDatabase({ path: join(dir, 'aime.db') });
  await runMigrations(db);
  listenIds = seedListeningFixture(db.sqlite);
  analytics = new SqliteAnalytics(db);
});

afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('analytics on a hand-made history (Europe/Paris)', () => {
  it('sums a week: totals, known hours, unknown-duration share, tops, daily average, peaks', async () => {
    const summary = await listeningSummary(analytics, await week(), 10);
    expect(summary).toMatchObject({
      from: '2026-01-05', to: '2026-01-11', timezone: FIXTURE_ZONE, days: 7,
      listens: 10, hours: 0.4, unknownDurationListens: 4, unknownDurationShare: 0.4, dailyAverage: 1.4,
      artists: 3, albums: 3, tracks: 5, peakHour: 20, peakWeekday: 'Monday',
    });
    expect(summary.topArtists).toEqual([{ name: 'Alpha', plays: 6 }, { name: 'Beta', plays: 3 }, { name: 'Gamma', plays: 1 }]);
    expect(summary.topAlbums).toEqual([
      { title: 'Xanadu', artist: 'Alpha', plays: 5 }, { title: 'Yonder', artist: 'Beta', plays: 3 }, { title: 'Wonder', artist: 'Alpha', plays: 1 },
    ]);
    expect(summary.topTracks.map((track) => [track.title, track.album, track.plays])).toEqual([
      ['One', 'Xanadu', 3], ['Three', 'Yonder', 3], ['Two', 'Xanadu', 2], ['Four', null, 1], ['Six', 'Wonder', 1],
    ]);
    expect(summary.byWeekday).toEqual([5, 1, 3, 0, 0, 0, 1]);
    expect(summary.byHour.map((count, hour) => [hour, count]).filter(([, count]) => count)).toEqual([[0, 1], [8, 3], [20, 4], [23, 2]]);
  });

  it('reads the whole history from the rollups with the same numbers as a scan', async () => {
    const all = await period({ range: 'all' });
    expect([all.firstDay, all.lastDay]).toEqual([dateToDay('2026-01-04'), dateToDay('2026-11-21')]);
    const summary = await listeningSummary(analytics, all, 2);
    expect(summary).toMatchObject({ listens: 12, hours: 0.5, unknownDurationListens: 4, artists: 3, albums: 3, tracks: 5 });
    expect(summary.topArtists).toEqual([{ name: 'Alpha', plays: 8 }, { name: 'Beta', plays: 3 }]);
    expect(summary.dailyAverage).toBe(Math.round((12 / all.days) * 10) / 10);
    // Most of the history: the rollup minus the one listen before the period.
    const most = await listeningSummary(analytics, await period({ from: '2026-01-05', to: '2026-11-21' }), 3);
    expect(most).toMatchObject({ listens: 11, hours: 0.5, unknownDurationListens: 4, artists: 3, albums: 3, tracks: 5 });
    expect(most.topArtists).toEqual([{ name: 'Alpha', plays: 7 }, { name: 'Beta', plays: 3 }, { name: 'Gamma', plays: 1 }]);
  });

  it('draws the hour × weekday heatmap on the local clock', async () => {
    const heatmap = await listeningHeatmap(analytics, await week());
    expect(heatmap.listens).toBe(10);
    expect(heatmap.max).toBe(4);
    const filled = heatmap.cells.flatMap((row, day) => row.map((count, hour) => [heatmap.weekdays[day], hour, count])).filter(([, , count]) => count);
    expect(filled).toEqual([['Monday', 20, 4], ['Monday', 23, 1], ['Tuesday', 0, 1], ['Wednesday', 8, 3], ['Sunday', 23, 1]]);
  });

  it('cuts sessions at silences over 30 minutes (exactly 30 stays one session)', async () => {
    expect(await listeningSessions(analytics, await week())).toMatchObject({
      sessions: 5, listens: 10, averageMinutes: 12.8, averageListens: 2,
      longest: { start: '2026-01-05 20:00', end: '2026-01-05 20:40', minutes: 40, listens: 4 },
    });
  });

  it('finds artists and albums first heard in the period', async () => {
    const found = await listeningDiscoveries(analytics, await week(), 10);
    expect(found).toMatchObject({ newArtists: 2, newAlbums: 2 });
    expect(found.artists).toEqual([{ name: 'Beta', firstHeard: '2026-01-05', plays: 3 }, { name: 'Gamma', firstHeard: '2026-01-05', plays: 1 }]);
    expect(found.albums).toEqual([
      { title: 'Yonder', artist: 'Beta', firstHeard: '2026-01-05', plays: 3 }, { title: 'Wonder', artist: 'Alpha', firstHeard: '2026-01-07', plays: 1 },
    ]);
  });

  it('compares the week with the seven days before, in %', async () => {
    const current = await week();
    const comparison = await comparePeriods(analytics, current, previousPeriod(current), 5);
    expect(comparison.previous).toMatchObject({ from: '2025-12-29', to: '2026-01-04', listens: 1, hours: 0.1, artists: 1, albums: 1, topArtists: [{ name: 'Alpha', plays: 1 }] });
    expect(comparison.current).toMatchObject({ listens: 10, hours: 0.4, artists: 3, albums: 3 });
    expect(comparison.changes).toEqual({ listens: 900, hours: 380, artists: 200, albums: 200 });
  });

  it('counts artists heard one straight after the other', async () => {
    expect((await artistPatterns(analytics, await week(), 10)).pairs).toEqual([
      { first: 'Alpha', second: 'Beta', count: 3 }, { first: 'Alpha', second: 'Gamma', count: 1 },
    ]);
  });

  it('lists collection albums never played once, however many copies', async () => {
    const zenith = { title: 'Zenith', artist: 'Gamma', support: 'cd', addedAt: '2025-12-01' };
    expect(await unplayedAlbums(analytics, FIXTURE_ZONE, 10)).toEqual({ total: 1, albums: [zenith], items: [zenith], page: 1, pageSize: 10 });
    // A page past the end still says how many there are.
    expect(await unplayedAlbums(analytics, FIXTURE_ZONE, 10, 2)).toEqual({ total: 1, albums: [], items: [], page: 2, pageSize: 10 });
  });

  it('finds streaks of days in a row, the busiest day and daily activity', async () => {
    const streaks = await listeningStreaks(analytics, await week(), dateToDay('2026-11-21'));
    expect(streaks).toMatchObject({
      activeDays: 4, longest: { from: '2026-01-05', to: '2026-01-07', days: 3 }, current: null,
      busiestDay: { date: '2026-01-05', listens: 5 }, activity: { unit: 'day', counts: [5, 1, 3, 0, 0, 0, 1] },
    });
    const ongoing = await listeningStreaks(analytics, await period({ from: '2026-01-05', to: '2026-01-12' }), dateToDay('2026-01-12'));
    expect(ongoing.current).toEqual({ from: '2026-01-11', to: '2026-01-12', days: 2 });
  });

  it('keeps the rollups exact when listens are added, deleted and moved', async () => {
    await artistPatterns(analytics, await week(), 10);
    // A play slipped between two others changes the pairs around it.
    const four = db.sqlite.prepare(`SELECT id FROM tracks WHERE title = 'Four'`).pluck().get() as number;
    db.sqlite.prepare(`INSERT INTO listening_history (track_id, timestamp, source, created_at) VALUES (?, ?, 'roon', 0)`).run(four, parisWinter('2026-01-07 08:33'));
    const expectedPairs = [{ first: 'Alpha', second: 'Beta', count: 2 }, { first: 'Alpha', second: 'Gamma', count: 2 }, { first: 'Beta', second: 'Gamma', count: 1 }];
    expect((await artistPatterns(analytics, await week(), 10)).pairs).toEqual(expectedPairs);
    const sunday = db.sqlite.prepare('SELECT track_id FROM listening_history WHERE id = ?').pluck().get(listenIds[9]) as number;
    db.sqlite.prepare('DELETE FROM listening_history WHERE id = ?').run(listenIds[9]);
    db.sqlite.prepare(`INSERT INTO listening_history (track_id, timestamp, source, created_at) VALUES (?, ?, 'roon', 0)`).run(sunday, parisWinter('2026-01-08 10:00'));
    db.sqlite.prepare('UPDATE listening_history SET timestamp = ? WHERE id = ?').run(parisWinter('2026-01-09 10:00'), listenIds[6]);
    const heatmap = await listeningHeatmap(analytics, await week());
    expect(heatmap.cells[6]?.[23]).toBe(0);
    expect([heatmap.cells[3]?.[10], heatmap.cells[4]?.[10], heatmap.cells[2]?.[8]]).toEqual([1, 1, 3]);
    expect((await listeningSessions(analytics, await week())).sessions).toBe(5);
    expect((await artistPatterns(analytics, await week(), 10)).pairs).toEqual(expectedPairs);
    const all = await listeningSummary(analytics, await period({ range: 'all' }), 1);
    expect(all.listens).toBe(13);
  });

  it('gives zeros, not errors, for a period without listens', async () => {
    const empty = await period({ from: '2020-01-01', to: '2020-01-31' });
    expect(await listeningSummary(analytics, empty, 10)).toMatchObject({ listens: 0, hours: 0, topArtists: [], peakHour: null, peakWeekday: null, unknownDurationShare: 0 });
    expect(await listeningSessions(analytics, empty)).toMatchObject({ sessions: 0, longest: null });
    expect(await listeningStreaks(analytics, empty, dateToDay('2026-11-21'))).toMatchObject({ activeDays: 0, longest: null, busiestDay: null });
  });
});
