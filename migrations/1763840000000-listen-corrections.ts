import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Corrections that outlive re-imports, and rollups that follow them without a rebuild.
 *
 * listen_corrections: one row per identity of a play as a source sent it (source, artist
 * key, title key, start time). `deleted` rows are tombstones of `aime history rm`; `edited`
 * rows map the identity a listen arrived with to the listen that `aime history edit`
 * changed. Ingest skips a play that matches either (ListenStore).
 *
 * The rollup triggers of 1763770000002 reset every mark on a delete or a moved listen, so the
 * next `stats` rebuilt a million listens (≈1.7 s, and ≈1.2 s more for `stats patterns`).
 * These fix what one changed listen touches instead: its quarter hour and its track in
 * listen_slots/track_plays (recounted from the listens already folded, played seconds included), and the quarters
 * whose artist transitions it changes (its own and its successor's) are queued in
 * analytics_dirty_slots for the next fold of transitions.
 */
// As the fold counts them (src/db/repositories/analytics-rollups.ts), written out here: a
// migration never changes when the code does. The columns come from 1763820000000.
const PLAYED_SECONDS = 'coalesce(sum(CASE WHEN played_seconds > 0 THEN played_seconds END), 0)';
const TIMED_LISTENS = 'count(CASE WHEN played_seconds > 0 THEN 1 END)';
const FOLDED = '(SELECT folded_listen_id FROM analytics_rollup_state WHERE id = 1)';
const FOLDED_TRANSITIONS = '(SELECT folded_transition_id FROM analytics_rollup_state WHERE id = 1)';

/** Recounts one quarter hour (`at` is a timestamp inside it) from the listens folded so far. */
function recountSlot(at: string): string {
  return `DELETE FROM listen_slots WHERE slot = ${at} / 900;
    INSERT INTO listen_slots (slot, listens, first_at, last_at)
      SELECT slot, listens, first_at, last_at FROM (
        SELECT ${at} / 900 AS slot, count(*) AS listens, min(timestamp) AS first_at, max(timestamp) AS last_at FROM listening_history
        WHERE timestamp >= ${at} / 900 * 900 AND timestamp < ${at} / 900 * 900 + 900 AND id <= ${FOLDED})
      WHERE listens > 0;`;
}

function recountTrack(track: string): string {
  return `DELETE FROM track_plays WHERE track_id = ${track};
    INSERT INTO track_plays (track_id, listens, first_at, last_at, played_seconds, timed_listens)
      SELECT track_id, listens, first_at, last_at, played, timed FROM (
        SELECT ${track} AS track_id, count(*) AS listens, min(timestamp) AS first_at, max(timestamp) AS last_at,
          ${PLAYED_SECONDS} AS played, ${TIMED_LISTENS} AS timed FROM listening_history
        WHERE track_id = ${track} AND id <= ${FOLDED})
      WHERE listens > 0;`;
}

/** Queues the quarter of `at` and the quarter of the next listen from `at` on (other than `id`). */
function dirtySlots(at: string, id: string): string {
  return `INSERT OR IGNORE INTO analytics_dirty_slots (slot) VALUES (${at} / 900);
    INSERT OR IGNORE INTO analytics_dirty_slots (slot)
      SELECT next / 900 FROM (SELECT min(timestamp) AS next FROM listening_history WHERE timestamp >= ${at} AND id <> ${id}) WHERE next IS NOT NULL;`;
}

const MOVED = 'OLD.track_id IS NOT NEW.track_id OR OLD.timestamp IS NOT NEW.timestamp';

const UP = [
  `CREATE TABLE listen_corrections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind VARCHAR NOT NULL CHECK (kind IN ('deleted', 'edited')),
    source VARCHAR NOT NULL,
    artist_key VARCHAR NOT NULL,
    title_key VARCHAR NOT NULL,
    timestamp INTEGER NOT NULL,
    listen_id INTEGER REFERENCES listening_history (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL
  )`,
  `CREATE UNIQUE INDEX uq_listen_corrections_play ON listen_corrections (artist_key, title_key, timestamp, source)`,
  `CREATE INDEX idx_listen_corrections_time ON listen_corrections (timestamp)`,
  `CREATE INDEX idx_listen_corrections_listen ON listen_corrections (listen_id)`,
  `CREATE TABLE analytics_dirty_slots (slot INTEGER PRIMARY KEY) WITHOUT ROWID`,
  'DROP TRIGGER trg_listens_rollup_delete',
  'DROP TRIGGER trg_listens_rollup_move',
  `CREATE TRIGGER trg_listens_rollup_delete AFTER DELETE ON listening_history WHEN OLD.id <= ${FOLDED}
    BEGIN ${recountSlot('OLD.timestamp')} ${recountTrack('OLD.track_id')} END`,
  `CREATE TRIGGER trg_listens_rollup_move AFTER UPDATE OF track_id, timestamp ON listening_history
    WHEN (${MOVED}) AND OLD.id <= ${FOLDED}
    BEGIN ${recountSlot('OLD.timestamp')} ${recountSlot('NEW.timestamp')} ${recountTrack('OLD.track_id')} ${recountTrack('NEW.track_id')} END`,
  `CREATE TRIGGER trg_listens_transitions_delete AFTER DELETE ON listening_history WHEN OLD.id <= ${FOLDED_TRANSITIONS}
    BEGIN ${dirtySlots('OLD.timestamp', 'OLD.id')} END`,
  `CREATE TRIGGER trg_listens_transitions_move AFTER UPDATE OF track_id, timestamp ON listening_history
    WHEN (${MOVED}) AND OLD.id <= ${FOLDED_TRANSITIONS}
    BEGIN ${dirtySlots('OLD.timestamp', 'OLD.id')} ${dirtySlots('NEW.timestamp', 'NEW.id')} END`,
];

/** The triggers of 1763770000002, put back by down(). */
const RESET = 'UPDATE analytics_rollup_state SET folded_listen_id = 0, folded_transition_id = 0 WHERE id = 1;';

export class ListenCorrections1763840000000 implements MigrationInterface {
  name = 'ListenCorrections1763840000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const trigger of ['trg_listens_transitions_move', 'trg_listens_transitions_delete', 'trg_listens_rollup_move', 'trg_listens_rollup_delete']) {
      await queryRunner.query(`DROP TRIGGER IF EXISTS ${trigger}`);
    }
    await queryRunner.query(`CREATE TRIGGER trg_listens_rollup_delete AFTER DELETE ON listening_history BEGIN ${RESET} END`);
    await queryRunner.query(`CREATE TRIGGER trg_listens_rollup_move AFTER UPDATE OF track_id, timestamp ON listening_history
      WHEN ${MOVED} BEGIN ${RESET} END`);
    await queryRunner.query('DROP TABLE IF EXISTS analytics_dirty_slots');
    await queryRunner.query('DROP TABLE IF EXISTS listen_corrections');
  }
}
