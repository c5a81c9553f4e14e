import { MigrationInterface, QueryRunner } from 'typeorm';

/** A signed-in citizen's own filings, newest first and paged by (filed_at, id): one index range. */
export class AddDossiersByAccountIndex1766600000000 implements MigrationInterface {
  name = 'AddDossiersByAccountIndex1766600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'CREATE INDEX dossiers_account_list ON dossiers (account_subject, filed_at, id) WHERE account_subject IS NOT NULL',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX dossiers_account_list');
  }
}
