import { seedProcedures } from '@onestop/reference-data';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** Version 1 of the seeded procedures; later versions come through the catalogue API. */
export class SeedProcedureCatalogue1764000000001 implements MigrationInterface {
  name = 'SeedProcedureCatalogue1764000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const procedure of seedProcedures()) {
      await queryRunner.query('INSERT INTO procedures (code, version, effective_from, definition) VALUES ($1, $2, $3, $4)', [
        procedure.code,
        procedure.version,
        procedure.effectiveFrom,
        JSON.stringify(procedure),
      ]);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DELETE FROM procedures WHERE version = 1');
  }
}
