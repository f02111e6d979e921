import type { MigrationInterface } from 'typeorm/migration/MigrationInterface.js';
import type { QueryRunner } from 'typeorm/query-runner/QueryRunner.js';

/**
 * Forwarding to ListenBrainz.
 * - listening_history.already_on: the outside service a play was read from that holds it
 *   already ('listenbrainz' for a ListenBrainz export's listens); such a listen is never sent back.
 * - forward_state (one row): whether new listens are being taken (the token is set), and the
 *   cursor over listen ids (AUTOINCREMENT: ids only grow) below which new listens have been
 *   looked at; the last success and the last error, so `aime forward status` survives restarts.
 * - forward_outbox: one row per listen to send: queued, sent (kept, so a backfill never queues
 *   it again) or parked (refused by the target, with its reason); settled_at is when it was
 *   sent or parked. A deleted listen takes its row with it.
 */
export class ForwardOutbox1763860000000 implements MigrationInterface {
  name = 'ForwardOutbox1763860000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE listening_history ADD COLUMN already_on VARCHAR');
    await queryRunner.query(`CREATE TABLE forward_state (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      collecting INTEGER NOT NULL DEFAULT 0,
      collected_listen_id INTEGER NOT NULL DEFAULT 0,
      sent_total INTEGER NOT NULL DEFAULT 0,
      last_sent_at INTEGER,
      last_error VARCHAR,
      last_error_at INTEGER
    )`);
    await queryRunner.query('INSERT INTO forward_state (id) VALUES (1)');
    await queryRunner.query(`CREATE TABLE forward_outbox (
      listen_id INTEGER PRIMARY KEY REFERENCES listening_history (id) ON DELETE CASCADE,
      state VARCHAR NOT NULL CHECK (state IN ('queued', 'sent', 'parked')),
      queued_at INTEGER NOT NULL,
      settled_at INTEGER,
      reason VARCHAR
    )`);
    // Only the rows still to look at are indexed: sent ones pile up and are never walked.
    await queryRunner.query(`CREATE INDEX idx_forward_outbox_queued ON forward_outbox (listen_id) WHERE state = 'queued'`);
    await queryRunner.query(`CREATE INDEX idx_forward_outbox_parked ON forward_outbox (listen_id) WHERE state = 'parked'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS forward_outbox');
    await queryRunner.query('DROP TABLE IF EXISTS forward_state');
    await queryRunner.query('ALTER TABLE listening_history DROP COLUMN already_on');
  }
}
