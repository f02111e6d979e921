// systemctl stop (SIGTERM) and Ctrl-C (SIGINT) must always end in a clean stop, whatever
// ran before: `aime config set` loads conf, whose when-exit hook re-raises the signal.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, useTestHomes, type RunningDaemon } from '../support/daemon.js';

const { home, daemon } = useTestHomes(afterEach);

function exited(running: RunningDaemon): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const child = running.process;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

/** The service wish the daemon wrote, read from the database file alone (no WAL beside it). */
function schedulerWish(dir: string): number | undefined {
  const db = new Database(join(dir, 'aime.db'), { readonly: true });
  try {
    return (db.prepare(`SELECT is_active AS active FROM service_states WHERE service_name = 'scheduler'`).get() as { active: number } | undefined)?.active;
  } finally {
    db.close();
  }
}

describe('the daemon stops cleanly on SIGTERM and SIGINT', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`after aime config set, ${signal} ends with exit 0, "stopped" logged, socket removed and the WAL checkpointed`, async () => {
      const dir = home();
      const running = await daemon(dir);
      expect((await runCli(dir, ['config', 'set', 'lastfm.username', 'rj'])).code).toBe(0);
      expect((await runCli(dir, ['service', 'start', 'scheduler'])).code).toBe(0);
      expect(existsSync(join(dir, 'aime.db-wal'))).toBe(true);

      running.process.kill(signal);
      expect(await exited(running)).toEqual({ code: 0, signal: null });
      expect(running.log()).toMatch(/"msg":"stopped"/);
      expect(existsSync(running.socket)).toBe(false);
      // SQLite deletes the WAL and shared memory of the last connection closed after a
      // checkpoint: the database file alone holds everything the daemon wrote.
      expect(existsSync(join(dir, 'aime.db-wal'))).toBe(false);
      expect(existsSync(join(dir, 'aime.db-shm'))).toBe(false);
      expect(schedulerWish(dir)).toBe(1);
    });
  }

  it('a second signal during the shutdown does not kill it', async () => {
    const dir = home();
    const running = await daemon(dir, { AIME_LOG_LEVEL: 'debug' });
    expect((await runCli(dir, ['config', 'set', 'lastfm.username', 'rj'])).code).toBe(0);

    running.process.kill('SIGTERM');
    running.process.kill('SIGINT');
    expect(await exited(running)).toEqual({ code: 0, signal: null });
    expect(running.log()).toMatch(/already stopping/);
    expect(running.log().match(/"msg":"stopped"/g)).toHaveLength(1);
    expect(existsSync(running.socket)).toBe(false);
  });

  it('starts again at once on the same home after a clean stop', async () => {
    const dir = home();
    const first = await daemon(dir);
    expect((await runCli(dir, ['config', 'set', 'lastfm.username', 'rj'])).code).toBe(0);
    expect(await first.stop()).toBe(0);
    const second = await daemon(dir);
    expect(second.log()).not.toMatch(/stale/);
    expect((await runCli(dir, ['health'])).code).toBe(0);
  });
});
