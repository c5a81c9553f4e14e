import { localDateOf } from '@onestop/calendar';
import { EntityManager } from 'typeorm';

/** The flows kept per unit × procedure × local day: events dated that day; the column names of `daily_counters`. */
export const COUNTERS = [
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
  'undeliverable_notices',
  // The applicants' ratings, counted for the unit that processed the dossier on the day they rated.
  'ratings',
  'rating_points_sum',
  'satisfied_ratings',
] as const;

/**
 * The stocks' changes kept per unit × procedure × local day: how many dossiers became open (or open
 * past their deadline) that day, less those that stopped being so. A stock at the end of a day is
 * the sum of its changes up to that day, so the open dossiers at a period's end are read from the
 * counters without scanning the dossiers.
 */
export const STOCK_CHANGES = ['open_change', 'overdue_open_change'] as const;

export type Counter = (typeof COUNTERS)[number];
export type StockChange = (typeof STOCK_CHANGES)[number];
export type CounterIncrements = Partial<Record<Counter | StockChange, number>>;

const COLUMNS = [...COUNTERS, ...STOCK_CHANGES];

/** One row of `daily_counters`: a unit's procedure on a local day. */
export interface CounterRow {
  provinceCode: string;
  unitCode: string;
  procedureCode: string;
  day: string;
}

/**
 * The row an event at `at` counts in for `unitCode`: the dossier's procedure on the local day it
 * happened, never the day it was processed.
 */
export function counterRowAt(dossier: Pick<CounterRow, 'provinceCode' | 'procedureCode'>, unitCode: string, at: Date): CounterRow {
  return { provinceCode: dossier.provinceCode, unitCode, procedureCode: dossier.procedureCode, day: localDateOf(at) };
}

/**
 * Increments gathered over a batch of events and added in one statement per table. Rows are written
 * in key order, so two batches adding to the same rows at once wait for each other instead of
 * deadlocking.
 */
export class CounterBook {
  private readonly rows = new Map<string, { row: CounterRow; increments: Record<string, number> }>();

  add(row: CounterRow, increments: CounterIncrements): void {
    const key = `${row.provinceCode}|${row.unitCode}|${row.procedureCode}|${row.day}`;
    let entry = this.rows.get(key);
    if (!entry) {
      entry = { row, increments: Object.fromEntries(COLUMNS.map((column) => [column, 0])) };
      this.rows.set(key, entry);
    }
    // Only the few counters an event names: this runs several times for every event projected.
    for (const column in increments) entry.increments[column] += increments[column as keyof CounterIncrements] ?? 0;
  }

  /** The rows with something to add, in key order, each with its increments. */
  pending(): Array<{ row: CounterRow; increments: Record<string, number> }> {
    return [...this.rows.entries()]
      .filter(([, { increments }]) => COLUMNS.some((column) => increments[column] !== 0))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, entry]) => entry);
  }

  /** Adds the batch to the day's rows and to their month's, where a year's indicators are read from. */
  async flush(tx: EntityManager): Promise<void> {
    const days = this.pending();
    this.rows.clear();
    if (days.length === 0) return;
    const months = new CounterBook();
    for (const { row, increments } of days) months.add({ ...row, day: `${row.day.slice(0, 7)}-01` }, increments);
    await addRows(tx, 'daily_counters', 'day', days);
    await addRows(tx, 'monthly_counters', 'month', months.pending());
  }
}

/** Upserts rows of one counters table from one JSON parameter; `period` names its date column. */
async function addRows(tx: EntityManager, table: string, period: string, entries: Array<{ row: CounterRow; increments: Record<string, number> }>): Promise<void> {
  const records = JSON.stringify(
    entries.map(({ row, increments }) => ({ province_code: row.provinceCode, unit_code: row.unitCode, procedure_code: row.procedureCode, [period]: row.day, ...increments })),
  );
  const source = `json_to_recordset($1::json)
    AS r(province_code text, unit_code text, procedure_code text, ${period} date, ${COLUMNS.map((column) => `${column} integer`).join(', ')})`;
  const key = `province_code, unit_code, procedure_code, ${period}`;
  const emptied: Array<Record<string, string>> = await tx.query(
    `WITH added AS (
       INSERT INTO ${table} (${key}, ${COLUMNS.join(', ')}) SELECT * FROM ${source}
       ON CONFLICT (${key}) DO UPDATE SET ${COLUMNS.map((column) => `${column} = ${table}.${column} + EXCLUDED.${column}`).join(', ')}
       RETURNING ${key}, ${COLUMNS.map((column) => `${column} = 0`).join(' AND ')} AS empty
     )
     SELECT province_code, unit_code, procedure_code, ${period}::text AS period FROM added WHERE empty`,
    [records],
  );
  // A change taken back (a dossier moved to another unit) can leave a row of zeros: it goes, so the
  // rows that exist do not depend on how the events were batched. Found by the upsert itself, it
  // costs a second statement only in the rare batch that empties a row.
  if (emptied.length > 0) {
    await tx.query(
      `DELETE FROM ${table} WHERE (${key}) IN (SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::date[]))`,
      [emptied.map((row) => row['province_code']), emptied.map((row) => row['unit_code']), emptied.map((row) => row['procedure_code']), emptied.map((row) => row['period'])],
    );
  }
}
