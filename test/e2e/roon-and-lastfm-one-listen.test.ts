// SPEC §3 across the two trackers: a play heard through Roon and scrobbled to Last.fm is one
// listen (same track, different sources, within 10 minutes); other scrobbles still count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeLastfm, type FakeLastfm } from '../fakes/lastfm/index.js';
import { startFakeRoonCore, type FakeRoonCore } from '../fakes/roon-core/index.js';
import { eventually, runCli, useTestHomes } from '../support/daemon.js';

const bed = useTestHomes(afterAll);

let core: FakeRoonCore;
let lastfm: FakeLastfm;
let home: string;

interface History {
  total: number;
  items: Array<{ title: string; artist: string; source: string; timestamp: number }>;
}

const history = async (): Promise<History> => JSON.parse((await runCli(home, ['history', '--json'])).stdout) as History;

beforeAll(async () => {
  core = await bed.fake(startFakeRoonCore({ pingIntervalMs: 0, seekEverySecond: true }));
  lastfm = await bed.fake(startFakeLastfm());
  home = bed.home({
    roon: { host: core.host, port: core.port },
    lastfm: { apiKey: lastfm.apiKey, username: lastfm.user, apiUrl: lastfm.url, pollSeconds: 1 },
  });
  await bed.daemon(home);
  for (const service of ['roon-tracker', 'lastfm-tracker']) expect((await runCli(home, ['service', 'start', service])).code).toBe(0);
  await eventually(async () => JSON.parse((await runCli(home, ['roon', 'status', '--json'])).stdout).connected === true);
});

describe('a Roon play and its Last.fm scrobble', () => {
  it('are one listen', async () => {
    const start = Math.floor(Date.now() / 1000);
    core.setQueue('1601living', core.albumTracks('Björk', 'Homogenic'), { state: 'playing' });
    core.advance('1601living', 70);
    core.advance('1601living', 70);
    await eventually(async () => (await history()).total === 1);

    lastfm.addScrobbles([
      { artist: 'Björk', album: 'Homogenic', title: 'Hunter', timestamp: start + 40 },
      { artist: 'Miles Davis', album: 'Kind of Blue', title: 'So What', timestamp: start - 900 },
    ]);
    const journal = await eventually(async () => {
      const page = await history();
      return page.total === 2 ? page : undefined;
    });
    expect(journal.items.map((i) => [i.artist, i.title, i.source])).toEqual([
      ['Björk', 'Hunter', 'roon'],
      ['Miles Davis', 'So What', 'lastfm'],
    ]);
    expect(Math.abs((journal.items[0]?.timestamp ?? 0) - start)).toBeLessThanOrEqual(2);
  });
});
