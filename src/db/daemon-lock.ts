import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { UserError, errorMessage } from '../core/errors.js';

/** The daemon's hold on its database; released when the daemon stops. */
export interface DaemonLock {
  readonly path: string;
  release(): void;
}

/** Where the lock of a database lives: next to it, so every daemon pointed at it meets it. */
export function daemonLockPath(databasePath: string): string {
  return `${databasePath}.daemon-lock`;
}

/**
 * Makes this process the only daemon of `databasePath` (the only writer, SPEC §1). The lock
 * is an open write transaction (SQLite's RESERVED lock, an fcntl lock) on a small side
 * database: the kernel drops it when the process dies, even by kill -9, so there is no stale
 * lock to detect and no pid that may have been reused after a reboot. Readers are not
 * blocked, so a second daemon can read who holds it; the database itself is not touched,
 * so job workers and `aime export` keep opening it as before.
 */
export function lockDatabase(databasePath: string): DaemonLock {
  const path = daemonLockPath(databasePath);
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  let handle: BetterSqlite3.Database;
  try {
    // timeout 0: a held lock answers SQLITE_BUSY at once instead of after the busy wait.
    handle = new BetterSqlite3(path, { timeout: 0 });
    handle.exec('CREATE TABLE IF NOT EXISTS holder (id INTEGER PRIMARY KEY CHECK (id = 1), pid INTEGER NOT NULL, started_at INTEGER NOT NULL)');
  } catch (error) {
    throw busy(error) ? heldBy(databasePath, path) : new UserError(`cannot create the lock file ${path}: ${errorMessage(error)}`, { cause: error });
  }
  try {
    claim(handle);
  } catch (error) {
    const refusal = busy(error) ? heldBy(databasePath, path, handle) : error;
    handle.close();
    throw refusal;
  }
  return {
    path,
    release() {
      if (handle.open) handle.close();
    },
  };
}

/**
 * Writes our pid for the next contender to read, then holds the RESERVED lock for good. The
 * pid must be committed to be readable, so the lock is let go for an instant between the two
 * transactions; whoever takes it in that instant wins, and we see SQLITE_BUSY and step back.
 */
function claim(handle: BetterSqlite3.Database): void {
  handle.exec('BEGIN IMMEDIATE');
  handle.prepare('INSERT OR REPLACE INTO holder (id, pid, started_at) VALUES (1, ?, ?)').run(process.pid, Math.floor(Date.now() / 1000));
  handle.exec('COMMIT');
  handle.exec('BEGIN IMMEDIATE');
}

function heldBy(databasePath: string, lockPath: string, handle?: BetterSqlite3.Database): UserError {
  const holder = readHolder(lockPath, handle);
  const who = holder && holder.pid !== process.pid ? `another AIME daemon (pid ${holder.pid})` : 'another AIME daemon';
  return new UserError(`${databasePath} is in use by ${who}; stop it first, or give this daemon another AIME_HOME`, {
    detail: { pid: holder?.pid, lock: lockPath },
  });
}

function readHolder(lockPath: string, handle?: BetterSqlite3.Database): { pid: number } | undefined {
  const reader = handle ?? new BetterSqlite3(lockPath, { timeout: 200, readonly: true });
  try {
    return reader.prepare('SELECT pid FROM holder WHERE id = 1').get() as { pid: number } | undefined;
  } catch {
    return undefined;
  } finally {
    if (!handle) reader.close();
  }
}

function busy(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}
