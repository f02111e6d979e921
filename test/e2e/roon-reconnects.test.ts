// The Core going away and coming back: after a dropped connection the daemon reconnects and
// subscribes again by itself (the last zone state stays meanwhile); after the Core refused
// connections for a whole minute the daemon is back within its backoff cap, without a restart.
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeRoonCore, type FakeRoonCore } from '../fakes/roon-core/index.js';
import { eventually, runCli, useTestHomes } from '../support/daemon.js';

const bed = useTestHomes(afterEach);

async function roonStatus(dir: string): Promise<{ state: string; connected: boolean; zones: number }> {
  return JSON.parse((await runCli(dir, ['roon', 'status', '--json'])).stdout);
}

async function zoneStates(dir: string): Promise<Record<string, string>> {
  const zones = JSON.parse((await runCli(dir, ['roon', 'zones', '--json'])).stdout).zones as Array<{ id: string; state: string }>;
  return Object.fromEntries(zones.map((z) => [z.id, z.state]));
}

describe('Roon reconnection', () => {
  it('reconnects and resubscribes by itself after the Core drops the connection', async () => {
    const fake: FakeRoonCore = await bed.fake(startFakeRoonCore({ pingIntervalMs: 0 }));
    const home = bed.home({ roon: { host: fake.host, port: fake.port } });
    await bed.daemon(home, { AIME_ROON_RETRY_FIRST_MS: '50', AIME_ROON_RETRY_MAX_MS: '500' });
    expect((await runCli(home, ['roon', 'pair', '--timeout', '10'])).code).toBe(0);
    const subscriptions = () => fake.requests.filter((r) => r.name === 'subscribe_zones').length;
    expect(subscriptions()).toBe(1);

    const outage = fake.refuseConnectionsFor(1500);
    await eventually(async () => !(await roonStatus(home)).connected);
    expect((await zoneStates(home))['1601living']).toBe('paused');
    await outage;

    await eventually(async () => (await roonStatus(home)).connected, 10_000);
    await eventually(() => subscriptions() === 2);
    fake.play('1601living');
    await eventually(async () => (await zoneStates(home))['1601living'] === 'playing');

    fake.dropConnections();
    await eventually(() => subscriptions() === 3, 10_000);
    fake.pause('1601living');
    await eventually(async () => (await zoneStates(home))['1601living'] === 'paused');
    expect(fake.connections.filter((c) => c.registered)).toHaveLength(1);
  });

  it('recovers after the Core refused connections for 60 s', async () => {
    const fake: FakeRoonCore = await bed.fake(startFakeRoonCore({ pingIntervalMs: 0 }));
    const home = bed.home({ roon: { host: fake.host, port: fake.port } });
    const daemon = await bed.daemon(home, { AIME_ROON_RETRY_FIRST_MS: '100', AIME_ROON_RETRY_MAX_MS: '2000' });
    expect((await runCli(home, ['roon', 'pair', '--timeout', '10'])).code).toBe(0);
    const attempts = () => fake.requests.filter((r) => r.name === 'info').length;

    const outage = fake.refuseConnectionsFor(60_000);
    await eventually(async () => (await roonStatus(home)).state === 'reconnecting');
    await outage;
    const back = Date.now();
    await eventually(async () => (await roonStatus(home)).connected, 10_000, 100);
    // Capped backoff: back within the 2 s cap (plus CLI round trips on a busy machine), not a minute later.
    expect(Date.now() - back).toBeLessThan(8000);
    expect(attempts()).toBe(2);
    const status = JSON.parse((await runCli(home, ['status', '--json'])).stdout);
    expect(status.roon).toEqual({ connected: true, coreName: 'Fake Core', zones: 4 });
    expect(daemon.log()).toMatch(/Roon Core unreachable; retrying/);
  }, 90_000);
});
