import { existsSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually, runCli, useTestHomes } from '../support/daemon.js';

const { home, daemon } = useTestHomes(afterEach);

describe('aime daemon', () => {
  it('starts, answers status in the SPEC shape, and stops on SIGTERM within 5 s with exit 0', async () => {
    const dir = home();
    const running = await daemon(dir);
    expect(statSync(running.socket).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'aime.db')).mode & 0o777).toBe(0o600);

    const status = await runCli(dir, ['status', '--json']);
    expect(status.code).toBe(0);
    const body = JSON.parse(status.stdout);
    expect(body).toMatchObject({ version: expect.any(String), uptimeSeconds: expect.any(Number) });
    expect(body.db).toMatchObject({ path: join(dir, 'aime.db'), listens: 0, albums: 0, artists: 0, tracks: 0 });
    for (const name of ['lastfm-tracker', 'roon-tracker', 'scheduler']) {
      expect(body.services[name]).toMatchObject({ active: false, running: false, lastRunAt: null });
    }
    expect(body.roon).toMatchObject({ connected: false });

    const began = Date.now();
    expect(await running.stop()).toBe(0);
    expect(Date.now() - began).toBeLessThan(5000);
    expect(existsSync(running.socket)).toBe(false);
  });

  it('stays up on SIGHUP (the configuration is read live: nothing to reload) and still stops on SIGTERM', async () => {
    const dir = home();
    const running = await daemon(dir);
    running.process.kill('SIGHUP');
    await eventually(() => running.log().includes('SIGHUP: nothing to reload'));
    expect((await runCli(dir, ['status', '--json'])).code).toBe(0);
    expect(running.process.exitCode).toBeNull();
    expect(await running.stop()).toBe(0);
  });

  it('refuses a second daemon on the same socket with a clear message', async () => {
    const dir = home();
    await daemon(dir);
    const second = await runCli(dir, ['daemon']);
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/another AIME daemon is already running/);
    expect(second.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect((await runCli(dir, ['health'])).code).toBe(0);
  });

  it('replaces a stale socket left by a crashed daemon', async () => {
    const dir = home();
    const crashed = await daemon(dir);
    await crashed.kill();
    expect(existsSync(crashed.socket)).toBe(true);
    const next = await daemon(dir);
    expect(next.log()).toMatch(/removed a stale socket/);
    expect((await runCli(dir, ['health'])).code).toBe(0);
  });

  it('never deletes a file that is not a socket', async () => {
    const dir = home();
    writeFileSync(join(dir, 'aime.sock'), 'precious');
    const result = await runCli(dir, ['daemon']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/is not a socket/);
    expect(existsSync(join(dir, 'aime.sock'))).toBe(true);
  });

  it('restores the services that were started after kill -9', async () => {
    const dir = home();
    const first = await daemon(dir);
    expect((await runCli(dir, ['service', 'start', 'lastfm-tracker'])).code).toBe(0);
    expect((await runCli(dir, ['service', 'start', 'scheduler'])).code).toBe(0);
    expect((await runCli(dir, ['service', 'stop', 'scheduler'])).code).toBe(0);
    await first.kill();

    await daemon(dir);
    const { services } = JSON.parse((await runCli(dir, ['service', 'list', '--json'])).stdout) as {
      services: { name: string; active: boolean }[];
    };
    const wish = Object.fromEntries(services.map((service) => [service.name, service.active]));
    expect(wish).toMatchObject({ 'lastfm-tracker': true, scheduler: false, 'roon-tracker': false });
  });

  it('refuses an unknown service name with exit 2', async () => {
    const dir = home();
    await daemon(dir);
    const result = await runCli(dir, ['service', 'start', 'jukebox']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown service "jukebox"/);
  });

  it('says how to start the daemon and exits 3 when it is down', async () => {
    const dir = home();
    for (const args of [['status'], ['health'], ['service', 'list'], ['db', 'status']]) {
      const result = await runCli(dir, args);
      expect(result.code, args.join(' ')).toBe(3);
      expect(result.stderr).toMatch(/daemon is not running.*aime daemon/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('takes an online backup while running and reports migrations', async () => {
    const dir = home();
    await daemon(dir);
    const backup = join(dir, 'backup.db');
    const result = await runCli(dir, ['db', 'backup', backup, '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).bytes).toBeGreaterThan(0);
    const status = JSON.parse((await runCli(dir, ['db', 'status', '--json'])).stdout);
    expect(status.pending).toEqual([]);
    expect(status.applied.length).toBeGreaterThan(0);
    expect(status.journalMode).toBe('wal');
  });

  it('applies socket.mode 0660', async () => {
    const dir = home({ socket: { mode: '0660' } });
    const running = await daemon(dir);
    expect(statSync(running.socket).mode & 0o777).toBe(0o660);
  });

  it('is refused by a busy path that is not ours (EADDRINUSE race)', async () => {
    const dir = home();
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(join(dir, 'aime.sock'), resolve));
    const result = await runCli(dir, ['daemon']);
    expect(result.code).toBe(2);
    squatter.close();
  });
});
