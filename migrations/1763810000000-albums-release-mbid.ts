import type { MigrationInterface } from 'typeorm/migration/MigrationInterface.js';
import type { QueryRunner } from 'typeorm/query-runner/QueryRunner.js';

/**
 * Export files name the MusicBrainz RELEASE a play came from (ListenBrainz `release_mbid`,
 * Last.fm `album.mbid`), while albums.musicbrainz_id holds the release GROUP enrichment
 * found: the release id is kept in a column of its own rather than mixed into that one.
 */
export class AlbumsReleaseMbid1763810000000 implements MigrationInterface {
  name = 'AlbumsReleaseMbid1763810000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE albums ADD COLUMN musicbrainz_release_id VARCHAR');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE albums DROP COLUMN musicbrainz_release_id');
  }
}
