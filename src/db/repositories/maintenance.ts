import { statSync } from 'node:fs';
import type { LibraryCounts, LibraryCountsRepository } from '../../core/ports.js';
import type { Database } from '../data-source.js';

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

/** SQLite online backup: consistent while the daemon keeps writing. */
export async function backupDatabase(db: Database, file: string): Promise<{ bytes: number }> {
  await db.sqlite.backup(file);
  return { bytes: statSync(file).size };
}
