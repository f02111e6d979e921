import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listeningDiscoveries } from '../../src/core/analytics/discovery.js';
import { listeningHeatmap, listeningSessions, listeningStreaks } from '../../src/core/analytics/rhythm.js';
import { listeningSummary } from '../../src/core/analytics/summary.js';
import { UserError } from '../../src/core/errors.js';
import { localDayNumber } from '../../src/core/time/days.js';
import type { NarratedReview, YearInReview } from '../../src/core/wrapped/model.js';
import { wrappedPeriod, type WrappedRequest } from '../../src/core/wrapped/period.js';
import { yearInReview } from '../../src/core/wrapped/report.js';
import type { WrappedReport } from '../../src/rpc/methods/wrapped.js';
import { emptyReport } from '../support/wrapped-reports.js';
import { openWrappedFixture, TOP_ALBUM, TOP_ARTIST, WRAPPED_NOW as NOW, WRAPPED_ZONE, type WrappedFixtureDatabase } from '../support/wrapped-fixture.js';

// Every number below is worked out by hand from test/support/wrapped-fixture.ts.
let dir: string;
let fixture: WrappedFixtureDatabase;
const review = (request: WrappedRequest): Promise<YearInReview> => fixture.review(request);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aime-wrapped-'));
  fixture = await openWrappedFixture(join(dir, 'aime.db'));
});

afterAll(async () => {
  await fixture.db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the year in review on a hand-made 2025 (Europe/Paris)', () => {
  it('counts listens, known hours, days, streak, peaks — and the rpc shape accepts it', async () => {
    const report = await review({ year: 2025 });
    // The --json contract is declared apart from core (rpc imports nothing of ours): this is where the two must agree.
    const narrated: NarratedReview = { ...report, paragraph: { status: 'off', message: null } };
    const json: WrappedReport = narrated;
    expect(json).toMatchObject({
      from: '2025-01-01', to: '2025-12-31', timezone: WRAPPED_ZONE, days: 365, year: 2025,
      listens: 20, hours: 1.5, unknownDurationListens: 2, dailyAverage: 0.1, artists: 5, albums: 5, tracks: 11,
      activeDays: 9, longestStreak: { from: '2025-07-05', to: '2025-07-06', days: 2 }, busiestDay: { date: '2025-02-14', listens: 7 },
      peakHour: 21, peakWeekday: 'Friday', ai: null,
    });
  });

  it('ranks the top 10 artists, albums and tracks with their covers and pictures', async () => {
    const report = await review({ year: 2025 });
    const [night, second, tape, first, echoes] = fixture.albumIds;
    expect(report.topArtists).toEqual([
      { name: TOP_ARTIST, plays: 8, imageUrl: 'https://i.scdn.example/zoe.jpg' },
      { name: 'Dawn Chorus', plays: 4, imageUrl: null },
      { name: 'Beta Band', plays: 3, imageUrl: null },
      { name: 'Cassette Club', plays: 3, imageUrl: null },
      { name: 'Echo Valley', plays: 2, imageUrl: null },
    ]);
    expect(report.topAlbums).toEqual([
      { title: TOP_ALBUM, artist: TOP_ARTIST, plays: 8, albumId: night, coverUrl: 'https://coverartarchive.example/night-and-day.jpg' },
      { title: 'First Light', artist: 'Dawn Chorus', plays: 4, albumId: first, coverUrl: null },
      { title: 'Second Wind', artist: 'Beta Band', plays: 3, albumId: second, coverUrl: null },
      { title: 'Tape Hiss', artist: 'Cassette Club', plays: 3, albumId: tape, coverUrl: 'https://img.discogs.example/tape-hiss.jpg' },
      { title: 'Echoes', artist: 'Echo Valley', plays: 2, albumId: echoes, coverUrl: null },
    ]);
    expect(report.topTracks.map((track) => [track.title, track.plays, track.albumId])).toEqual([
      ['Morning', 4, first], ['Ballroom', 2, night], ['Canyon', 2, echoes], ['Coda', 2, night], ['Dusk', 2, night], ['Overture', 2, night],
      ['Rewind', 2, tape], ['Breeze', 1, second], ['Calm', 1, second], ['Fast Forward', 1, tape],
    ]);
  });

  it('draws the month curve and the heatmap on the local clock', async () => {
    const report = await review({ year: 2025 });
    expect(report.months.map((month) => month.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`));
    expect(report.months.map((month) => month.listens)).toEqual([4, 7, 2, 1, 1, 0, 2, 0, 0, 0, 2, 1]);
    const filled = report.heatmap.cells.flatMap((row, day) => row.map((count, hour) => [report.heatmap.weekdays[day], hour, count])).filter(([, , count]) => count);
    expect(filled).toEqual([
      ['Friday', 20, 4], ['Friday', 21, 7],
      ['Saturday', 9, 2], ['Saturday', 10, 2], ['Saturday', 15, 1], ['Saturday', 23, 3],
      ['Sunday', 0, 1],
    ]);
    expect(report.heatmap.max).toBe(7);
  });

  it('finds the longest session and the averages (a silence over 30 minutes cuts)', async () => {
    const report = await review({ year: 2025 });
    expect(report.sessions).toEqual({
      count: 9, averageMinutes: 6.6, averageListens: 2.2,
      longest: { start: '2025-02-14 21:00', end: '2025-02-14 21:30', minutes: 30, listens: 7 },
    });
  });

  it('counts new artists and the regulars among them by local days', async () => {
    const report = await review({ year: 2025 });
    // Dawn Chorus: 4 local days, only 3 UTC days (23:30 and 00:30 in July are one UTC day).
    expect(report.discovery).toEqual({
      newArtists: 3, newAlbums: 3, regulars: 1, regularDays: 4,
      artists: [
        { name: 'Dawn Chorus', firstHeard: '2025-04-05', plays: 4 },
        { name: 'Cassette Club', firstHeard: '2025-03-01', plays: 3 },
        { name: 'Echo Valley', firstHeard: '2025-11-15', plays: 2 },
      ],
    });
  });

  it('reads the collection: the most played record, the purchases and which were played since', async () => {
    const report = await review({ year: 2025 });
    const [night, second, tape, first, echoes] = fixture.albumIds;
    expect(report.collection.mostPlayed).toEqual({
      albumId: night, title: TOP_ALBUM, artist: TOP_ARTIST, support: 'vinyl', coverUrl: 'https://coverartarchive.example/night-and-day.jpg', plays: 8,
    });
    expect(report.collection.bought).toBe(5);
    expect(report.collection.boughtPlayed).toBe(3);
    expect(report.collection.boughtRecords.map((record) => [record.albumId, record.support, record.addedOn, record.plays])).toEqual([
      [first, 'vinyl', '2025-04-01', 4],
      [tape, 'cassette', '2025-02-01', 3],
      [echoes, 'vinyl', '2025-01-01', 2],
      // Second Wind was heard on 14 February, before it was bought on the 20th.
      [second, 'cd', '2025-02-20', 0],
      [first, 'cd', '2025-09-01', 0],
    ]);
  });

  it('splits spins from streams by source', async () => {
    const report = await review({ year: 2025 });
    expect(report.sources).toEqual({
      bySource: [
        { source: 'lastfm', listens: 9 }, { source: 'roon', listens: 4 }, { source: 'vinyl', listens: 4 },
        { source: 'spotify', listens: 2 }, { source: 'cassette', listens: 1 },
      ],
      spins: 5,
      streams: 15,
    });
  });

  it('names the album of the year by complete plays: whole sessions, at least 4 known tracks', async () => {
    const report = await review({ year: 2025 });
    // Second Wind lacks Squall (3 of 4); Tape Hiss is complete but has only 2 tracks.
    expect(report.albumOfTheYear).toEqual({
      albumId: fixture.albumIds[0], title: TOP_ALBUM, artist: TOP_ARTIST, coverUrl: 'https://coverartarchive.example/night-and-day.jpg', completePlays: 2, plays: 8,
    });
  });

  it('gives the same numbers as aime stats for the same period (one code path)', async () => {
    const deps = fixture.deps;
    const period = wrappedPeriod({ year: 2025 }, { timeZone: WRAPPED_ZONE, now: NOW, history: await deps.analytics.bounds() });
    const report = await yearInReview(deps, period, NOW);
    const summary = await listeningSummary(deps.analytics, period, 10);
    expect(report).toMatchObject({
      listens: summary.listens, hours: summary.hours, artists: summary.artists, albums: summary.albums, tracks: summary.tracks,
      peakHour: summary.peakHour, peakWeekday: summary.peakWeekday, dailyAverage: summary.dailyAverage,
    });
    expect(report.topArtists.map(({ name, plays }) => ({ name, plays }))).toEqual(summary.topArtists);
    expect(report.topAlbums.map(({ title, artist, plays }) => ({ title, artist, plays }))).toEqual(summary.topAlbums);
    expect(report.heatmap.cells).toEqual((await listeningHeatmap(deps.analytics, period)).cells);
    const sessions = await listeningSessions(deps.analytics, period);
    expect([report.sessions.count, report.sessions.longest]).toEqual([sessions.sessions, sessions.longest]);
    const streaks = await listeningStreaks(deps.analytics, period, localDayNumber(WRAPPED_ZONE, NOW));
    expect([report.activeDays, report.longestStreak]).toEqual([streaks.activeDays, streaks.longest]);
    expect(report.discovery.artists).toEqual((await listeningDiscoveries(deps.analytics, period, 10)).artists);
  });
});

describe('which days a year in review covers', () => {
  it('defaults to the current year until today', async () => {
    const report = await review({});
    expect(report).toMatchObject({ year: 2026, from: '2026-01-01', to: '2026-02-01', days: 32, listens: 1, topArtists: [{ name: TOP_ARTIST, plays: 1 }] });
    expect(report.months.map((month) => month.month)).toEqual(['2026-01', '2026-02']);
  });

  it('takes any from/to period as aime stats does', async () => {
    const report = await review({ from: '2025-02-14', to: '2025-03-01' });
    expect(report).toMatchObject({ year: null, days: 16, listens: 9, activeDays: 2 });
    expect(report.months.map((month) => [month.month, month.listens])).toEqual([['2025-02', 7], ['2025-03', 2]]);
  });

  it('refuses a year with from/to, and a year that is not one', async () => {
    await expect(review({ year: 2025, from: '2025-01-01' })).rejects.toThrow(UserError);
    await expect(review({ year: 25.5 })).rejects.toThrow(/not a year/);
  });

  it('gives zeros, never NaN, for a year without listens', async () => {
    const report = await review({ year: 2019 });
    expect(report).toMatchObject({
      listens: 0, hours: 0, activeDays: 0, longestStreak: null, busiestDay: null, peakHour: null, topArtists: [], albumOfTheYear: null,
      sessions: { count: 0, averageMinutes: 0, averageListens: 0, longest: null },
      collection: { mostPlayed: null, bought: 0, boughtPlayed: 0, boughtRecords: [] },
      sources: { bySource: [], spins: 0, streams: 0 },
    });
    expect(JSON.stringify(report)).not.toMatch(/NaN|Infinity|undefined/);
    // The hand-written empty report the views are tested with is this one (as the daemon narrates it).
    expect({ ...report, paragraph: { status: 'nothing-to-tell', message: null } }).toEqual(emptyReport(2019));
  });
});
