// The lastfm-tracker service and the journal commands, end to end.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually, runCli, useTestHomes } from '../support/daemon.js';
import { startFakeLastfm } from '../fakes/lastfm/index.js';

const bed = useTestHomes(afterEach);

async function history(home: string, ...args: string[]) {
  const result = await runCli(home, ['history', '--json', ...args]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as { items: { id: number; timestamp: number; date: string; artist: string; title: string; album: string | null; source: string; loved: boolean }[]; total: number; page: number; pageSize: number };
}

describe('lastfm-tracker', () => {
  it('records plays scrobbled between polls with their own times, survives kill -9, skips radio', async () => {
    const now = Math.floor(Date.now() / 1000);
    const fake = await bed.fake(startFakeLastfm({ scrobbles: [{ artist: 'Ana Costa', album: 'Summer', title: 'Rain', timestamp: now - 3000 }] }));
    const home = bed.home({ lastfm: { apiKey: fake.apiKey, username: fake.user, apiUrl: fake.url, pollSeconds: 1 }, roon: { radioStations: ['RTS La Première'] } });
    const daemon = await bed.daemon(home);
    expect((await runCli(home, ['service', 'start', 'lastfm-tracker'])).code).toBe(0);
    await eventually(async () => (await history(home)).total === 1);

    // Three plays (one replayed straight away) and a station between two polls, plus a track playing now.
    const plays = [
      { artist: 'The Velvet Foxes', album: 'Greatest Hits', title: 'Intro', timestamp: now - 400 },
      { artist: 'The Velvet Foxes', album: 'Greatest Hits', title: 'Intro', timestamp: now - 200 },
      { artist: 'RTS La Première', album: '', title: 'Le journal', timestamp: now - 150 },
      { artist: 'Ana Costa', album: 'Greatest Hits', title: 'Rain', timestamp: now - 100 },
    ];
    fake.addScrobbles(plays);
    fake.setNowPlaying({ artist: 'Ana Costa', album: 'Summer', title: 'Playing Now' });
    const page = await eventually(async () => {
      const journal = await history(home);
      return journal.total === 4 ? journal : undefined;
    });
    expect(page.items.map((item) => [item.timestamp, item.artist, item.title, item.album, item.source])).toEqual([
      [now - 100, 'Ana Costa', 'Rain', 'Greatest Hits', 'lastfm'],
      [now - 200, 'The Velvet Foxes', 'Intro', 'Greatest Hits', 'lastfm'],
      [now - 400, 'The Velvet Foxes', 'Intro', 'Greatest Hits', 'lastfm'],
      [now - 3000, 'Ana Costa', 'Rain', 'Summer', 'lastfm'],
    ]);
    const status = JSON.parse((await runCli(home, ['status', '--json'])).stdout);
    const tracker = status.services['lastfm-tracker'];
    expect(tracker).toMatchObject({ active: true, running: true, lastError: null });
    expect(tracker.details.nextPollAt).toEqual(expect.any(String));
    expect(tracker.details.lastSeen).toBe(now - 100);

    // Killed without warning; plays made while it is down are caught up after the restart.
    await daemon.kill();
    fake.addScrobble({ artist: 'Ana Costa', album: 'Summer', title: 'Rain', timestamp: now - 50 });
    await bed.daemon(home);
    await eventually(async () => (await history(home)).total === 5);
    await new Promise((resolve) => setTimeout(resolve, 1500)); // more polls re-read the window: still 5
    expect((await history(home)).total).toBe(5);
  });
});

describe('journal commands', () => {
  it('pages and filters the history, loves and unloves, shows a day, merges copies', async () => {
    // 2025-06-01 in Zurich (UTC+2): 09:10, 09:40, 14:05 local.
    const day = Date.UTC(2025, 5, 1, 0, 0, 0) / 1000 - 2 * 3600;
    const scrobbles = [
      { artist: 'Ana Costa', album: 'Summer', title: 'Rain', timestamp: day + 9 * 3600 + 600 },
      { artist: 'Ana Costa', album: 'Summer', title: 'Heart', timestamp: day + 9 * 3600 + 2400 },
      { artist: 'Björn Berg', album: '', title: 'Été', timestamp: day + 14 * 3600 + 300 },
      { artist: 'Björn Berg', album: 'Night', title: 'Gold', timestamp: day - 86_400 },
    ];
    const fake = await bed.fake(startFakeLastfm({ scrobbles }));
    const home = bed.home({ lastfm: { apiKey: fake.apiKey, username: fake.user, apiUrl: fake.url }, timezone: 'Europe/Zurich' });
    await bed.daemon(home);
    expect((await runCli(home, ['import', 'lastfm'])).code).toBe(0);

    const all = await history(home, '--limit', '2');
    expect(all).toMatchObject({ total: 4, page: 1, pageSize: 2 });
    expect(Object.keys(all.items[0]!)).toEqual(expect.arrayContaining(['id', 'timestamp', 'date', 'artist', 'title', 'album', 'source', 'loved']));
    expect(all.items[0]!.date).toBe(new Date((day + 14 * 3600 + 300) * 1000).toISOString());
    expect((await history(home, '--limit', '2', '--page', '2')).items.map((i) => i.title)).toEqual(['Rain', 'Gold']);
    expect((await history(home, '--artist', 'bjorn')).total).toBe(2);
    expect((await history(home, '--album', 'summer')).total).toBe(2);
    expect((await history(home, '--since', '2025-06-01', '--until', '2025-06-01')).total).toBe(3);
    expect((await history(home, '--source', 'roon')).total).toBe(0);

    const rain = all.items.find((i) => i.title === 'Rain') ?? (await history(home, '--artist', 'ana')).items.find((i) => i.title === 'Rain')!;
    const loved = await runCli(home, ['love', String(rain.id), '--json']);
    expect(JSON.parse(loved.stdout)).toMatchObject({ id: rain.id, loved: true, changed: 1 });
    expect((await history(home, '--loved')).items.map((i) => i.title)).toEqual(['Rain']);
    expect((await runCli(home, ['unlove', String(rain.id)])).code).toBe(0);
    expect((await history(home, '--loved')).total).toBe(0);
    const missing = await runCli(home, ['love', '999999']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no listen with id 999999/);

    const timeline = JSON.parse((await runCli(home, ['timeline', '--date', '2025-06-01', '--json'])).stdout);
    expect(timeline).toMatchObject({ date: '2025-06-01', timezone: 'Europe/Zurich', timeZone: 'Europe/Zurich', total: 3, uniqueArtists: 2, uniqueAlbums: 1, peakHour: 9 });
    expect(timeline.hours.map((h: { hour: number; listens: { time: string }[] }) => [h.hour, h.listens.map((l) => l.time)])).toEqual([
      [9, ['09:40', '09:10']],
      [14, ['14:05']],
    ]);
    expect((await runCli(home, ['timeline', '--date', '2025-13-01'])).code).toBe(2);

    // A Roon copy of the 09:10 play stored by an older version, 30 s later: one listen.
    const db = new Database(join(home, 'aime.db'));
    db.prepare(`INSERT INTO listening_history (track_id, timestamp, source, loved, created_at)
                SELECT track_id, timestamp + 30, 'roon', 1, 0 FROM listening_history WHERE id = ?`).run(rain.id);
    db.close();
    const dry = JSON.parse((await runCli(home, ['history', 'dedupe', '--dry-run', '--json'])).stdout);
    expect(dry).toMatchObject({ duplicates: 1, removed: 0, dryRun: true });
    expect((await history(home)).total).toBe(5);
    const merged = JSON.parse((await runCli(home, ['history', 'dedupe', '--json'])).stdout);
    expect(merged).toMatchObject({ duplicates: 1, removed: 1 });
    const after = await history(home);
    expect(after.total).toBe(4);
    expect(after.items.find((i) => i.id === rain.id)?.loved).toBe(true);
  });
});
