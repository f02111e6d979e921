// `aime playlist play` against the fake Roon Core: the whole playlist is queued on the zone
// in order (the first track plays now), and the tracks Roon does not have are reported.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeRoonCore, type FakeRoonCore } from '../fakes/roon-core/index.js';
import { CraftedHistory, at } from '../support/playlist-history.js';
import { runCli, useTestHomes } from '../support/daemon.js';

const bed = useTestHomes(afterAll);

let core: FakeRoonCore;
let home: string;

beforeAll(async () => {
  core = await bed.fake(startFakeRoonCore({ pingIntervalMs: 0 }));
  home = bed.home({ timezone: 'UTC', roon: { host: core.host, port: core.port } });
  const history = await CraftedHistory.open(join(home, 'aime.db'));
  const tracks = [
    history.track({ artist: 'The Beatles', album: 'Abbey Road', title: 'Something' }),
    history.track({ artist: 'Nobody', album: 'Nowhere', title: 'Silence' }),
    history.track({ artist: 'Bjork', album: 'Homogenic', title: 'Joga' }),
    history.track({ artist: 'Simon and Garfunkel', album: 'Bridge over Troubled Water', title: 'Cecilia' }),
  ];
  history.session(at('2026-07-01T20:00:00Z'), tracks);
  await history.close();
  await bed.daemon(home);
  const paired = await runCli(home, ['roon', 'pair', '--timeout', '10']);
  expect(paired.code, paired.stderr).toBe(0);
});

describe('aime playlist play', () => {
  it('queues every track on the zone in playlist order and names the ones Roon lacks', async () => {
    const generated = await runCli(home, ['playlist', 'generate', 'top_sessions', '--json']);
    expect(generated.code, generated.stderr).toBe(0);
    const playlist = JSON.parse(generated.stdout) as { id: number; tracks: { title: string }[] };
    expect(playlist.tracks.map((t) => t.title)).toEqual(['Something', 'Silence', 'Joga', 'Cecilia']);

    const played = await runCli(home, ['playlist', 'play', String(playlist.id), '--zone', 'Kitchen', '--json']);
    expect(played.code, played.stderr).toBe(0);
    const result = JSON.parse(played.stdout) as { playlistId: number; zone: string; queued: { title: string }[]; notFound: { artist: string; title: string }[] };
    expect(result).toMatchObject({ playlistId: playlist.id, zone: 'Kitchen' });
    expect(result.queued.map((t) => t.title)).toEqual(['Something', 'Jóga', 'Cecilia']);
    expect(result.notFound).toEqual([{ artist: 'Nobody', title: 'Silence', album: 'Nowhere' }]);

    const heard: string[] = [];
    for (let i = 0; i < 3; i++) {
      const zone = core.zone('1601kitchen');
      heard.push(zone?.now_playing?.three_line.line1 ?? '(nothing)');
      if (i === 0) expect(zone?.queue_items_remaining).toBe(3);
      core.control('1601kitchen', 'next');
    }
    expect(heard).toEqual(['Something', 'Jóga', 'Cecilia']);
  });

  it('says which tracks were missing in the human output', async () => {
    const list = JSON.parse((await runCli(home, ['playlist', 'list', '--json'])).stdout) as { items: { id: number }[] };
    const played = await runCli(home, ['playlist', 'play', String(list.items[0]?.id), '--zone', 'Kitchen']);
    expect(played.code).toBe(0);
    expect(played.stdout).toContain('queued 3 of 4 tracks');
    expect(played.stdout).toContain('not found in Roon: Nobody - Silence');
  });

  it('refuses an empty playlist and an unknown zone with exit code 2', async () => {
    const manual = JSON.parse((await runCli(home, ['playlist', 'generate', 'manual', '--name', 'Empty', '--json'])).stdout) as { id: number };
    const empty = await runCli(home, ['playlist', 'play', String(manual.id)]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('is empty');
    const list = JSON.parse((await runCli(home, ['playlist', 'list', '--json'])).stdout) as { items: { id: number; trackCount: number }[] };
    const full = list.items.find((item) => item.trackCount > 0);
    const nowhere = await runCli(home, ['playlist', 'play', String(full?.id), '--zone', 'Garage']);
    expect(nowhere.code).toBe(2);
  });
});
