import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which import last saw each Discogs copy: a full import drops the copies it did not see.
 * A run id, not a time, because two imports can start within the same second.
 */
export class CollectionSeenByImport1763730000000 implements MigrationInterface {
  name = 'CollectionSeenByImport1763730000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE collection_items ADD COLUMN seen_by_import INTEGER');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE collection_items DROP COLUMN seen_by_import');
  }
}
