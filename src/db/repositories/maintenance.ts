import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../../core/errors.js';
import type { LibraryCounts, LibraryCountsRepository } from '../../core/ports.js';
import type { Database } from '../data-source.js';
import { storageFailure } from '../storage-errors.js';

export class SqliteLibraryCounts implements LibraryCountsRepository {
  private readonly db: Database;
  constructor(db: Database) {
    this.db = db;
  }

  async counts(): Promise<LibraryCounts> {
    const row = this.db.sqlite
      .prepare(
        `SELECT (SELECT COUNT(*) FROM listening_history) AS listens, (SELECT COUNT(*) FROM albums) AS albums,
                (SELECT COUNT(*) FROM artists) AS artists, (SELECT COUNT(*) FROM tracks) AS tracks`,
      )
      .get() as LibraryCounts;
    return row;
  }
}

/** Row counts of every table, for `aime db status`. */
export function tableCounts(db: Database): Record<string, number> {
  const tables = db.sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .all() as { name: string }[];
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    counts[name] = (db.sqlite.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n;
  }
  return counts;
}

export function databaseFacts(db: Database): { sizeBytes: number; journalMode: string } {
  const journalMode = String(db.sqlite.pragma('journal_mode', { simple: true }));
  return { sizeBytes: statSync(db.path).size, journalMode };
}

/** Can the database take a write right now? (`aime health`) */
export function probeWritable(db: Database): void {
  db.sqlite.prepare(`INSERT INTO sync_state (key, value, updated_at) VALUES ('health.probe', '0', ?)
    ON CONFLICT (key) DO UPDATE SET updated_at = excluded.updated_at`).run(Math.floor(Date.now() / 1000));
}

/**
 * SQLite online backup, consistent while the daemon keeps writing, and atomic: the copy is
 * written to a hidden `.<name>.<random>.partial` file beside the target, flushed to disk,
 * then renamed over the target, and the folder is flushed so the rename survives a power
 * cut. A crash (kill -9, power) at any moment leaves the target absent or a whole earlier
 * copy, never a partial file under the target's name; the next backup to that target
 * removes the partial files a crash left.
 */
export async function backupDatabase(db: Database, file: string): Promise<{ bytes: number }> {
  checkBackupTarget(file);
  if (running.has(file)) throw new UserError(`a backup to ${file} is already running`);
  running.add(file);
  const partial = join(dirname(file), `.${basename(file)}.${randomBytes(4).toString('hex')}.partial`);
  try {
    removeLeftovers(file);
    await db.sqlite.backup(partial);
    syncFile(partial);
    // A journal or WAL left beside an earlier copy would be replayed onto the new one.
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
    renameSync(partial, file);
    syncFile(dirname(file));
    return { bytes: statSync(file).size };
  } catch (error) {
    removeQuietly(partial);
    throw storageFailure(error) ?? backupFailure(file, error);
  } finally {
    running.delete(file);
  }
}

/** Targets whose backup is under way in this daemon: two copies racing onto one name is a mistake. */
const running = new Set<string>();

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Bad targets are the user's input: one clear line each, and the existing file is never touched. */
function checkBackupTarget(file: string): void {
  const folder = dirname(file);
  if (!existsSync(folder)) throw new UserError(`cannot write the backup: the folder ${folder} does not exist`);
  if (!statSync(folder).isDirectory()) throw new UserError(`cannot write the backup: ${folder} is not a folder`);
  if (!existsSync(file)) return;
  const target = statSync(file);
  if (!target.isFile()) throw new UserError(`${file} exists and is not a file; choose another backup path`);
  if (target.size > 0 && !startsWithSqliteHeader(file)) {
    throw new UserError(`${file} exists and is not an SQLite database; refusing to replace it (choose another path or remove it)`);
  }
}

function startsWithSqliteHeader(file: string): boolean {
  const head = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  return head.equals(SQLITE_HEADER);
}

/** Partial copies (and their journals) of this target left by a backup that was killed. */
function removeLeftovers(file: string): void {
  const name = basename(file).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const leftover = new RegExp(`^\\.${name}\\.[0-9a-f]{8}\\.partial(-journal|-wal|-shm)?$`);
  for (const entry of readdirSync(dirname(file))) {
    if (leftover.test(entry)) removeQuietly(join(dirname(file), entry));
  }
}

function removeQuietly(path: string): void {
  for (const suffix of ['', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}

function syncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function backupFailure(file: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new UserError(`cannot write the backup in ${dirname(file)}: ${code === 'EROFS' ? 'read-only file system' : 'permission denied'}`, { cause: error });
  }
  // SQLite could not create the copy: the folder is not writable for the daemon's user.
  if (code === 'SQLITE_CANTOPEN') return new UserError(`cannot create the backup file in ${dirname(file)} (check that the daemon's user may write there)`, { cause: error });
  return error instanceof Error ? error : new Error(String(error));
}
