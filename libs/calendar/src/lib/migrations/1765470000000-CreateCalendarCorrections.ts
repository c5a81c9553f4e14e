import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each province's corrections of the working calendar, beside the national days of
 * `calendar_days` (whose rows, corrections made before this migration included, stay national).
 * A correction replaces the national day of its date in its province only.
 */
export class CreateCalendarCorrections1765470000000 implements MigrationInterface {
  name = 'CreateCalendarCorrections1765470000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE calendar_corrections (
      province_code text NOT NULL,
      date date NOT NULL,
      kind text NOT NULL CHECK (kind IN ('holiday', 'working-day')),
      name_vi text NOT NULL,
      name_en text NOT NULL,
      basis text NOT NULL CHECK (basis IN ('law', 'decision', 'assumed')),
      source text,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (province_code, date)
    )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE calendar_corrections');
  }
}
