import type { MigrationInterface } from 'typeorm/migration/MigrationInterface.js';
import type { QueryRunner } from 'typeorm/query-runner/QueryRunner.js';

/**
 * A Roon play and its Last.fm scrobble are one listen — and only one: the listen remembers
 * which copy it absorbed (source + that copy's timestamp), so a second scrobble of the same
 * track nearby is a real replay (stored), and the absorbed copy read again is skipped.
 */
export class ListensMergedCopy1763710000001 implements MigrationInterface {
  name = 'ListensMergedCopy1763710000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE listening_history ADD COLUMN merged_source VARCHAR');
    await queryRunner.query('ALTER TABLE listening_history ADD COLUMN merged_timestamp INTEGER');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE listening_history DROP COLUMN merged_timestamp');
    await queryRunner.query('ALTER TABLE listening_history DROP COLUMN merged_source');
  }
}
