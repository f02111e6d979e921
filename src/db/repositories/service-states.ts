import type { ServiceStateRepository, ServiceWish } from '../../core/ports.js';
import type { Database } from '../data-source.js';

export class SqliteServiceStates implements ServiceStateRepository {
  private readonly db: Database;
  constructor(db: Database) {
    this.db = db;
  }

  async all(): Promise<ServiceWish[]> {
    const rows = this.db.sqlite
      .prepare('SELECT service_name, is_active, last_error FROM service_states ORDER BY service_name')
      .all() as { service_name: string; is_active: number; last_error: string | null }[];
    return rows.map((row) => ({ name: row.service_name, active: row.is_active === 1, lastError: row.last_error }));
  }

  async save(name: string, active: boolean): Promise<void> {
    this.db.sqlite
      .prepare(
        `INSERT INTO service_states (service_name, is_active, last_updated) VALUES (?, ?, ?)
         ON CONFLICT (service_name) DO UPDATE SET is_active = excluded.is_active, last_updated = excluded.last_updated`,
      )
      .run(name, active ? 1 : 0, Math.floor(Date.now() / 1000));
  }

  async recordError(name: string, error: string | null): Promise<void> {
    this.db.sqlite
      .prepare(
        `INSERT INTO service_states (service_name, is_active, last_updated, last_error) VALUES (?, 0, ?, ?)
         ON CONFLICT (service_name) DO UPDATE SET last_error = excluded.last_error, last_updated = excluded.last_updated`,
      )
      .run(name, Math.floor(Date.now() / 1000), error);
  }
}
