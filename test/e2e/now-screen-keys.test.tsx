// The Ink `aime now` app (ink-testing-library) on the real daemon and the fake Core: it shows
// what the Core pushes, its keys act on the zone, z changes zone.
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DaemonClient } from '../../src/cli/client.js';
import { NowApp } from '../../src/cli/views/now-app.js';
import { startFakeRoonCore, type FakeRoonCore } from '../fakes/roon-core/index.js';
import { eventually, runCli, useTestHomes } from '../support/daemon.js';

const bed = useTestHomes(afterAll);

let core: FakeRoonCore;
let home: string;

beforeAll(async () => {
  core = await bed.fake(startFakeRoonCore({ pingIntervalMs: 0 }));
  home = bed.home({ roon: { host: core.host, port: core.port, defaultZone: 'Living Room' } });
  await bed.daemon(home);
  expect((await runCli(home, ['roon', 'pair', '--timeout', '10'])).code).toBe(0);
});

describe('aime now (Ink) on the live daemon', () => {
  it('renders pushed zone events and sends the keys to the Core', async () => {
    const client = await DaemonClient.connect(join(home, 'aime.sock'));
    // roon.defaultZone is set, so the screen shows the daemon's pick rather than following the music.
    const view = render(<NowApp client={client} reconnect={() => DaemonClient.connect(join(home, 'aime.sock'))} followPlaying={false} />);
    try {
      await eventually(() => view.lastFrame()?.includes('Living Room · paused'));
      expect(view.lastFrame()).toContain('Come Together');
      expect(view.lastFrame()).toContain('vol -30 dB');

      view.stdin.write(' ');
      await eventually(() => core.zone('1601living')?.state === 'playing');
      await eventually(() => view.lastFrame()?.includes('Living Room · playing'));
      view.stdin.write('n');
      await eventually(() => view.lastFrame()?.includes('Something'));
      view.stdin.write('+');
      await eventually(() => core.zone('1601living')?.outputs[0]?.volume?.value === -29.5);
      await eventually(() => view.lastFrame()?.includes('vol -29.5 dB'));
      view.stdin.write('s');
      await eventually(() => core.zone('1601living')?.state === 'stopped');

      view.stdin.write('z');
      await eventually(() => view.lastFrame()?.includes('Kitchen'));
      view.stdin.write('-');
      await eventually(() => core.zone('1601kitchen')?.outputs[0]?.volume?.value === 24);

    } finally {
      view.unmount();
      client.close();
    }
  });
});
