import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The applicants' ratings in the counters, from `ServiceRated`: how many, their scores summed, and
 * how many were satisfied (4 or 5), per processing unit × procedure × day (and month). Nothing of
 * the comment: the event carries only whether there was one, and reporting keeps not even that.
 */
export class CountServiceRatings1766500000000 implements MigrationInterface {
  name = 'CountServiceRatings1766500000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const table of ['daily_counters', 'monthly_counters']) {
      await runner.query(`
        ALTER TABLE ${table}
          ADD COLUMN ratings integer NOT NULL DEFAULT 0,
          ADD COLUMN rating_points_sum integer NOT NULL DEFAULT 0,
          ADD COLUMN satisfied_ratings integer NOT NULL DEFAULT 0`);
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['monthly_counters', 'daily_counters']) {
      await runner.query(
        `ALTER TABLE ${table} DROP COLUMN satisfied_ratings, DROP COLUMN rating_points_sum, DROP COLUMN ratings`,
      );
    }
  }
}
