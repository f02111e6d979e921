import type { Statement } from 'better-sqlite3';
import type { ArtistAlias, ArtistAliasStore } from '../../core/aliases/ports.js';
import type { Database } from '../data-source.js';

const COLUMNS = 'name, name_key AS nameKey, canonical, canonical_key AS canonicalKey, created_at AS createdAt';
const LISTENS_OF = `SELECT count(*) FROM artists a JOIN tracks t ON t.artist_id = a.id JOIN listening_history l ON l.track_id = t.id WHERE a.name_key = ?`;

/** artist_aliases (migration 1763840000001); its triggers mark artist_credits for a rebuild on every change. */
export class SqliteArtistAliases implements ArtistAliasStore {
  private readonly db: Database;
  private readonly sql: Record<'all' | 'one' | 'save' | 'remove' | 'page' | 'count' | 'listensOf', Statement>;

  constructor(db: Database) {
    this.db = db;
    const prepare = (text: string) => db.sqlite.prepare(text);
    this.sql = {
      all: prepare(`SELECT ${COLUMNS} FROM artist_aliases ORDER BY name_key`),
      one: prepare(`SELECT ${COLUMNS} FROM artist_aliases WHERE name_key = ?`),
      save: prepare(`INSERT INTO artist_aliases (name_key, name, canonical, canonical_key, created_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (name_key) DO UPDATE SET name = excluded.name, canonical = excluded.canonical, canonical_key = excluded.canonical_key, created_at = excluded.created_at`),
      remove: prepare('DELETE FROM artist_aliases WHERE name_key = ?'),
      page: prepare(`SELECT ${COLUMNS}, (${LISTENS_OF.replace('?', 'artist_aliases.name_key')}) AS listens FROM artist_aliases ORDER BY name_key LIMIT ? OFFSET ?`),
      count: prepare('SELECT count(*) FROM artist_aliases').pluck(),
      listensOf: prepare(LISTENS_OF).pluck(),
    };
  }

  all(): ArtistAlias[] {
    return this.sql.all.all() as ArtistAlias[];
  }

  save(alias: ArtistAlias): ArtistAlias | undefined {
    return this.db.sqlite.transaction(() => {
      const before = this.sql.one.get(alias.nameKey) as ArtistAlias | undefined;
      this.sql.save.run(alias.nameKey, alias.name, alias.canonical, alias.canonicalKey, alias.createdAt);
      return before;
    }).immediate();
  }

  remove(nameKey: string): ArtistAlias | undefined {
    return this.db.sqlite.transaction(() => {
      const before = this.sql.one.get(nameKey) as ArtistAlias | undefined;
      if (before) this.sql.remove.run(nameKey);
      return before;
    }).immediate();
  }

  page(limit: number, offset: number): { total: number; items: (ArtistAlias & { listens: number })[] } {
    return { total: this.sql.count.get() as number, items: this.sql.page.all(limit, offset) as (ArtistAlias & { listens: number })[] };
  }

  listensOf(nameKey: string): number {
    return this.sql.listensOf.get(nameKey) as number;
  }
}
