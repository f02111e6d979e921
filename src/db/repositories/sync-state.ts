import type { SyncStateRepository } from '../../core/ports.js';
import type { Database } from '../data-source.js';

export class SqliteSyncState implements SyncStateRepository {
  private readonly db: Database;
  constructor(db: Database) {
    this.db = db;
  }

  async get<T>(key: string): Promise<T | undefined> {
    const row = this.db.sqlite.prepare('SELECT value FROM sync_state WHERE key = ?').get(key) as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as T) : undefined;
  }

  async set(key: string, value: unknown): Promise<void> {
    this.db.sqlite
      .prepare(
        `INSERT INTO sync_state (key, value, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      )
      .run(key, JSON.stringify(value), Math.floor(Date.now() / 1000));
  }

  async delete(key: string): Promise<void> {
    this.db.sqlite.prepare('DELETE FROM sync_state WHERE key = ?').run(key);
  }
}
