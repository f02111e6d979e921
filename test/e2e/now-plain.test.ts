// `aime now --plain` end to end: the real CLI subscribed to the real daemon prints one line
// per change pushed from the fake Core (not per seek tick), says "reconnecting…" with the
// last state while the Core is away, and stops cleanly on SIGTERM.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

function watch(args: string[]): { child: ChildProcessWithoutNullStreams; lines: string[] } {
  const child = spawn(process.execPath, [AIME_BIN, 'now', ...args], { env: testEnv(home), stdio: 'pipe' });
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
