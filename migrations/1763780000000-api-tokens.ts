import type { MigrationInterface } from 'typeorm/migration/MigrationInterface.js';
import type { QueryRunner } from 'typeorm/query-runner/QueryRunner.js';

/**
 * The HTTP listener's tables. api_tokens: the tokens other players present on the
 * ListenBrainz-compatible endpoint, kept only as SHA-256 digests (the token is shown once
 * when created). health_probe: one row that GET /health rewrites, so "healthy" means the
 * database really took a write.
 */
export class ApiTokens1763780000000 implements MigrationInterface {
  name = 'ApiTokens1763780000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE api_tokens (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      name VARCHAR NOT NULL,
      hash BLOB NOT NULL,
      created_at INTEGER NOT NULL,
      last_used_at INTEGER
    )`);
    await queryRunner.query('CREATE UNIQUE INDEX uq_api_tokens_name ON api_tokens (name)');
    await queryRunner.query('CREATE TABLE health_probe (id INTEGER PRIMARY KEY CHECK (id = 1), checked_at INTEGER NOT NULL)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS health_probe');
    await queryRunner.query('DROP TABLE IF EXISTS api_tokens');
  }
}
