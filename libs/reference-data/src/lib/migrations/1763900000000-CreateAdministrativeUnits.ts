import { MigrationInterface, QueryRunner } from 'typeorm';
// The rows as this migration first loaded them from the bundled reference files, frozen: editing
// those files later must not change what a new database starts with.
import seedRows from './1763900000000-administrative-units.data.json';

const BATCH = 500;

/** One unit as loaded: code, kind, name, English name, subkind, province code (null for a province), effective from. */
type SeedRow = [string, string, string, string, string, string | null, string];

/** The unit table, loaded with the bundled provinces, communes and province departments. */
export class CreateAdministrativeUnits1763900000000 implements MigrationInterface {
  name = 'CreateAdministrativeUnits1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
CREATE TABLE administrative_units (
  code text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('province', 'commune', 'department', 'service-point')),
  name text NOT NULL,
  name_en text NOT NULL,
  subkind text NOT NULL,
  province_code text REFERENCES administrative_units (code),
  parent_code text REFERENCES administrative_units (code),
  effective_from date NOT NULL,
  effective_to date,
  successor_code text REFERENCES administrative_units (code),
  CHECK (effective_to IS NULL OR effective_to > effective_from),
  CHECK ((kind = 'province') = (province_code IS NULL))
);
CREATE INDEX administrative_units_province ON administrative_units (province_code, kind);
`);
    const rows = seedRows as SeedRow[];
    for (let start = 0; start < rows.length; start += BATCH) {
      const batch = rows.slice(start, start + BATCH);
      const values: unknown[] = [];
      const tuples = batch.map((row) => {
        const n = values.push(...row);
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
