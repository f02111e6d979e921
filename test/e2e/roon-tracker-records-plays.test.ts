// The roon-tracker service through the real daemon: zone events from the fake Core become
// listens in SQLite only when a track passed its threshold (half its length or 4 minutes,
// longer than 30 s), once, at its start time; skips, paused zones, short tracks and radio
// are not plays; a grouped zone counts once.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeRoonCore, type FakeRoonCore } from '../fakes/roon-core/index.js';
import { eventually, runCli, type RunningDaemon, useTestHomes } from '../support/daemon.js';

const bed = useTestHomes(afterAll);

let core: FakeRoonCore;
let daemon: RunningDaemon;
let home: string;

interface ListenRow {
  title: string;
  timestamp: number;
  zone: string;
  source: string;
  played_seconds: number;
}

function listens(): ListenRow[] {
  const db = new Database(join(home, 'aime.db'), { readonly: true });
  try {
    return db
      .prepare('SELECT t.title, l.timestamp, l.zone, l.source, l.played_seconds FROM listening_history l JOIN tracks t ON t.id = l.track_id ORDER BY l.id')
      .all() as ListenRow[];
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  core = await bed.fake(startFakeRoonCore({ pingIntervalMs: 0, seekEverySecond: true }));
  home = bed.home({ roon: { host: core.host, port: core.port, radioStations: ['FIP'] } });
  daemon = await bed.daemon(home);
  const started = await runCli(home, ['service', 'start', 'roon-tracker', '--json']);
  expect(started.code).toBe(0);
  await eventually(async () => JSON.parse((await runCli(home, ['roon', 'status', '--json'])).stdout).connected === true);
});

describe('roon-tracker', () => {
  it('records a track played past its threshold once, with its start time; a skipped one is not recorded', async () => {
    const startedAt = Date.now() / 1000;
    core.setQueue('1601living', core.albumTracks('The Beatles', 'Abbey Road'), { state: 'playing' });
    core.advance('1601living', 60);
    core.advance('1601living', 60); // 120 s of 259: threshold is 129.5
    core.pause('1601living');
    core.play('1601living');
    core.advance('1601living', 20);
    const [come] = await eventually(() => (listens().length === 1 ? listens() : undefined));
    expect(come).toMatchObject({ title: 'Come Together', zone: 'Living Room', source: 'roon', played_seconds: 130 });
    expect(Math.abs((come?.timestamp ?? 0) - startedAt)).toBeLessThanOrEqual(2);
    core.advance('1601living', 60);

    core.control('1601living', 'next'); // Something (182 s): skipped after 30 s
    core.advance('1601living', 30);
    core.control('1601living', 'next'); // Here Comes the Sun (185 s): played past 92.5 s
    core.advance('1601living', 50);
    core.advance('1601living', 50);
    await eventually(() => listens().length === 2);
    expect(listens().map((l) => l.title)).toEqual(['Come Together', 'Here Comes the Sun']);
  });

  it('does not count paused time, tracks of 30 s or less, or radio; a grouped zone counts once', async () => {
    core.setNowPlaying('1601kitchen', { title: 'Hunter', artist: 'Björk', album: 'Homogenic' }, { state: 'paused' });
    const seek = await runCli(home, ['roon', 'seek', '200', '--zone', 'Kitchen']);
    expect(seek.code).toBe(0);
    core.setNowPlaying('1601kitchen', { title: 'Her Majesty', artist: 'The Beatles', album: 'Abbey Road' });
    core.advance('1601kitchen', 10);
    core.advance('1601kitchen', 12);
    core.setRadio('1601kitchen', 'FIP', { title: 'Take Five', artist: 'Dave Brubeck' });
    core.advance('1601kitchen', 300);
    core.advance('1601kitchen', 300);

    core.setQueue('1601study', core.albumTracks('Miles Davis', 'Kind of Blue'), { state: 'playing' });
    core.advance('1601study', 130);
    core.advance('1601study', 130); // 260 s of 562: past 4 minutes
    await eventually(() => listens().length === 3);
    const last = listens()[2];
    expect(last).toMatchObject({ title: 'So What', zone: 'Study + Bedroom' });
    core.advance('1601study', 100);

    const status = await runCli(home, ['service', 'list', '--json']);
    expect(status.stderr).toBe('');
    const tracker = (JSON.parse(status.stdout) as { services: Array<{ name: string; running: boolean; details?: { recorded?: number } }> }).services.find((s) => s.name === 'roon-tracker');
    expect(tracker).toMatchObject({ running: true, details: { recorded: 3 } });
    expect(listens()).toHaveLength(3);
  });

  it('is restored after a daemon restart, and records nothing once stopped', async () => {
    await daemon.stop();
    daemon = await bed.daemon(home);
    await eventually(async () => JSON.parse((await runCli(home, ['status', '--json'])).stdout).services['roon-tracker']?.running === true);
    await eventually(async () => JSON.parse((await runCli(home, ['roon', 'status', '--json'])).stdout).connected === true);
    core.setQueue('1601kitchen', core.albumTracks('Simon & Garfunkel', 'Bridge over Troubled Water'), { state: 'playing' });
    core.advance('1601kitchen', 100);
    core.advance('1601kitchen', 100);
    await eventually(() => listens().length === 4);
    expect(listens()[3]).toMatchObject({ title: 'Bridge over Troubled Water', zone: 'Kitchen' });

    expect((await runCli(home, ['service', 'stop', 'roon-tracker'])).code).toBe(0);
    core.control('1601kitchen', 'next'); // El Condor Pasa (186 s): 160 s would count
    core.advance('1601kitchen', 80);
    core.advance('1601kitchen', 80);
    // The Roon connection stays up (commands and `aime now` use it); only the recording stops.
    await eventually(async () => JSON.parse((await runCli(home, ['roon', 'zones', '--json'])).stdout).zones.find((z: { id: string }) => z.id === '1601kitchen')?.nowPlaying?.seek === 160);
    expect(listens()).toHaveLength(4);
  });
});
