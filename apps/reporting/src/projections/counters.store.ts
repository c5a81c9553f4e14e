import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { COUNTER_COLUMNS } from '../read-model/counters';
import { CounterBook, CounterRowIncrements } from './counter-book';

/** The counters tables a batch adds to, with the name of each one's date column. */
const TABLES = { daily: ['daily_counters', 'day'], monthly: ['monthly_counters', 'month'] } as const;

/** `daily_counters` and `monthly_counters`, written once per batch of events in its transaction. */
@Injectable()
export class CountersStore {
  /** Adds the batch to the day's rows and to their month's, where a year's indicators are read from. */
  async add(tx: EntityManager, book: CounterBook): Promise<void> {
    const { days, months } = book.drain();
    if (days.length === 0) return;
    await addRows(tx, ...TABLES.daily, days);
    await addRows(tx, ...TABLES.monthly, months);
  }
}

/** Upserts rows of one counters table from one JSON parameter; `period` names its date column. */
async function addRows(
  tx: EntityManager,
  table: string,
  period: string,
  entries: CounterRowIncrements[],
): Promise<void> {
  const records = JSON.stringify(
    entries.map(({ row, increments }) => ({
      province_code: row.provinceCode,
      unit_code: row.unitCode,
      procedure_code: row.procedureCode,
      [period]: row.day,
      ...increments,
    })),
  );
  const source = `json_to_recordset($1::json)
    AS r(province_code text, unit_code text, procedure_code text, ${period} date, ${COUNTER_COLUMNS.map((column) => `${column} integer`).join(', ')})`;
  const key = `province_code, unit_code, procedure_code, ${period}`;
  const emptied: Array<Record<string, string>> = await tx.query(
    `WITH added AS (
       INSERT INTO ${table} (${key}, ${COUNTER_COLUMNS.join(', ')}) SELECT * FROM ${source}
       ON CONFLICT (${key}) DO UPDATE SET ${COUNTER_COLUMNS.map((column) => `${column} = ${table}.${column} + EXCLUDED.${column}`).join(', ')}
       RETURNING ${key}, ${COUNTER_COLUMNS.map((column) => `${column} = 0`).join(' AND ')} AS empty
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
      [
        emptied.map((row) => row['province_code']),
        emptied.map((row) => row['unit_code']),
        emptied.map((row) => row['procedure_code']),
        emptied.map((row) => row['period']),
      ],
    );
  }
}
