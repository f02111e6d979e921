import type { Statement } from 'better-sqlite3';
import type { ApiTokenCredential, ApiTokenRecord, ApiTokenStore } from '../../core/listenbrainz/ports.js';
import type { Database } from '../data-source.js';

const COLUMNS = 'id, name, created_at AS createdAt, last_used_at AS lastUsedAt';

/** The HTTP listener's API tokens: names and SHA-256 digests, never the tokens themselves. */
export class SqliteApiTokens implements ApiTokenStore {
  private readonly sql: Record<'insert' | 'list' | 'credentials' | 'remove' | 'touch', Statement>;

  constructor(db: Database) {
    const prepare = (text: string) => db.sqlite.prepare(text);
    this.sql = {
      insert: prepare(`INSERT INTO api_tokens (name, hash, created_at) VALUES (?, ?, ?) RETURNING ${COLUMNS}`),
      list: prepare(`SELECT ${COLUMNS} FROM api_tokens ORDER BY id`),
      credentials: prepare(`SELECT ${COLUMNS}, hash AS digest FROM api_tokens ORDER BY id`),
      remove: prepare('DELETE FROM api_tokens WHERE id = ?'),
      touch: prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ?'),
    };
  }

  insert(name: string, digest: Buffer, createdAt: number): ApiTokenRecord {
    return this.sql.insert.get(name, digest, createdAt) as ApiTokenRecord;
  }

  list(): ApiTokenRecord[] {
    return this.sql.list.all() as ApiTokenRecord[];
  }

  credentials(): ApiTokenCredential[] {
    return this.sql.credentials.all() as ApiTokenCredential[];
  }

  remove(id: number): boolean {
    return this.sql.remove.run(id).changes > 0;
  }

  touch(id: number, usedAt: number): void {
    this.sql.touch.run(usedAt, id);
  }
}
