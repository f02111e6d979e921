import type { MigrationInterface } from 'typeorm/migration/MigrationInterface.js';
import type { QueryRunner } from 'typeorm/query-runner/QueryRunner.js';

/**
 * listen_counts: how many listens each source has, for GET /metrics, without counting a
 * million listens at every scrape. Inserts stay as cheap as before (a trigger on every insert
 * cost imports ~30%): the counts are folded forward when read, from the listens above
 * listen_counts_state.folded_listen_id (ids only grow, AUTOINCREMENT). Deletes and changes of
 * source are rare (merges, corrections); their triggers fix the counts of listens already
 * folded, and a listen not folded yet is counted as it is when its turn comes. The migration
 * starts from one count of what is stored.
 */
const FOLDED = '(SELECT folded_listen_id FROM listen_counts_state WHERE id = 1)';

const UP = [
  `CREATE TABLE listen_counts (
    source VARCHAR PRIMARY KEY NOT NULL,
    listens INTEGER NOT NULL
  )`,
  `CREATE TABLE listen_counts_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    folded_listen_id INTEGER NOT NULL
  )`,
  `INSERT INTO listen_counts_state (id, folded_listen_id) VALUES (1, (SELECT COALESCE(MAX(id), 0) FROM listening_history))`,
  `INSERT INTO listen_counts (source, listens) SELECT source, COUNT(*) FROM listening_history GROUP BY source`,
  `CREATE TRIGGER trg_listen_counts_delete AFTER DELETE ON listening_history WHEN OLD.id <= ${FOLDED} BEGIN
    UPDATE listen_counts SET listens = listens - 1 WHERE source = OLD.source;
  END`,
  `CREATE TRIGGER trg_listen_counts_source AFTER UPDATE OF source ON listening_history
    WHEN OLD.source IS NOT NEW.source AND OLD.id <= ${FOLDED} BEGIN
    UPDATE listen_counts SET listens = listens - 1 WHERE source = OLD.source;
    INSERT INTO listen_counts (source, listens) VALUES (NEW.source, 1) ON CONFLICT (source) DO UPDATE SET listens = listens + 1;
  END`,
];

export class ListenCounts1763850000000 implements MigrationInterface {
  name = 'ListenCounts1763850000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const trigger of ['trg_listen_counts_source', 'trg_listen_counts_delete']) await queryRunner.query(`DROP TRIGGER IF EXISTS ${trigger}`);
    for (const table of ['listen_counts_state', 'listen_counts']) await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
