import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two rollups of listening_history that keep analytics fast on millions of listens:
 * - listen_slots: listens per UTC quarter hour (every time zone offset is a whole number of
 *   quarter hours, so any zone's local hour, day and weekday can be read from them), with
 *   the first and last listen of the quarter, which is enough to find 30-minute session gaps
 *   exactly (a gap longer than a quarter hour can only lie between two quarters);
 * - track_plays: listens per track with the first and last time it was heard.
 * They are folded forward lazily by the analytics repository up to rollup_state's
 * folded_listen_id (listen ids only grow). Inserts stay as cheap as before; a delete, or an
 * update that moves a listen, resets the mark to 0 so the next read rebuilds them.
 */
const RESET = `UPDATE analytics_rollup_state SET folded_listen_id = 0 WHERE id = 1;`;

const UP = [
  `CREATE TABLE listen_slots (
    slot INTEGER PRIMARY KEY,
    listens INTEGER NOT NULL,
    first_at INTEGER NOT NULL,
    last_at INTEGER NOT NULL
  )`,
  `CREATE TABLE track_plays (
    track_id INTEGER PRIMARY KEY,
    listens INTEGER NOT NULL,
    first_at INTEGER NOT NULL,
    last_at INTEGER NOT NULL
  )`,
  `CREATE TABLE analytics_rollup_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    folded_listen_id INTEGER NOT NULL
  )`,
  `INSERT INTO analytics_rollup_state (id, folded_listen_id) VALUES (1, 0)`,
  `CREATE TRIGGER trg_listens_rollup_delete AFTER DELETE ON listening_history BEGIN ${RESET} END`,
  `CREATE TRIGGER trg_listens_rollup_move AFTER UPDATE OF track_id, timestamp ON listening_history
    WHEN OLD.track_id IS NOT NEW.track_id OR OLD.timestamp IS NOT NEW.timestamp BEGIN ${RESET} END`,
];

export class ListeningRollups1763770000000 implements MigrationInterface {
  name = 'ListeningRollups1763770000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER IF EXISTS trg_listens_rollup_move');
    await queryRunner.query('DROP TRIGGER IF EXISTS trg_listens_rollup_delete');
    for (const table of ['analytics_rollup_state', 'track_plays', 'listen_slots']) await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
