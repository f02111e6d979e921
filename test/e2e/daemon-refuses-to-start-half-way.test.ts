// A daemon that cannot start properly must not run half-started: one line, a non-zero
// exit, nothing left behind (socket, lock), and a database it must not use left as it was.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AIME_BIN, runCli, testEnv, useTestHomes, type CliResult } from '../support/daemon.js';

const { home, daemon } = useTestHomes(afterEach);

/** A home whose database was created and migrated by a daemon that then stopped cleanly. */
async function homeWithDatabase(): Promise<string> {
  const dir = home();
  const first = await daemon(dir);
  expect(await first.stop()).toBe(0);
  return dir;
}

function stderrLines(result: CliResult): string[] {
  return result.stderr.split('\n').filter(Boolean);
}

/** `aime daemon` as an unprivileged user: root writes through any file mode. */
function runDaemonAs(uid: number, gid: number, dir: string): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [AIME_BIN, 'daemon'], { env: testEnv(dir), uid, gid, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('a daemon that cannot start refuses at once', () => {
  it('socket.group naming a missing group: exit 2, one line, no socket left, nothing in the way of the next start', async () => {
    const dir = home({ socket: { mode: '0660', group: 'aime-no-such-group' } });
    const result = await runCli(dir, ['daemon']);
    expect(result.code).toBe(2);
    expect(stderrLines(result)).toEqual([expect.stringMatching(/socket\.group: no group named "aime-no-such-group"/)]);
    expect(existsSync(join(dir, 'aime.sock'))).toBe(false);
    // Nothing stale is in the way of the next start once the configuration is fixed.
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ socket: { mode: '0660' } }));
    const fixed = await daemon(dir);
    expect(fixed.log()).not.toMatch(/stale/);
  });

  it('a database from a newer AIME: exit 2 naming it and the unknown migration, not one byte changed', async () => {
    const dir = await homeWithDatabase();
    const path = join(dir, 'aime.db');
    const db = new Database(path);
    db.prepare('INSERT INTO migrations (timestamp, name) VALUES (?, ?)').run(1999999999999, 'PlaylistFolders1999999999999');
    // Also forget a known migration: if the daemon migrated before checking, it would run it.
    db.prepare('DELETE FROM migrations WHERE name = (SELECT name FROM migrations ORDER BY timestamp DESC LIMIT 1 OFFSET 1)').run();
    db.close();
    const bytes = readFileSync(path);
    const { mtimeMs } = statSync(path);
    const files = readdirSync(dir).sort();

    const result = await runCli(dir, ['daemon']);
    expect(result.code).toBe(2);
    const lines = stderrLines(result);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(path);
    expect(lines[0]).toContain('PlaylistFolders1999999999999');
    expect(lines[0]).toMatch(/newer AIME/);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(statSync(path).mtimeMs).toBe(mtimeMs);
    expect(readdirSync(dir).sort()).toEqual(files);
  });

  it('a read-only database file: exit 2 with one line at start, not "internal error" at every write', async () => {
    const dir = await homeWithDatabase();
    const path = join(dir, 'aime.db');
    chmodSync(path, 0o444);
    let result: CliResult;
    if (process.getuid?.() === 0) {
      const nobody = 65534;
      for (const entry of ['', ...readdirSync(dir)]) chownSync(join(dir, entry), nobody, nobody);
      result = await runDaemonAs(nobody, nobody, dir);
    } else {
      result = await runCli(dir, ['daemon']);
    }
    expect(result.code).toBe(2);
    expect(stderrLines(result)).toEqual([expect.stringMatching(new RegExp(`the database ${path} is read-only for this user`))]);
    expect(existsSync(join(dir, 'aime.sock'))).toBe(false);
  });
});
