import { localDateOf } from '@onestop/calendar';
import { EntityManager } from 'typeorm';

/** The counters kept per unit × procedure × local day; the column names of `daily_counters`. */
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
] as const;

export type Counter = (typeof COUNTERS)[number];
export type CounterIncrements = Partial<Record<Counter, number>>;

/** Where a count goes: the unit it is credited to and the event's own time. */
export interface CounterTarget {
  provinceCode: string;
  unitCode: string;
  procedureCode: string;
  at: Date;
}

/** Adds to one day's counters, creating the row on its first event. */
export async function addToDailyCounters(tx: EntityManager, target: CounterTarget, increments: CounterIncrements): Promise<void> {
  const counters = COUNTERS.filter((counter) => increments[counter]);
  if (counters.length === 0) return;
  const values = counters.map((_, index) => `$${index + 5}`).join(', ');
  const additions = counters.map((counter) => `${counter} = daily_counters.${counter} + EXCLUDED.${counter}`).join(', ');
  await tx.query(
    `INSERT INTO daily_counters (province_code, unit_code, procedure_code, day, ${counters.join(', ')})
     VALUES ($1, $2, $3, $4, ${values})
     ON CONFLICT (province_code, unit_code, procedure_code, day) DO UPDATE SET ${additions}`,
    [target.provinceCode, target.unitCode, target.procedureCode, localDateOf(target.at), ...counters.map((counter) => increments[counter])],
  );
}
