import { MigrationInterface, QueryRunner } from 'typeorm';
/** The counter columns as this migration found them, written out: a migration must not change with later code. */
const COLUMNS = [
  'received',
  'received_online',
  'refused',
  'resolved',
  'resolved_on_time',
  'resolved_late',
  'processing_minutes_sum',
  'stopped',
  'withdrawn',
  'returned',
  'returned_electronic',
  'signed_results',
  'overdue_events',
  'apologies',
  'open_change',
  'overdue_open_change',
];

/** The months of `daily_counters` rows matching `condition`, added to `monthly_counters`: for the upgrade and for bulk fills. */
export function monthlyRollupSql(condition = 'true'): string {
  return `
    INSERT INTO monthly_counters (province_code, unit_code, procedure_code, month, ${COLUMNS.join(', ')})
    SELECT province_code, unit_code, procedure_code, date_trunc('month', day)::date, ${COLUMNS.map((column) => `sum(${column})`).join(', ')}
      FROM daily_counters WHERE ${condition} GROUP BY 1, 2, 3, 4
    ON CONFLICT (province_code, unit_code, procedure_code, month) DO UPDATE SET
    ${COLUMNS.map((column) => `${column} = monthly_counters.${column} + EXCLUDED.${column}`).join(', ')}`;
}

/**
 * The counters again per month, kept in the same transactions as the days: a year's indicators sum
 * twelve rows per unit and procedure instead of 365, and only the days of a period's partial
 * months are read from `daily_counters`.
 */
export class RollCountersUpByMonth1765100000000 implements MigrationInterface {
  name = 'RollCountersUpByMonth1765100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE monthly_counters (
        province_code text NOT NULL,
        unit_code text NOT NULL,
        procedure_code text NOT NULL,
        -- The first local date of the month.
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        ${COLUMNS.map((column) => `${column} integer NOT NULL DEFAULT 0`).join(',\n        ')},
        PRIMARY KEY (province_code, unit_code, procedure_code, month)
      )`);
    await runner.query(`CREATE INDEX monthly_counters_by_month ON monthly_counters (province_code, month)`);
    await runner.query(monthlyRollupSql());
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE monthly_counters');
  }
}
