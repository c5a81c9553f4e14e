import { MigrationInterface, QueryRunner } from 'typeorm';
import { insertCalendarDays } from './calendar-store';
import { DEFAULT_CALENDAR_DAYS } from './default-calendar';

/**
 * The service's copy of the calendar exceptions (holidays, worked weekend days), loaded with the
 * bundled 2025–2027 data. Province IT corrects it through the calendar API, without a release.
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
    await insertCalendarDays(queryRunner, DEFAULT_CALENDAR_DAYS);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE calendar_days');
  }
}
