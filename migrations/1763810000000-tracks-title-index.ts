import type { MigrationInterface } from 'typeorm/migration/MigrationInterface.js';
import type { QueryRunner } from 'typeorm/query-runner/QueryRunner.js';

/**
 * A play and its copy from another source may name the artist differently (Roon's
 * "A / B", Last.fm's "A"), so copies are looked for by title alone and the artist credits
 * compared afterwards: `aime history dedupe` joins tracks on the title key.
 */
export class TracksTitleIndex1763810000000 implements MigrationInterface {
  name = 'TracksTitleIndex1763810000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX idx_tracks_title_key ON tracks (title_key)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX IF EXISTS idx_tracks_title_key');
  }
}
