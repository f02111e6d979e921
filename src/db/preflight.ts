import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { MIGRATIONS } from '../../migrations/index.js';
import { UnrecoverableError, UserError, errorMessage } from '../core/errors.js';

/**
 * Checks, before the daemon opens its database for writing, that it may and can: a file it
 * cannot write would open read-only without a word and fail every write later; a database
 * from a newer AIME holds a schema this build does not know and must not be migrated or
 * written. Nothing is changed when a check fails.
 */
export function checkDatabaseBeforeOpening(path: string): void {
  const folder = dirname(path);
  if (existsSync(folder)) requireWritable(folder, `the folder of the database, ${folder},`);
  if (!existsSync(path)) return;
  requireWritable(path, `the database ${path}`);
  const unknown = unknownMigrations(path);
  if (unknown.length) {
    throw new UserError(
      `the database ${path} was written by a newer AIME (unknown migration ${unknown.map((name) => `"${name}"`).join(', ')}); ` +
        'install that version again or restore a backup; nothing was changed',
      { detail: { database: path, unknownMigrations: unknown } },
    );
  }
}

function requireWritable(path: string, what: string): void {
  try {
    accessSync(path, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EACCES';
    const why = code === 'EROFS' ? 'is on a read-only file system' : `is read-only for this user (${code})`;
    throw new UserError(`${what} ${why}; the daemon must be able to write it (check its owner and mode)`, { cause: error });
  }
}

/**
 * Migration names recorded in the database that this build does not ship. Read through a
 * plain connection with no pragma set (journal mode, schema) so the check itself writes nothing.
 */
function unknownMigrations(path: string): string[] {
  let handle: BetterSqlite3.Database | undefined;
  try {
    handle = new BetterSqlite3(path, { fileMustExist: true, timeout: 5000 });
    const hasTable = handle.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'`).get();
    if (!hasTable) return [];
    const known = new Set(MIGRATIONS.map((migration) => migration.name));
    const applied = handle.prepare('SELECT name FROM migrations ORDER BY timestamp').all() as { name: string }[];
    return applied.map((row) => row.name).filter((name) => !known.has(name));
  } catch (error) {
    throw new UnrecoverableError(`cannot open database ${path}: ${errorMessage(error)}`, { cause: error });
  } finally {
    handle?.close();
  }
}
