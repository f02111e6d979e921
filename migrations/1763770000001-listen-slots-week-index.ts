import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Quarters of listening in hour-of-week order (a week has 672 quarters): the heatmap of
 * years of listening then adds them up in index order instead of sorting every quarter.
 */
export class ListenSlotsWeekIndex1763770000001 implements MigrationInterface {
  name = 'ListenSlotsWeekIndex1763770000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX idx_listen_slots_week ON listen_slots (slot % 672, listens)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX IF EXISTS idx_listen_slots_week');
  }
}
