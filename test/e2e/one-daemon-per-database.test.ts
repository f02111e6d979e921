// The daemon is the only writer of its database (SPEC §1): a second daemon on another
// socket must be refused, and a daemon killed with -9 must not block the next start.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, useTestHomes } from '../support/daemon.js';

const { home, daemon } = useTestHomes(afterEach);

describe('one daemon per database', () => {
  it('refuses a second daemon on another socket, naming the running one by pid', async () => {
    const dir = home();
    const first = await daemon(dir);
    const otherSocket = join(dir, 'other.sock');

    const second = await runCli(dir, ['--socket', otherSocket, 'daemon']);
    expect(second.code).toBe(2);
    const lines = second.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(join(dir, 'aime.db'));
    expect(lines[0]).toContain(`pid ${first.process.pid}`);
    expect(existsSync(otherSocket)).toBe(false);
    expect((await runCli(dir, ['health'])).code).toBe(0);
  });

  it('starts after the previous daemon was killed with -9 (the lock dies with its process)', async () => {
    const dir = home();
    const crashed = await daemon(dir);
    await crashed.kill();
    const next = await daemon(dir, {});
    expect((await runCli(dir, ['health'])).code).toBe(0);
    // And it holds the lock in turn.
    const third = await runCli(dir, ['--socket', join(dir, 'third.sock'), 'daemon']);
    expect(third.code).toBe(2);
    expect(third.stderr).toContain(`pid ${next.process.pid}`);
  });

  it('lets aime export read the database while the daemon holds it', async () => {
    const dir = home();
    await daemon(dir);
    const exported = await runCli(dir, ['export', 'json', '--out', '-']);
    expect(exported.code, exported.stderr).toBe(0);
    expect(() => JSON.parse(exported.stdout)).not.toThrow();
  });
});
