import { MigrationInterface, QueryRunner } from 'typeorm';
import days from './1763950000000-calendar-days.data.json';

/**
 * The service's copy of the calendar exceptions (holidays, worked weekend days), loaded with the
 * 2025–2027 days as they were bundled then (the data file beside this migration, which nothing
 * else reads). Province IT corrects them through the calendar API, without a release.
 */
export class CreateCalendarDays1763950000000 implements MigrationInterface {
  name = 'CreateCalendarDays1763950000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE calendar_days (
      date date PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('holiday', 'working-day')),
      name_vi text NOT NULL,
      name_en text NOT NULL,
      basis text NOT NULL CHECK (basis IN ('law', 'decision', 'assumed')),
      source text,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    for (const day of days) {
      await queryRunner.query(
        'INSERT INTO calendar_days (date, kind, name_vi, name_en, basis, source) VALUES ($1, $2, $3, $4, $5, $6)',
        [day.date, day.kind, day.nameVi, day.nameEn, day.basis, day.source],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE calendar_days');
  }
}
