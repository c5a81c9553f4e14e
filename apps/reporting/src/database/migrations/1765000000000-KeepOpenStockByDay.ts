import { MigrationInterface, QueryRunner } from 'typeorm';

/** The local (UTC+7) date of an instant, as the projection dates events. */
const localDate = (column: string) => `(${column} AT TIME ZONE 'UTC' + interval '7 hours')::date`;

/**
 * The open-stock changes of `daily_counters` for the dossier facts in `source` (a table or a
 * subquery with the fact columns), by the rules of `stockSpans`: open from the day of receipt until
 * the day of the result, overdue from the day the deadline fell (or of receipt, if later).
 * Written once here for the upgrade of an existing read model and for filling one in bulk.
 */
export function openStockChangesSql(source: string): string {
  return `
    WITH spans AS (
      SELECT province_code, unit_code, procedure_code, ${localDate('received_at')} AS opened, ${localDate('finished_at')} AS closed,
             CASE WHEN due_at IS NOT NULL THEN greatest(${localDate('received_at')}, ${localDate('due_at')}) END AS overdue_from
        FROM ${source} AS facts WHERE received_at IS NOT NULL
    ), changes AS (
      SELECT province_code, unit_code, procedure_code, opened AS day, 1 AS open_change, 0 AS overdue_open_change FROM spans WHERE closed IS NULL OR opened < closed
      UNION ALL
      SELECT province_code, unit_code, procedure_code, closed, -1, 0 FROM spans WHERE opened < closed
      UNION ALL
      SELECT province_code, unit_code, procedure_code, overdue_from, 0, 1 FROM spans WHERE overdue_from IS NOT NULL AND (closed IS NULL OR overdue_from < closed)
      UNION ALL
      SELECT province_code, unit_code, procedure_code, closed, 0, -1 FROM spans WHERE overdue_from < closed
    )
    INSERT INTO daily_counters (province_code, unit_code, procedure_code, day, open_change, overdue_open_change)
    SELECT province_code, unit_code, procedure_code, day, sum(open_change), sum(overdue_open_change) FROM changes GROUP BY 1, 2, 3, 4
    ON CONFLICT (province_code, unit_code, procedure_code, day) DO UPDATE SET
      open_change = daily_counters.open_change + EXCLUDED.open_change,
      overdue_open_change = daily_counters.overdue_open_change + EXCLUDED.overdue_open_change`;
}

/**
 * Keeps the open dossiers as changes per day, so the stock at a period's end is a sum over counters
 * instead of a scan of every dossier received before it; the existing facts are counted in.
 */
export class KeepOpenStockByDay1765000000000 implements MigrationInterface {
  name = 'KeepOpenStockByDay1765000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE daily_counters
        ADD COLUMN open_change integer NOT NULL DEFAULT 0,
        ADD COLUMN overdue_open_change integer NOT NULL DEFAULT 0`);
    await runner.query(openStockChangesSql('dossier_facts'));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE daily_counters DROP COLUMN open_change, DROP COLUMN overdue_open_change');
  }
}
