// `aime forward …` end to end: the real daemon and CLI, a local Last.fm for listens and a
// local ListenBrainz that checks what it gets with the real server's rules.
import { afterEach, describe, expect, it } from 'vitest';
import { eventually, runCli, useTestHomes } from '../support/daemon.js';
import { startFakeLastfm, type Scrobble } from '../fakes/lastfm/index.js';
import { startFakeListenbrainz, type FakeListenbrainzOptions } from '../fakes/listenbrainz/index.js';

const bed = useTestHomes(afterEach);
const ENV = { AIME_FORWARD_MIN_INTERVAL_MS: '0', AIME_FORWARD_IDLE_MS: '100' };

function scrobbles(count: number, from: number, label: string): Scrobble[] {
  return Array.from({ length: count }, (_, i) => ({ artist: `Artist ${i % 9}`, title: `${label} ${i}`, album: `Album ${i % 4}`, timestamp: from + i * 300 }));
}

async function setup(listenbrainz: FakeListenbrainzOptions = {}, withToken = true) {
  const lastfm = await bed.fake(startFakeLastfm({ scrobbles: scrobbles(120, 1_704_067_200, 'old') }));
  const target = await bed.fake(startFakeListenbrainz(listenbrainz));
  const home = bed.home({
    lastfm: { apiKey: lastfm.apiKey, username: lastfm.user, apiUrl: lastfm.url },
    timezone: 'UTC',
    forward: { listenbrainz: { url: target.url, ...(withToken ? { token: target.token } : {}) } },
  });
  const daemon = await bed.daemon(home, ENV);
  return { lastfm, target, home, daemon };
}

async function status(home: string) {
  const result = await runCli(home, ['forward', 'status', '--json']);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

describe('aime forward', () => {
  it('starts with the token set by aime config set, forwards new listens only, and backfills older ones once', async () => {
    const { lastfm, target, home, daemon } = await setup({}, false);
    expect(await status(home)).toMatchObject({ enabled: false, running: false, queued: 0, sent: 0, failed: 0, lastError: null, lastSentAt: null, parked: [] });
    const off = await runCli(home, ['forward', 'backfill', '--since', '2024-01-01']);
    expect(off.code).toBe(2);
    expect(off.stderr).toMatch(/forwarding is off: set the token first/);
    expect((await runCli(home, ['import', 'lastfm'])).code).toBe(0);

    expect((await runCli(home, ['config', 'set', 'forward.listenbrainz.token', target.token])).code).toBe(0);
    await eventually(async () => (await status(home)).running);
    lastfm.addScrobbles(scrobbles(30, 1_735_689_600, 'new'));
    expect((await runCli(home, ['import', 'lastfm'])).code).toBe(0);
    await eventually(async () => (await status(home)).sent === 30, 15_000);
    expect(target.listens().every((listen) => listen.track_metadata.track_name.startsWith('new'))).toBe(true);
    const services = JSON.parse((await runCli(home, ['status', '--json'])).stdout).services;
    expect(services.forward).toMatchObject({ name: 'forward', active: true, running: true, state: 'running', details: { queued: 0, sent: 30 } });

    // The old ones were played every 5 minutes from 2024-01-01T00:00Z: 60 in the first five hours.
    const part = await runCli(home, ['forward', 'backfill', '--since', '2024-01-01T00:00:00Z', '--until', '2024-01-01T05:00:00Z', '--json']);
    expect(part.code, part.stderr).toBe(0);
    expect(JSON.parse(part.stdout)).toMatchObject({ queued: 60, since: '2024-01-01T00:00:00.000Z', until: '2024-01-01T05:00:00.000Z' });
    const rest = await runCli(home, ['forward', 'backfill', '--since', '2024-01-01', '--json']);
    expect(JSON.parse(rest.stdout)).toMatchObject({ queued: 60, until: null });
    await eventually(async () => (await status(home)).sent === 150, 15_000);
    const again = await runCli(home, ['forward', 'backfill', '--since', '2024-01-01', '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ queued: 0, queueLength: 0 });
    expect(target.received).toBe(150);
    const final = await status(home);
    expect(final).toMatchObject({ enabled: true, running: true, queued: 0, sent: 150, failed: 0, lastError: null, halted: false });
    expect(Date.parse(final.lastSentAt)).toBeGreaterThan(Date.now() - 60_000);
    const shown = await runCli(home, ['forward', 'status']);
    expect(shown.stdout).toMatch(/Forwarding to http:\/\/127\.0\.0\.1:\d+: sending/);
    expect(shown.stdout).toMatch(/0 queued · 150 sent · 0 parked/);
    // Set at run time, the token is a secret from then on: never in the log.
    expect(daemon.log()).toContain('listens forwarded');
    expect(daemon.log()).not.toContain(target.token);
  });

  it('shows a parked listen with the reason, and queues it again on aime forward retry', async () => {
    let refusing = true;
    const { target, home } = await setup({ refuse: (listen) => (refusing && listen.track_metadata.track_name === 'old 7' ? 'Something about old 7 is wrong.' : undefined) });
    // The token is set from the start: the whole imported history is new, and forwarded.
    expect((await runCli(home, ['import', 'lastfm'])).code).toBe(0);
    const parked = await eventually(async () => {
      const shown = await status(home);
      return shown.queued === 0 && shown.failed === 1 ? shown : undefined;
    }, 15_000);
    expect(parked.sent).toBe(119);
    expect(parked.parked).toEqual([
      { id: expect.any(Number), playedAt: '2024-01-01T00:35:00.000Z', artist: 'Artist 7', title: 'old 7', reason: 'refused by the target: Something about old 7 is wrong.', parkedAt: expect.any(String) },
    ]);
    const table = await runCli(home, ['forward', 'status']);
    expect(table.stdout).toMatch(/#\d+ Artist 7 — old 7 \(played 2024-01-01 00:35\): refused by the target: Something about old 7 is wrong\./);

    refusing = false;
    const retry = await runCli(home, ['forward', 'retry', '--json']);
    expect(JSON.parse(retry.stdout)).toMatchObject({ requeued: 1 });
    await eventually(async () => (await status(home)).sent === 120, 15_000);
    expect(await status(home)).toMatchObject({ queued: 0, failed: 0, parked: [] });
    expect(target.listens()).toHaveLength(120);
  });

  it('stops at a refused token and says so; a new token starts it again', async () => {
    const { target, home } = await setup({ token: 'the-right-token' }, false);
    expect((await runCli(home, ['config', 'set', 'forward.listenbrainz.token', 'a-wrong-token'])).code).toBe(0);
    expect((await runCli(home, ['import', 'lastfm'])).code).toBe(0);
    const halted = await eventually(async () => {
      const shown = await status(home);
      return shown.halted ? shown : undefined;
    }, 15_000);
    expect(halted).toMatchObject({ queued: 120, sent: 0, lastError: expect.stringMatching(/refused the token \(HTTP 401.*check forward\.listenbrainz\.token/) });
    expect(target.requests.map((request) => request.status)).toEqual([401]);
    expect((await runCli(home, ['forward', 'status'])).stdout).toMatch(/stopped: the target refused the token/);
    expect(JSON.parse((await runCli(home, ['status', '--json'])).stdout).services.forward.lastError).toMatch(/HTTP 401/);

    expect((await runCli(home, ['config', 'set', 'forward.listenbrainz.token', 'the-right-token'])).code).toBe(0);
    await eventually(async () => (await status(home)).sent === 120, 15_000);
    expect(await status(home)).toMatchObject({ halted: false, lastError: null, queued: 0 });
  });

  it('teaches itself in --help', async () => {
    const home = bed.home();
    for (const command of [['forward'], ['forward', 'status'], ['forward', 'backfill'], ['forward', 'retry']]) {
      const help = await runCli(home, [...command, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/Examples:\n(\s+\$ aime .*\n)*\s+\$ aime forward/);
    }
  });
});
