import type { Statement } from 'better-sqlite3';
import type { Database } from '../data-source.js';

/** Listens stored per source, for GET /metrics (idx_listens_source_time holds every row it reads). */
export class SqliteListenCounts {
  private readonly bySourceSql: Statement;

  constructor(db: Database) {
    this.bySourceSql = db.sqlite.prepare('SELECT source, COUNT(*) AS count FROM listening_history GROUP BY source ORDER BY source');
  }

  bySource(): Record<string, number> {
    const rows = this.bySourceSql.all() as { source: string; count: number }[];
    return Object.fromEntries(rows.map((row) => [row.source, row.count]));
  }
}
