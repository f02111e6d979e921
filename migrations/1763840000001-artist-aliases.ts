import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Artist aliases and the artists each credit counts for.
 *
 * artist_aliases: `aime alias artist <name> <canonical>`, by the alias's name key; the
 * canonical name is kept as typed (it may name an artist not heard yet, or a credit such as
 * "Simon / Garfunkel" that splits).
 *
 * artist_credits: for each artist row whose name does not count as itself — an alias, or a
 * credit naming several artists ("A / B", "A feat. B", "A & B" when A and B are artists) —
 * the artists it counts for in statistics. Rows whose name counts as itself have no entry,
 * so readers use `coalesce(c.artist_id, t.artist_id)` over a LEFT JOIN. It is derived from
 * artists + artist_aliases and rebuilt lazily by the readers (db/repositories/artist-credits.ts)
 * when artist_credit_state says it is behind: a new artist row, or any alias change (the
 * triggers below mark it).
 */
const STALE = 'UPDATE artist_credit_state SET aliases_changed = 1 WHERE id = 1;';

const UP = [
  `CREATE TABLE artist_aliases (
    name_key VARCHAR PRIMARY KEY NOT NULL,
    name VARCHAR NOT NULL,
    canonical VARCHAR NOT NULL,
    canonical_key VARCHAR NOT NULL,
    created_at INTEGER NOT NULL
  )`,
  `CREATE TABLE artist_credits (
    credit_id INTEGER NOT NULL REFERENCES artists (id) ON DELETE CASCADE,
    artist_id INTEGER NOT NULL REFERENCES artists (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (credit_id, artist_id)
  ) WITHOUT ROWID`,
  `CREATE INDEX idx_artist_credits_artist ON artist_credits (artist_id)`,
  `CREATE TABLE artist_credit_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    built_artist_id INTEGER NOT NULL,
    aliases_changed INTEGER NOT NULL
  )`,
  // Built for no artist yet: the first reader builds it (credits already in the library split too).
  `INSERT INTO artist_credit_state (id, built_artist_id, aliases_changed) VALUES (1, -1, 1)`,
  `CREATE TRIGGER trg_artist_aliases_insert AFTER INSERT ON artist_aliases BEGIN ${STALE} END`,
  `CREATE TRIGGER trg_artist_aliases_update AFTER UPDATE ON artist_aliases BEGIN ${STALE} END`,
  `CREATE TRIGGER trg_artist_aliases_delete AFTER DELETE ON artist_aliases BEGIN ${STALE} END`,
];

export class ArtistAliases1763840000001 implements MigrationInterface {
  name = 'ArtistAliases1763840000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const trigger of ['trg_artist_aliases_delete', 'trg_artist_aliases_update', 'trg_artist_aliases_insert']) {
      await queryRunner.query(`DROP TRIGGER IF EXISTS ${trigger}`);
    }
    for (const table of ['artist_credit_state', 'artist_credits', 'artist_aliases']) await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
