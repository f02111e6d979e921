import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The 35-word presentation (metadata.resume) gets its own language column, like the long
 * description: a change of ai.language must regenerate exactly the texts in the old language.
 */
export class PresentationLanguage1763740000000 implements MigrationInterface {
  name = 'PresentationLanguage1763740000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE metadata ADD COLUMN resume_language VARCHAR');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE metadata DROP COLUMN resume_language');
  }
}
