import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * artist_transitions: how often two different artists were heard one straight after the
 * other (30 minutes apart at most), per quarter hour of the second listen, so `stats
 * patterns` over years adds up rows instead of walking a million listens. Folded lazily
 * like the other rollups up to folded_transition_id; the delete and move triggers now
 * reset both marks.
 */
const RESET = 'UPDATE analytics_rollup_state SET folded_listen_id = 0, folded_transition_id = 0 WHERE id = 1;';

export class ArtistTransitions1763770000002 implements MigrationInterface {
  name = 'ArtistTransitions1763770000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE artist_transitions (
      slot INTEGER NOT NULL,
      first_artist_id INTEGER NOT NULL,
      second_artist_id INTEGER NOT NULL,
      count INTEGER NOT NULL,
      PRIMARY KEY (slot, first_artist_id, second_artist_id)
    ) WITHOUT ROWID`);
    await queryRunner.query('ALTER TABLE analytics_rollup_state ADD COLUMN folded_transition_id INTEGER NOT NULL DEFAULT 0');
    await queryRunner.query('DROP TRIGGER trg_listens_rollup_delete');
    await queryRunner.query('DROP TRIGGER trg_listens_rollup_move');
    await queryRunner.query(`CREATE TRIGGER trg_listens_rollup_delete AFTER DELETE ON listening_history BEGIN ${RESET} END`);
    await queryRunner.query(`CREATE TRIGGER trg_listens_rollup_move AFTER UPDATE OF track_id, timestamp ON listening_history
      WHEN OLD.track_id IS NOT NEW.track_id OR OLD.timestamp IS NOT NEW.timestamp BEGIN ${RESET} END`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const reset = 'UPDATE analytics_rollup_state SET folded_listen_id = 0 WHERE id = 1;';
    await queryRunner.query('DROP TRIGGER trg_listens_rollup_delete');
    await queryRunner.query('DROP TRIGGER trg_listens_rollup_move');
    await queryRunner.query(`CREATE TRIGGER trg_listens_rollup_delete AFTER DELETE ON listening_history BEGIN ${reset} END`);
    await queryRunner.query(`CREATE TRIGGER trg_listens_rollup_move AFTER UPDATE OF track_id, timestamp ON listening_history
      WHEN OLD.track_id IS NOT NEW.track_id OR OLD.timestamp IS NOT NEW.timestamp BEGIN ${reset} END`);
    await queryRunner.query('ALTER TABLE analytics_rollup_state DROP COLUMN folded_transition_id');
    await queryRunner.query('DROP TABLE IF EXISTS artist_transitions');
  }
}
