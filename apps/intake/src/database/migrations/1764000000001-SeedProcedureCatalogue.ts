import { MigrationInterface, QueryRunner } from 'typeorm';
// The catalogue as this migration first loaded it (procedures.json, validated), frozen: editing the
// reference file later must not change what a new database starts with.
import catalogue from './1764000000001-procedure-catalogue.data.json';

/** Version 1 of the seeded procedures; later versions come through the catalogue API. */
export class SeedProcedureCatalogue1764000000001 implements MigrationInterface {
  name = 'SeedProcedureCatalogue1764000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const procedure of catalogue) {
      await queryRunner.query(
        'INSERT INTO procedures (code, version, effective_from, definition) VALUES ($1, $2, $3, $4)',
        [procedure.code, procedure.version, procedure.effectiveFrom, JSON.stringify(procedure)],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DELETE FROM procedures WHERE version = 1');
  }
}
