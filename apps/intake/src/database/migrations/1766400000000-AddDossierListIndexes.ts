import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The lists of dossiers by status, oldest filing first and paged by (filed_at, id): a desk's (the
 * online filings waiting for it), a processing unit's and a province's, each one index range.
 */
export class AddDossierListIndexes1766400000000 implements MigrationInterface {
  name = 'AddDossierListIndexes1766400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE INDEX dossiers_desk_list ON dossiers (receiving_unit_code, status, filed_at, id);
      CREATE INDEX dossiers_unit_list ON dossiers (competent_unit_code, status, filed_at, id) WHERE competent_unit_code IS NOT NULL;
      CREATE INDEX dossiers_province_list ON dossiers (province_code, status, filed_at, id);
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX dossiers_province_list, dossiers_unit_list, dossiers_desk_list');
  }
}
