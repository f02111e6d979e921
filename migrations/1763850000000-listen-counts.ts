import type { MigrationInterface } from 'typeorm/migration/MigrationInterface.js';
import type { QueryRunner } from 'typeorm/query-runner/QueryRunner.js';

/**
 * listen_counts: how many listens each source has, kept exact by triggers on every insert,
 * delete and change of source, so GET /metrics reads a handful of rows instead of counting a
 * million listens at every scrape. A listen INSERT OR IGNORE skips fires no trigger. The
 * table starts from one count of what is already stored.
 */
const UP = [
  `CREATE TABLE listen_counts (
    source VARCHAR PRIMARY KEY NOT NULL,
    listens INTEGER NOT NULL
  )`,
  `INSERT INTO listen_counts (source, listens) SELECT source, COUNT(*) FROM listening_history GROUP BY source`,
  `CREATE TRIGGER trg_listen_counts_insert AFTER INSERT ON listening_history BEGIN
    INSERT INTO listen_counts (source, listens) VALUES (NEW.source, 1) ON CONFLICT (source) DO UPDATE SET listens = listens + 1;
  END`,
  `CREATE TRIGGER trg_listen_counts_delete AFTER DELETE ON listening_history BEGIN
    UPDATE listen_counts SET listens = listens - 1 WHERE source = OLD.source;
  END`,
  `CREATE TRIGGER trg_listen_counts_source AFTER UPDATE OF source ON listening_history WHEN OLD.source IS NOT NEW.source BEGIN
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
    for (const trigger of ['trg_listen_counts_source', 'trg_listen_counts_delete', 'trg_listen_counts_insert']) await queryRunner.query(`DROP TRIGGER IF EXISTS ${trigger}`);
    await queryRunner.query('DROP TABLE IF EXISTS listen_counts');
  }
}
