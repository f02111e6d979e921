import type { MigrationInterface } from 'typeorm/migration/MigrationInterface.js';
import type { QueryRunner } from 'typeorm/query-runner/QueryRunner.js';

/**
 * idx_tracks_artist (artist_id) says what idx_tracks_artist_title (artist_id, title_key)
 * already says: every lookup by artist, and the cascade when an artist row is deleted, uses
 * the longer one's prefix. Each new track paid for both — a tenth of a bulk import's time.
 */
export class DropTrackArtistIndex1763870000000 implements MigrationInterface {
  name = 'DropTrackArtistIndex1763870000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX IF EXISTS idx_tracks_artist');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX IF NOT EXISTS idx_tracks_artist ON tracks (artist_id)');
  }
}
