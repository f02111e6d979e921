// `aime now --plain` end to end: the real CLI subscribed to the real daemon prints one line
// per change pushed from the fake Core (not per seek tick), says "reconnecting…" with the
// last state while the Core is away, follows the music when no zone is named, says so when
// no Core is found, and stops cleanly on SIGTERM.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeRoonCore, type FakeRoonCore } from '../fakes/roon-core/index.js';
import { AIME_BIN, eventually, runCli, testEnv, useTestHomes } from '../support/daemon.js';

const bed = useTestHomes(afterAll);

let core: FakeRoonCore;
let home: string;

beforeAll(async () => {
  core = await bed.fake(startFakeRoonCore({ pingIntervalMs: 0 }));
  home = bed.home({ roon: { host: core.host, port: core.port } });
  await bed.daemon(home, { AIME_ROON_RETRY_FIRST_MS: '50', AIME_ROON_RETRY_MAX_MS: '300' });
  expect((await runCli(home, ['roon', 'pair', '--timeout', '10'])).code).toBe(0);
});

function watch(args: string[], dir = home): { child: ChildProcessWithoutNullStreams; lines: string[] } {
  const child = spawn(process.execPath, [AIME_BIN, 'now', ...args], { env: testEnv(dir), stdio: 'pipe' });
  const lines: string[] = [];
  let buffer = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    lines.push(...parts);
  });
  return { child, lines };
}

describe('aime now --plain', () => {
  it('prints one line per change, keeps the last state while reconnecting, exits on SIGTERM', async () => {
    const { child, lines } = watch(['--plain', '--zone', 'Living Room']);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await eventually(() => lines.length === 1);
    expect(lines[0]).toBe('[paused] Living Room: The Beatles — Come Together (Abbey Road) · vol -30 dB');

    core.play('1601living');
    await eventually(() => lines.length === 2);
    expect(lines[1]).toBe('[playing] Living Room: The Beatles — Come Together (Abbey Road) · vol -30 dB');
    core.advance('1601living', 5);
    core.advance('1601living', 5);
    core.setNowPlaying('1601living', { title: 'Jóga', artist: 'Björk', album: 'Homogenic' });
    await eventually(() => lines.length === 3);
    expect(lines[2]).toBe('[playing] Living Room: Björk — Jóga (Homogenic) · vol -30 dB');
    core.setNowPlaying('1601kitchen', { title: 'Cecilia', artist: 'Simon & Garfunkel', album: 'Bridge over Troubled Water' });

    await core.refuseConnectionsFor(300);
    await eventually(() => lines.some((l) => l.startsWith('reconnecting… ')));
    expect(lines.find((l) => l.startsWith('reconnecting… '))).toBe('reconnecting… [playing] Living Room: Björk — Jóga (Homogenic) · vol -30 dB');
    await eventually(() => lines[lines.length - 1] === '[playing] Living Room: Björk — Jóga (Homogenic) · vol -30 dB', 10_000);
    expect(lines).toHaveLength(5);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('is plain without a terminal, and follows the default zone', async () => {
    const { child, lines } = watch([]);
    await eventually(() => lines.length >= 1);
    expect(lines[0]).toMatch(/^\[playing\] Living Room: /);
    child.kill('SIGTERM');
    const unknown = await runCli(home, ['now', '--zone', 'Garage']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no Roon zone named "Garage"');
  });
});

describe('aime now --plain with no zone named and no roon.defaultZone', () => {
  it('follows the zone that plays, stays on it when it stops, and moves when another starts', async () => {
    core.pause('1601living');
    core.pause('1601kitchen');
    await eventually(async () => {
      const zones = JSON.parse((await runCli(home, ['roon', 'zones', '--json'])).stdout).zones as { id: string; state: string }[];
      return zones.every((zone) => zone.state !== 'playing');
    });
    const { child, lines } = watch([]);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const living = (state: string) => `[${state}] Living Room: Björk — Jóga (Homogenic) · vol -30 dB`;
    const kitchen = (state: string) => `[${state}] Kitchen: Simon & Garfunkel — Cecilia (Bridge over Troubled Water) · vol 25`;
    await eventually(() => lines.length === 1);
    expect(lines[0]).toBe(living('paused'));

    core.play('1601kitchen');
    await eventually(() => lines.length === 2);
    expect(lines[1]).toBe(kitchen('playing'));
    core.pause('1601kitchen');
    await eventually(() => lines.length === 3);
    expect(lines[2]).toBe(kitchen('paused'));
    core.play('1601living');
    await eventually(() => lines.length === 4);
    expect(lines[3]).toBe(living('playing'));

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(lines).toHaveLength(4);
  });
});

describe('aime now --plain without a Roon Core', () => {
  const env = useTestHomes(afterEach);

  it('says that no Core was found and how to point AIME at one', async () => {
    // A port nothing listens on, and a discovery target nobody answers: no Core either way.
    const named = env.home({ roon: { host: '127.0.0.1', port: 9 } });
    const searching = env.home();
    const quiet = { AIME_ROON_DISCOVERY_TARGET: '127.0.0.1:9', AIME_ROON_RETRY_FIRST_MS: '50', AIME_ROON_RETRY_MAX_MS: '200' };
    await Promise.all([env.daemon(named, quiet), env.daemon(searching, quiet)]);
    const cases: [string, string][] = [
      [named, 'No Roon Core found at 127.0.0.1:9 yet (still trying): check roon.host and roon.port, then run aime roon pair.'],
      [searching, 'No Roon Core found on the local network yet (still looking): set its address with aime config set roon.host <ip>, then run aime roon pair.'],
    ];
    for (const [dir, expected] of cases) {
      const { child, lines } = watch(['--plain'], dir);
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      await eventually(() => lines.length >= 1);
      // Retries come and go without changing what is said.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(lines).toEqual([expected]);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });
});
