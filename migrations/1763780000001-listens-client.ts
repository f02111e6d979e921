import type { MigrationInterface } from 'typeorm/migration/MigrationInterface.js';
import type { QueryRunner } from 'typeorm/query-runner/QueryRunner.js';

/**
 * The program that reported a listen ("Navidrome", "Plex via multi-scrobbler"), when the
 * source names one; null for the listens stored before and for sources that do not.
 */
export class ListensClient1763780000001 implements MigrationInterface {
  name = 'ListensClient1763780000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE listening_history ADD COLUMN client VARCHAR');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE listening_history DROP COLUMN client');
  }
}
