import type { Database } from '../data-source.js';

/**
 * "Does the database take writes?" answered by writing: one row of health_probe rewritten
 * and committed. While another connection holds the write lock the probe waits `waitMs`
 * at most (not the connection's usual busy timeout: a health check that hangs is no answer,
 * and the daemon's event loop waits with it).
 */
export class SqliteWriteProbe {
  private readonly db: Database;
  private readonly waitMs: number;

  constructor(db: Database, waitMs = 250) {
    this.db = db;
    this.waitMs = waitMs;
  }

  /** Throws the database's error when the write is refused (locked, read-only, disk full…). */
  write(at: number): void {
    const sqlite = this.db.sqlite;
    const usual = sqlite.pragma('busy_timeout', { simple: true }) as number;
    sqlite.pragma(`busy_timeout = ${Math.round(this.waitMs)}`);
    try {
      sqlite.transaction(() => {
        sqlite.prepare('INSERT INTO health_probe (id, checked_at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at').run(at);
      }).immediate();
    } finally {
      sqlite.pragma(`busy_timeout = ${usual}`);
    }
  }
}
