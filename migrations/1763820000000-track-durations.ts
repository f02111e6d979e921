import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Durations for every track, so hours add up:
 * - tracks.duration_source says who gave a duration ('play': the play's own source — Roon,
 *   ListenBrainz, Maloja, a file; else 'lastfm-album', 'lastfm-track', 'musicbrainz'), so a
 *   guess never replaces a better one. Durations stored before were all a play's own; a
 *   0 was never a length and becomes unknown.
 * - partial indexes over the tracks still without one: the durations worker walks them.
 * - album_tracklists: each album's Last.fm tracklist as read (title, length), so a track
 *   scrobbled after its album was read finds its length there without asking again.
 * - track_plays also keeps, per track, the seconds its listens reported themselves
 *   (played_seconds) and how many did: hours = those seconds + the other listens × the
 *   track's duration, read at query time, so a duration filled later counts at once
 *   without a rebuild. The mark is reset so the next read folds the new columns, and a
 *   listen whose played seconds change resets it again (like a moved listen).
 */
const RESET = 'UPDATE analytics_rollup_state SET folded_listen_id = 0 WHERE id = 1;';

export class TrackDurations1763820000000 implements MigrationInterface {
  name = 'TrackDurations1763820000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE tracks ADD COLUMN duration_source VARCHAR');
    await queryRunner.query('UPDATE tracks SET duration_seconds = NULL WHERE duration_seconds <= 0');
    await queryRunner.query(`UPDATE tracks SET duration_source = 'play' WHERE duration_seconds IS NOT NULL`);
    await queryRunner.query('CREATE INDEX idx_tracks_unknown_duration_album ON tracks (album_id, id) WHERE duration_seconds IS NULL');
    await queryRunner.query('CREATE INDEX idx_tracks_unknown_duration ON tracks (id) WHERE duration_seconds IS NULL');
    await queryRunner.query(`CREATE TABLE album_tracklists (
      album_id INTEGER NOT NULL REFERENCES albums (id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      title VARCHAR NOT NULL,
      duration_seconds INTEGER,
      PRIMARY KEY (album_id, position)
    ) WITHOUT ROWID`);
    await queryRunner.query('ALTER TABLE track_plays ADD COLUMN played_seconds INTEGER NOT NULL DEFAULT 0');
    await queryRunner.query('ALTER TABLE track_plays ADD COLUMN timed_listens INTEGER NOT NULL DEFAULT 0');
    await queryRunner.query(RESET);
    await queryRunner.query(`CREATE TRIGGER trg_listens_rollup_played AFTER UPDATE OF played_seconds ON listening_history
      WHEN OLD.played_seconds IS NOT NEW.played_seconds BEGIN ${RESET} END`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER IF EXISTS trg_listens_rollup_played');
    await queryRunner.query('ALTER TABLE track_plays DROP COLUMN timed_listens');
    await queryRunner.query('ALTER TABLE track_plays DROP COLUMN played_seconds');
    await queryRunner.query(RESET);
    await queryRunner.query('DROP TABLE IF EXISTS album_tracklists');
    await queryRunner.query('DROP INDEX IF EXISTS idx_tracks_unknown_duration');
    await queryRunner.query('DROP INDEX IF EXISTS idx_tracks_unknown_duration_album');
    await queryRunner.query('ALTER TABLE tracks DROP COLUMN duration_source');
  }
}
