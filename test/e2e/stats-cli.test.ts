import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, runMigrations } from '../../src/db/data-source.js';
import { runCli, useTestHomes } from '../support/daemon.js';
import { FIXTURE_ZONE, seedListeningFixture } from '../support/listening-fixture.js';

const env = useTestHomes(afterEach);
const WEEK = ['--from', '2026-01-05', '--to', '2026-01-11'];

async function seededHome(): Promise<string> {
  const home = env.home({ timezone: FIXTURE_ZONE });
  const db = await openDatabase({ path: join(home, 'aime.db') });
  await runMigrations(db);
  seedListeningFixture(db.sqlite);
  await db.close();
  return home;
}

describe('aime stats through the real daemon', () => {
  it('answers an empty database with a friendly message and zeros in JSON', async () => {
    const home = env.home({ timezone: FIXTURE_ZONE });
    await env.daemon(home);
    const shown = await runCli(home, ['stats']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('No listens in this period.');
    expect(shown.stdout).toContain('aime import lastfm');
    const json = await runCli(home, ['stats', '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ listens: 0, hours: 0, topArtists: [], topAlbums: [], topTracks: [], peakHour: null });
    for (const sub of ['heatmap', 'sessions', 'streaks']) {
      const result = await runCli(home, ['stats', sub]);
      expect([sub, result.code, result.stdout.includes('No listens in this period.')]).toEqual([sub, 0, true]);
    }
    expect((await runCli(home, ['stats', 'unplayed'])).stdout).toContain('collection is empty');
  });

  it('prints the SPEC §5 shape with exact numbers, and every statistic as JSON and as 80-column charts', async () => {
    const home = await seededHome();
    await env.daemon(home);
    const json = await runCli(home, ['stats', ...WEEK, '--json']);
    expect(json.code).toBe(0);
    const summary = JSON.parse(json.stdout);
    expect(summary).toMatchObject({
      from: '2026-01-05', to: '2026-01-11', listens: 10, hours: 0.4, peakHour: 20,
      topArtists: [{ name: 'Alpha', plays: 6 }, { name: 'Beta', plays: 3 }, { name: 'Gamma', plays: 1 }],
      topAlbums: [{ title: 'Xanadu', artist: 'Alpha', plays: 5 }, { title: 'Yonder', artist: 'Beta', plays: 3 }, { title: 'Wonder', artist: 'Alpha', plays: 1 }],
    });
    expect(summary.topTracks[0]).toEqual({ title: 'One', artist: 'Alpha', album: 'Xanadu', plays: 3 });

    const expected: Record<string, Record<string, unknown>> = {
      heatmap: { listens: 10, max: 4 },
      sessions: { sessions: 5, averageMinutes: 12.8 },
      discovery: { newArtists: 2, newAlbums: 2 },
      compare: { changes: { listens: 900, hours: 380, artists: 200, albums: 200 } },
      patterns: { pairs: [{ first: 'Alpha', second: 'Beta', count: 3 }, { first: 'Alpha', second: 'Gamma', count: 1 }] },
      streaks: { activeDays: 4, longest: { from: '2026-01-05', to: '2026-01-07', days: 3 } },
    };
    for (const [sub, fields] of Object.entries(expected)) {
      const result = await runCli(home, ['stats', sub, ...WEEK, '--json']);
      expect([sub, result.code]).toEqual([sub, 0]);
      expect(JSON.parse(result.stdout)).toMatchObject(fields);
      const shown = await runCli(home, ['stats', sub, ...WEEK]);
      expect([sub, shown.code, shown.stderr]).toEqual([sub, 0, '']);
      for (const line of shown.stdout.split('\n')) expect([sub, line, line.length <= 80]).toEqual([sub, line, true]);
      expect(shown.stdout).not.toContain('\u001b[');
    }
    const unplayed = await runCli(home, ['stats', 'unplayed', '--json']);
    const zenith = { title: 'Zenith', artist: 'Gamma', support: 'cd', addedAt: '2025-12-01' };
    expect(JSON.parse(unplayed.stdout)).toEqual({ total: 1, albums: [zenith], items: [zenith], page: 1, pageSize: 20 });

    const shownSummary = await runCli(home, ['stats', ...WEEK]);
    expect(shownSummary.stdout).toContain('10 listens · 0.4 hours · 1.4 a day');
    expect(shownSummary.stdout).toContain('40.0% of listens (4) have none');
    expect(shownSummary.stdout.split('\n').filter((line) => line.length > 80)).toEqual([]);

    const heatmap = await runCli(home, ['stats', 'heatmap', ...WEEK]);
    expect(heatmap.stdout).toMatch(/^Mon .*█/m);
    expect(heatmap.stdout).toContain('· none');
  });

  it('refuses bad periods with exit code 2 and explains the range options in --help', async () => {
    const home = env.home({ timezone: FIXTURE_ZONE });
    expect((await runCli(home, ['stats', '--range', 'decade'])).code).toBe(2);
    expect((await runCli(home, ['stats', '--limit', '0'])).code).toBe(2);
    const help = await runCli(home, ['stats', 'heatmap', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('aime stats heatmap --range year');
    expect((await runCli(home, ['stats'])).code).toBe(3);
    await env.daemon(home);
    const both = await runCli(home, ['stats', '--range', 'week', '--from', '2026-01-01']);
    expect([both.code, both.stderr.trim()]).toEqual([2, 'aime: give either --range or --from/--to, not both']);
    expect((await runCli(home, ['stats', 'sessions', '--from', '2026-02-30'])).code).toBe(2);
  });
});
