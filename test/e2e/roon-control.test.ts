// Every playback command through the real CLI and daemon changes the fake Core's zone:
// transport controls, seek, volume (clamped to range and soft limit, per output of a group),
// mute, shuffle/loop/radio, play-album under other spellings, and roon.playTracks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DaemonClient } from '../../src/cli/client.js';
import { startFakeRoonCore, type FakeRoonCore, type Zone } from '../fakes/roon-core/index.js';
import { eventually, runCli, useTestHomes } from '../support/daemon.js';

const bed = useTestHomes(afterAll);

let core: FakeRoonCore;
let home: string;

beforeAll(async () => {
  core = await bed.fake(startFakeRoonCore({ pingIntervalMs: 0 }));
  home = bed.home({ roon: { host: core.host, port: core.port, defaultZone: 'living room' } });
  await bed.daemon(home);
  const paired = await runCli(home, ['roon', 'pair', '--timeout', '10']);
  expect(paired.code).toBe(0);
});

const zone = (id: string): Zone => {
  const found = core.zone(id);
  if (!found) throw new Error(`no zone ${id}`);
  return found;
};
const volumeOf = (zoneId: string, outputId: string) => zone(zoneId).outputs.find((o) => o.output_id === outputId)?.volume?.value;

async function aime(...args: string[]) {
  const result = await runCli(home, args);
  if (result.code !== 0) throw new Error(`aime ${args.join(' ')} → ${result.code}: ${result.stderr}`);
  return result;
}

describe('aime roon controls', () => {
  it('lists zones in the SPEC §5 shape', async () => {
    const { stdout } = await aime('roon', 'zones', '--json');
    const zones = (JSON.parse(stdout) as { zones: Array<Record<string, unknown>> }).zones;
    const living = zones.find((z) => z['id'] === '1601living');
    expect(living).toMatchObject({
      name: 'Living Room',
      state: 'paused',
      nowPlaying: { title: 'Come Together', artist: 'The Beatles', album: 'Abbey Road', length: 259, seek: 0 },
      volume: { type: 'db', value: -30, softLimit: -10 },
    });
    expect(zones.find((z) => z['id'] === '1601streamer')?.['volume']).toBeNull();
    const table = await aime('roon', 'zones');
    expect(table.stdout).toMatch(/Network Streamer\s+stopped\s+fixed/);
  });

  it('play, pause, playpause, next, previous and stop change the default zone', async () => {
    await aime('roon', 'play');
    expect(zone('1601living').state).toBe('playing');
    await aime('roon', 'pause');
    expect(zone('1601living').state).toBe('paused');
    await aime('roon', 'playpause');
    expect(zone('1601living').state).toBe('playing');
    await aime('roon', 'next');
    expect(zone('1601living').now_playing?.three_line.line1).toBe('Something');
    await aime('roon', 'previous');
    expect(zone('1601living').now_playing?.three_line.line1).toBe('Come Together');
    await aime('roon', 'stop', '--zone', '1601living');
    expect(zone('1601living').state).toBe('stopped');
  });

  it('seeks absolute, in m:ss and relative', async () => {
    await aime('roon', 'play', '--zone', 'Living Room');
    await aime('roon', 'seek', '1:30');
    expect(zone('1601living').now_playing?.seek_position).toBe(90);
    await aime('roon', 'seek', '+15');
    expect(zone('1601living').now_playing?.seek_position).toBe(105);
    await aime('roon', 'seek', '-5');
    expect(zone('1601living').now_playing?.seek_position).toBe(100);
  });

  it('sets the volume within range and soft limit, on every output of a grouped zone', async () => {
    await aime('roon', 'volume', '40', '--zone', 'Kitchen');
    expect(volumeOf('1601kitchen', '1701kitchen')).toBe(40);
    await aime('roon', 'volume', '+5', '--zone', 'Kitchen');
    expect(volumeOf('1601kitchen', '1701kitchen')).toBe(45);
    await aime('roon', 'volume', '95', '--zone', 'Kitchen');
    expect(volumeOf('1601kitchen', '1701kitchen')).toBe(80);
    await aime('roon', 'volume', '-2', '--steps', '--zone', 'Kitchen');
    expect(volumeOf('1601kitchen', '1701kitchen')).toBe(78);
    await aime('roon', 'volume', '-3', '--absolute');
    expect(volumeOf('1601living', '1701living')).toBe(-10);
    await aime('roon', 'volume', '-30.3', '--absolute');
    expect(volumeOf('1601living', '1701living')).toBe(-30.5);
    const grouped = await aime('roon', 'volume', '70', '--zone', 'Study + Bedroom', '--json');
    expect(volumeOf('1601study', '1701study')).toBe(70);
    expect(volumeOf('1601study', '1701bedroom')).toBe(60);
    expect(JSON.parse(grouped.stdout).changed).toHaveLength(2);
  });

  it('says plainly that a fixed-volume output has no volume control', async () => {
    const result = await runCli(home, ['roon', 'volume', '20', '--zone', 'Network Streamer']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Network Streamer has no volume control (fixed volume)');
    const unknown = await runCli(home, ['roon', 'play', '--zone', 'Garage']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no Roon zone named "Garage"');
  });

  it('mutes, unmutes and changes shuffle, loop and radio', async () => {
    await aime('roon', 'mute', '--zone', 'Kitchen');
    expect(zone('1601kitchen').outputs[0]?.volume?.is_muted).toBe(true);
    await aime('roon', 'mute', 'off', '--zone', 'Kitchen');
    expect(zone('1601kitchen').outputs[0]?.volume?.is_muted).toBe(false);
    await aime('roon', 'shuffle', 'on');
    expect(zone('1601living').settings.shuffle).toBe(true);
    await aime('roon', 'loop', 'one');
    expect(zone('1601living').settings.loop).toBe('loop_one');
    await aime('roon', 'loop', 'off');
    expect(zone('1601living').settings.loop).toBe('disabled');
    await aime('roon', 'radio', 'on');
    expect(zone('1601living').settings.auto_radio).toBe(true);
  });

  it('plays an album named with other spellings', async () => {
    await aime('roon', 'play-album', 'beatles', 'abbey road', '--zone', 'Kitchen');
    expect(zone('1601kitchen').now_playing?.three_line).toMatchObject({ line1: 'Come Together', line3: 'Abbey Road' });
    await aime('roon', 'play-album', 'Simon and Garfunkel', 'Bridge Over Troubled Water', '--zone', 'Kitchen');
    expect(zone('1601kitchen').now_playing?.three_line.line2).toBe('Simon & Garfunkel');
    const deluxe = await aime('roon', 'play-album', 'Amy Winehouse', 'Back to Black', '--zone', 'Kitchen', '--json');
    expect(JSON.parse(deluxe.stdout)).toMatchObject({ zone: 'Kitchen', title: 'Back to Black (Deluxe Edition)' });
    expect(zone('1601kitchen').now_playing?.three_line.line3).toBe('Back to Black (Deluxe Edition)');
    await aime('roon', 'play-album', 'Bjork', 'Homogenic', '--zone', 'Kitchen');
    expect(zone('1601kitchen').now_playing?.three_line.line2).toBe('Björk');
    const missing = await runCli(home, ['roon', 'play-album', 'Nobody', 'Nothing']);
    expect(missing.code).toBe(2);
  });

  it('queues a list of tracks: the first plays now, the rest follow, the unknown are reported', async () => {
    const client = await DaemonClient.connect(join(home, 'aime.sock'));
    try {
      const result = await client.call('roon.playTracks', {
        zone: 'Study + Bedroom',
        tracks: [
          { artist: 'Miles Davis', title: 'So What' },
          { artist: 'Bjork', title: 'Joga' },
          { artist: 'Nobody', title: 'Silence' },
          { artist: 'The Beatles', title: 'Something' },
        ],
      });
      expect(result.queued.map((t) => t.title)).toEqual(['So What', 'Jóga', 'Something']);
      expect(result.notFound).toEqual([{ artist: 'Nobody', title: 'Silence', album: null }]);
    } finally {
      client.close();
    }
    expect(zone('1601study').now_playing?.three_line.line1).toBe('So What');
    await eventually(() => zone('1601study').queue_items_remaining === 3);
  });

  it('saves the cover of what a zone plays, through the image service', async () => {
    const out = join(home, 'cover.png');
    const saved = await aime('roon', 'cover', '--zone', 'Study + Bedroom', '--size', '300', '--out', out);
    expect(saved.stdout).toContain('Study + Bedroom: cover of Kind of Blue');
    expect(readFileSync(out).subarray(1, 4).toString()).toBe('PNG');
    const idle = await runCli(home, ['roon', 'cover', '--zone', 'Network Streamer', '--out', out]);
    expect(idle.code).toBe(2);
    expect(idle.stderr).toContain('Network Streamer is not playing anything with a cover');
  });
});
