import { closeCheckpointed, openDatabase, runMigrations, type Database } from '../db/data-source.js';
import { lockDatabase } from '../db/daemon-lock.js';
import { checkDatabaseBeforeOpening } from '../db/preflight.js';
import type { Logger } from '../log.js';
import type { DaemonLifecycle } from './lifecycle.js';

/**
 * The daemon's database, in the order that keeps a refusal harmless: checks that change
 * nothing (writable, schema not from a newer AIME), the lock that makes this daemon the
 * only writer, then open and migrate. At stop the WAL is checkpointed, then the lock goes.
 */
export async function openDaemonDatabase(path: string, log: Logger, lifecycle: DaemonLifecycle): Promise<Database> {
  checkDatabaseBeforeOpening(path);
  const lock = lockDatabase(path);
  lifecycle.onStop('database lock', () => lock.release());
  const db = await openDatabase({ path });
  lifecycle.onStop('database', async () => {
    const checkpoint = await closeCheckpointed(db);
    if (!checkpoint.complete) log.warn({ frames: checkpoint.frames }, 'the WAL could not be fully checkpointed (a reader was open); it is kept and replayed at the next start');
  });
  const applied = await runMigrations(db);
  if (applied.length) log.info({ applied }, 'database migrated');
  return db;
}
