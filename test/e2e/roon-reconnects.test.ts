// The Core going away and coming back: after a dropped connection the daemon reconnects and
// subscribes again by itself (the last zone state stays meanwhile); after the Core refused
// connections long enough for the back-off to reach its cap, the daemon is back within that
// cap, without a restart.
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

  // The back-off timings are injected (AIME_ROON_RETRY_*: first 50 ms, cap 400 ms), so a 5 s
  // refusal runs the back-off up to its cap and holds it there for many attempts, as a long
  // outage does with the real 1 s / 30 s timings (this test used to wait out 60 s).
  it('recovers after a long refusal, its back-off held at the cap', async () => {
    const fake: FakeRoonCore = await bed.fake(startFakeRoonCore({ pingIntervalMs: 0 }));
    const home = bed.home({ roon: { host: fake.host, port: fake.port } });
    const daemon = await bed.daemon(home, { AIME_ROON_RETRY_FIRST_MS: '50', AIME_ROON_RETRY_MAX_MS: '400' });
    expect((await runCli(home, ['roon', 'pair', '--timeout', '10'])).code).toBe(0);
    const attempts = () => fake.requests.filter((r) => r.name === 'info').length;

    const outage = fake.refuseConnectionsFor(5000);
    await eventually(async () => (await roonStatus(home)).state === 'reconnecting');
    await outage;
    const back = Date.now();
    await eventually(async () => (await roonStatus(home)).connected, 10_000, 100);
    // Back within the 400 ms cap (plus CLI round trips on a busy machine), not after a doubled wait.
    expect(Date.now() - back).toBeLessThan(6000);
    expect(attempts()).toBe(2);
    const status = JSON.parse((await runCli(home, ['status', '--json'])).stdout);
    expect(status.roon).toEqual({ connected: true, coreName: 'Fake Core', zones: 4 });

    // Logged at the 1st failure and every 10th: at least 10 failures in 5 s, each wait within the cap.
    // Doubling without a cap would be waiting 50 ms × 2⁹ ≈ 26 s by the 10th.
    const retries = daemon
      .log()
      .split('\n')
      .filter((line) => line.includes('Roon Core unreachable; retrying'))
      .map((line) => JSON.parse(line) as { failures: number; waitMs: number });
    expect(retries[0]?.failures).toBe(1);
    expect(Math.max(...retries.map((retry) => retry.failures))).toBeGreaterThanOrEqual(10);
    for (const retry of retries) expect(retry.waitMs).toBeLessThanOrEqual(400);
  }, 60_000);
});
