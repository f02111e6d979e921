import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
// Deep import: the package root loads every driver and tool (≈7 MB of resident memory more).
import { DataSource } from 'typeorm/data-source/DataSource.js';
import { MIGRATIONS } from '../../migrations/index.js';
import { UnrecoverableError, errorMessage } from '../core/errors.js';

export interface OpenOptions {
  readonly path: string;
  /** Read-only connection (aime export while the daemon is down, job readers). */
  readonly readonly?: boolean;
}

/**
 * One open database: the TypeORM data source plus the better-sqlite3 handle that the
 * repositories use for their prepared statements on hot paths (both live only in db/).
 */
export interface Database {
  readonly path: string;
  readonly dataSource: DataSource;
  readonly sqlite: BetterSqlite3.Database;
  close(): Promise<void>;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (!options.readonly) mkdirSync(dirname(options.path), { recursive: true, mode: 0o700 });
  else if (!existsSync(options.path)) throw new UnrecoverableError(`database ${options.path} does not exist yet (start the daemon once: aime daemon)`);
  const dataSource = new DataSource({
    type: 'better-sqlite3',
    database: options.path,
    readonly: options.readonly ?? false,
    timeout: 5000,
    // No entities: the migrations are the one schema and every query is SQL in repositories/.
    // (TypeORM's SQLite reader parses only its own quoted DDL, so it can never confirm that an
    // entity matches our hand-written tables: it would rebuild all of them, without AUTOINCREMENT.)
    entities: [],
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    logging: false,
    prepareDatabase: (db: BetterSqlite3.Database) => {
      if (!options.readonly) db.pragma('journal_mode = WAL');
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
      db.pragma('synchronous = NORMAL');
      db.pragma('cache_size = -16000');
      // Checkpoint the WAL every ~40 MB instead of SQLite's 4 MB: a large import wrote and
      // synced every page again and again (a 700,000-listen file import: 50 s → 30 s), while
      // a WAL of 40 MB costs nothing worth counting.
      if (!options.readonly) db.pragma('wal_autocheckpoint = 10000');
    },
  });
  try {
    await dataSource.initialize();
  } catch (error) {
    throw new UnrecoverableError(`cannot open database ${options.path}: ${errorMessage(error)}`, { cause: error });
  }
  const sqlite = (dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database }).databaseConnection;
  return {
    path: options.path,
    dataSource,
    sqlite,
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
    },
  };
}

export interface MigrationState {
  readonly applied: string[];
  readonly pending: string[];
}

export async function migrationState(db: Database): Promise<MigrationState> {
  const known = MIGRATIONS.map((migration) => migration.name);
  const hasTable = db.sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'`).get();
  const applied = hasTable
    ? (db.sqlite.prepare('SELECT name FROM migrations ORDER BY timestamp').all() as { name: string }[]).map((row) => row.name)
    : [];
  return { applied, pending: known.filter((name) => !applied.includes(name)) };
}

/** Applies pending migrations, each in its own transaction. Returns the names applied. */
export async function runMigrations(db: Database): Promise<string[]> {
  const done = await db.dataSource.runMigrations({ transaction: 'each' });
  return done.map((migration) => migration.name);
}

export interface CheckpointResult {
  /** Every frame of the WAL is in the database file (false: a reader held an old snapshot). */
  readonly complete: boolean;
  /** Frames the WAL held when the daemon stopped. */
  readonly frames: number;
}

/**
 * The daemon's final close. Copies the WAL into the database file and empties it
 * (wal_checkpoint(TRUNCATE)) before closing, so the file alone is the whole database even
 * when another connection (`aime export`, a job worker) keeps the WAL alive; SQLite then
 * deletes the -wal and -shm files when the last connection closes. The wait for readers is
 * short: the daemon has a shutdown deadline, and a WAL left behind loses nothing.
 */
export async function closeCheckpointed(db: Database): Promise<CheckpointResult> {
  let result: CheckpointResult = { complete: false, frames: 0 };
  if (db.dataSource.isInitialized && db.sqlite.open) {
    db.sqlite.pragma('busy_timeout = 500');
    const [row] = db.sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
    if (row) result = { complete: row.busy === 0 && row.checkpointed === row.log, frames: Math.max(0, row.log) };
  }
  await db.close();
  return result;
}
