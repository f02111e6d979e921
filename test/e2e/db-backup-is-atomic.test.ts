// `aime db backup` either leaves a whole, valid copy under the target's name or nothing:
// kill -9 in the middle must not leave a partial file that opens as an empty database.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateListeningDatabase } from '../../bench/generate-listens.js';
import { eventually, runCli, useTestHomes } from '../support/daemon.js';

const { home, daemon } = useTestHomes(afterEach);

function listens(path: string): { listens: number; integrity: string } {
  const db = new Database(path, { readonly: true });
  try {
    const integrity = String(db.pragma('integrity_check', { simple: true }));
    const { n } = db.prepare('SELECT COUNT(*) AS n FROM listening_history').get() as { n: number };
    return { listens: n, integrity };
  } finally {
    db.close();
  }
}

describe('aime db backup', () => {
  it('kill -9 during a backup leaves no partial file under the target name; the next backup replaces the leftovers', async () => {
    const dir = home();
    // ≈30 MB: the copy takes long enough (hundreds of ms) for the kill to land in the middle.
    const generated = await generateListeningDatabase({ path: join(dir, 'aime.db'), listens: 200_000, seed: 7 });
    const running = await daemon(dir);
    const shelf = join(dir, 'backups');
    mkdirSync(shelf);
    const target = join(shelf, 'aime-backup.db');

    const backup = runCli(dir, ['db', 'backup', target]);
    await eventually(() => readdirSync(shelf).length > 0, 20_000, 5);
    await running.kill();
    await backup;

    // What the killed copy left is hidden and named as unfinished, never the target's name
    // (or its journal); the target, if there, is a whole earlier or finished copy.
    const left = readdirSync(shelf).filter((name) => name !== 'aime-backup.db');
    expect(left.every((name) => /^\.aime-backup\.db\.[0-9a-f]{8}\.partial(-journal)?$/.test(name)), left.join(', ')).toBe(true);
    if (existsSync(target)) expect(listens(target)).toEqual({ listens: generated.listens, integrity: 'ok' });

    await daemon(dir);
    const again = await runCli(dir, ['db', 'backup', target, '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ file: target, bytes: expect.any(Number) });
    expect(readdirSync(shelf)).toEqual(['aime-backup.db']);
    expect(listens(target)).toEqual({ listens: generated.listens, integrity: 'ok' });
  }, 90_000);

  it('replaces an earlier backup with a whole new copy', async () => {
    const dir = home();
    await daemon(dir);
    const target = join(dir, 'backup.db');
    expect((await runCli(dir, ['db', 'backup', target])).code).toBe(0);
    const first = readFileSync(target);
    expect((await runCli(dir, ['service', 'start', 'scheduler'])).code).toBe(0);
    expect((await runCli(dir, ['db', 'backup', target])).code).toBe(0);
    expect(readFileSync(target).equals(first)).toBe(false);
    const copy = new Database(target, { readonly: true });
    expect(copy.prepare(`SELECT is_active FROM service_states WHERE service_name = 'scheduler'`).get()).toEqual({ is_active: 1 });
    copy.close();
  });

  it('refuses to overwrite a file that is not a database, and a missing folder, with exit 2 and one line', async () => {
    const dir = home();
    const running = await daemon(dir);
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'my precious notes\n');

    const onFile = await runCli(dir, ['db', 'backup', notes]);
    expect(onFile.code).toBe(2);
    expect(onFile.stderr.split('\n').filter(Boolean)).toEqual([expect.stringMatching(/notes\.txt exists and is not an SQLite database/)]);
    expect(readFileSync(notes, 'utf8')).toBe('my precious notes\n');

    const missing = join(dir, 'no-such-folder', 'backup.db');
    const intoNothing = await runCli(dir, ['db', 'backup', missing]);
    expect(intoNothing.code).toBe(2);
    expect(intoNothing.stderr.split('\n').filter(Boolean)).toEqual([expect.stringMatching(/folder .*no-such-folder does not exist/)]);

    expect(running.log()).not.toMatch(/internal error|"stack"/);
    expect(readdirSync(dir).filter((name) => name.includes('partial'))).toEqual([]);
  });
});
