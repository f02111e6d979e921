// Pairing through the real daemon and CLI against the fake Core: with roon.host set the daemon
// connects at start-up (so `aime status` shows it waiting for approval before any Roon
// command), `aime roon pair` waits while Roon holds the registration, completes on "Enable",
// and after a daemon restart the stored token (roon.json, 0600) pairs again with no new approval.
import { once } from 'node:events';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeRoonCore, type FakeRoonCore } from '../fakes/roon-core/index.js';
import { eventually, runCli, useTestHomes } from '../support/daemon.js';

const bed = useTestHomes(afterEach);

describe('aime roon pair', () => {
  it('waits for Enable in Roon, then pairs; the token is reused after a restart', async () => {
    const core: FakeRoonCore = await bed.fake(startFakeRoonCore({ approval: 'held', pingIntervalMs: 0 }));
    const home = bed.home({ roon: { host: core.host, port: core.port } });
    const awaiting = once(core, 'awaiting-approval');
    let daemon = await bed.daemon(home);

    // No Roon command yet: the daemon connected at start-up and waits for "Enable" in Roon.
    await awaiting;
    const before = JSON.parse((await runCli(home, ['status', '--json'])).stdout);
    expect(before.services.roon).toMatchObject({ active: true, running: true, details: { state: 'awaiting-approval' } });
    await eventually(async () => JSON.parse((await runCli(home, ['roon', 'status', '--json'])).stdout).state === 'awaiting-approval');

    const pairing = runCli(home, ['roon', 'pair', '--timeout', '20']);
    const waiting = await runCli(home, ['roon', 'status', '--json']);
    expect(JSON.parse(waiting.stdout)).toMatchObject({ state: 'awaiting-approval', connected: false, paired: false });
    expect(core.approve()).toBe(1);
    const paired = await pairing;
    expect(paired.code).toBe(0);
    expect(paired.stderr).toContain('Settings → Extensions');
    expect(paired.stdout).toContain('Paired with Fake Core (4 zones)');

    const statePath = join(home, 'roon.json');
    expect(statSync(statePath).mode & 0o777).toBe(0o600);
    const token = (JSON.parse(readFileSync(statePath, 'utf8')) as { tokens: Record<string, string> }).tokens[core.coreId];
    expect(token).toBeTruthy();
    await eventually(() => core?.statusMessages.some((s) => s.message.startsWith('Connected to Fake Core')));

    const status = await runCli(home, ['status', '--json']);
    expect(JSON.parse(status.stdout).roon).toEqual({ connected: true, coreName: 'Fake Core', zones: 4 });

    await daemon.stop();
    const registered = once(core, 'registered');
    daemon = await bed.daemon(home);
    const [again] = (await registered) as [{ token: string }];
    expect(again.token).toBe(token);
    expect(core.awaitingApproval).toEqual([]);
    const zones = await runCli(home, ['roon', 'zones', '--json']);
    expect(zones.code).toBe(0);
    expect((JSON.parse(zones.stdout) as { zones: { name: string }[] }).zones.map((z) => z.name)).toContain('Living Room');
  });

  it("works where Node has its own WebSocket (Node ≥ 22), which node-roon-api 1.2.3 cannot use", async () => {
    const core = await bed.fake(startFakeRoonCore({ pingIntervalMs: 0 }));
    const home = bed.home({ roon: { host: core.host, port: core.port } });
    const daemon = await bed.daemon(home, { NODE_OPTIONS: '--experimental-websocket' });
    expect((await runCli(home, ['roon', 'pair', '--timeout', '10'])).code).toBe(0);
    expect((await runCli(home, ['roon', 'play', '--zone', 'Living Room'])).code).toBe(0);
    expect(core.zone('1601living')?.state).toBe('playing');
    expect(await daemon.stop()).toBe(0);
  });

  it('gives up waiting with a clear message and exit code 1 when Enable never comes', async () => {
    const core = await bed.fake(startFakeRoonCore({ approval: 'held', pingIntervalMs: 0 }));
    const home = bed.home({ roon: { host: core.host, port: core.port } });
    await bed.daemon(home);
    const result = await runCli(home, ['roon', 'pair', '--timeout', '1']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/aime: AIME is waiting to be enabled in Roon → Settings → Extensions/);
  });
});
