import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Same artist, same title" is how a Roon play finds its Last.fm scrobble (and how
 * `aime history dedupe` finds copies) whatever album each source named: index it.
 */
export class ListensTrackTitleIndex1763710000000 implements MigrationInterface {
  name = 'ListensTrackTitleIndex1763710000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX idx_tracks_artist_title ON tracks (artist_id, title_key)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX IF EXISTS idx_tracks_artist_title');
  }
}
