import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tracklists of owned Discogs releases, and the records played by hand.
 * - tracklists: one row per release whose tracklist was asked for — fetched, not found, or
 *   failed with the time it may be asked again — so the background fetch resumes where it
 *   stopped and never asks twice for what it has.
 * - tracklist_tracks: the playable tracks of a release in play order (headings left out,
 *   sub-tracks already resolved), with the side their position names.
 * - spins: every `aime spin` recorded (album, copy, tracks, when), so the same command run
 *   twice within a minute is caught instead of doubling the listens.
 */
export class TracklistsAndSpins1763830000000 implements MigrationInterface {
  name = 'TracklistsAndSpins1763830000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE tracklists (
      release_id INTEGER PRIMARY KEY NOT NULL,
      status VARCHAR NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      last_error TEXT,
      fetched_at INTEGER,
      next_retry_at INTEGER,
      updated_at INTEGER NOT NULL
    )`);
    await queryRunner.query('CREATE INDEX idx_tracklists_retry ON tracklists (status, next_retry_at)');
    await queryRunner.query(`CREATE TABLE tracklist_tracks (
      release_id INTEGER NOT NULL REFERENCES tracklists (release_id) ON DELETE CASCADE,
      sequence INTEGER NOT NULL,
      position VARCHAR NOT NULL,
      side VARCHAR,
      title VARCHAR NOT NULL,
      artist VARCHAR,
      duration_seconds INTEGER,
      PRIMARY KEY (release_id, sequence)
    )`);
    await queryRunner.query(`CREATE TABLE spins (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      album_id INTEGER NOT NULL REFERENCES albums (id) ON DELETE CASCADE,
      copy_id INTEGER REFERENCES collection_items (id) ON DELETE SET NULL,
      release_id INTEGER,
      source VARCHAR NOT NULL,
      track_numbers TEXT NOT NULL,
      started_at INTEGER NOT NULL,
      ended_at INTEGER NOT NULL,
      listens INTEGER NOT NULL,
      recorded_at INTEGER NOT NULL
    )`);
    await queryRunner.query('CREATE INDEX idx_spins_album_recorded ON spins (album_id, recorded_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS spins');
    await queryRunner.query('DROP TABLE IF EXISTS tracklist_tracks');
    await queryRunner.query('DROP TABLE IF EXISTS tracklists');
  }
}
