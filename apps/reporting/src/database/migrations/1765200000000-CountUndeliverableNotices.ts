import { MigrationInterface, QueryRunner } from 'typeorm';

/** Notices notification could not deliver, per dossier and in the counters, from `NotificationUndeliverable`. */
export class CountUndeliverableNotices1765200000000 implements MigrationInterface {
  name = 'CountUndeliverableNotices1765200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE dossier_facts ADD COLUMN undeliverable_notices integer NOT NULL DEFAULT 0');
    await runner.query('ALTER TABLE daily_counters ADD COLUMN undeliverable_notices integer NOT NULL DEFAULT 0');
    await runner.query('ALTER TABLE monthly_counters ADD COLUMN undeliverable_notices integer NOT NULL DEFAULT 0');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE monthly_counters DROP COLUMN undeliverable_notices');
    await runner.query('ALTER TABLE daily_counters DROP COLUMN undeliverable_notices');
    await runner.query('ALTER TABLE dossier_facts DROP COLUMN undeliverable_notices');
  }
}
