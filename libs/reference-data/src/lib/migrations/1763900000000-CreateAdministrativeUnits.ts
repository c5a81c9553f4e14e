import { MigrationInterface, QueryRunner } from 'typeorm';
import { CREATE_ADMINISTRATIVE_UNITS } from '../administrative-units.sql';
import { seedUnits } from '../seed-rows';

const BATCH = 500;

/** The unit table, loaded with the bundled provinces, communes and province departments. */
export class CreateAdministrativeUnits1763900000000 implements MigrationInterface {
  name = 'CreateAdministrativeUnits1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(CREATE_ADMINISTRATIVE_UNITS);
    const rows = seedUnits();
    for (let start = 0; start < rows.length; start += BATCH) {
      const batch = rows.slice(start, start + BATCH);
      const values: unknown[] = [];
      const tuples = batch.map((unit) => {
        const n = values.push(unit.code, unit.kind, unit.name, unit.nameEn, unit.subkind, unit.provinceCode, unit.effectiveFrom);
        return `($${n - 6}, $${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $${n})`;
      });
      await queryRunner.query(
        `INSERT INTO administrative_units (code, kind, name, name_en, subkind, province_code, effective_from) VALUES ${tuples.join(', ')}`,
        values,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE administrative_units');
  }
}
