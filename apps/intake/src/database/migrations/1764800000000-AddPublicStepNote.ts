import { MigrationInterface, QueryRunner } from 'typeorm';

/** What a public step tells the applicant in words, where its status codes do not say it (a moved appointment). */
export class AddPublicStepNote1764800000000 implements MigrationInterface {
  name = 'AddPublicStepNote1764800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE dossier_public_history ADD COLUMN note text');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE dossier_public_history DROP COLUMN note');
  }
}
