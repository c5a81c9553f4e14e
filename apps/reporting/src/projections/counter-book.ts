import { localDateOf } from '@onestop/calendar';
import { COUNTER_COLUMNS, CounterIncrements } from '../read-model/counters';

/** The key of one counters row: a unit's procedure on a local day (or, in `monthly_counters`, the month's first day). */
export interface CounterRow {
  provinceCode: string;
  unitCode: string;
  procedureCode: string;
  day: string;
}

/** A counters row with what a batch adds to each of its columns. */
export interface CounterRowIncrements {
  row: CounterRow;
  increments: Record<string, number>;
}

/**
 * The row an event at `at` counts in for `unitCode`: the dossier's procedure on the local day it
 * happened, never the day it was processed.
 */
export function counterRowAt(
  dossier: Pick<CounterRow, 'provinceCode' | 'procedureCode'>,
  unitCode: string,
  at: Date,
): CounterRow {
  return { provinceCode: dossier.provinceCode, unitCode, procedureCode: dossier.procedureCode, day: localDateOf(at) };
}

/**
 * Increments gathered over a batch of events, to be added in one statement per table. Rows come
 * out in key order, so two batches adding to the same rows at once wait for each other instead of
 * deadlocking.
 */
export class CounterBook {
  private readonly rows = new Map<string, CounterRowIncrements>();

  add(row: CounterRow, increments: CounterIncrements): void {
    const key = `${row.provinceCode}|${row.unitCode}|${row.procedureCode}|${row.day}`;
    let entry = this.rows.get(key);
    if (!entry) {
      entry = { row, increments: Object.fromEntries(COUNTER_COLUMNS.map((column) => [column, 0])) };
      this.rows.set(key, entry);
    }
    // Only the few counters an event names: this runs several times for every event projected.
    for (const column in increments) entry.increments[column] += increments[column as keyof CounterIncrements] ?? 0;
  }

  /** The rows with something to add, in key order, each with its increments. */
  pending(): CounterRowIncrements[] {
    return [...this.rows.entries()]
      .filter(([, { increments }]) => COUNTER_COLUMNS.some((column) => increments[column] !== 0))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, entry]) => entry);
  }

  /** Empties the book, giving its pending day rows and the same increments summed by month. */
  drain(): { days: CounterRowIncrements[]; months: CounterRowIncrements[] } {
    const days = this.pending();
    this.rows.clear();
    const months = new CounterBook();
    for (const { row, increments } of days) months.add({ ...row, day: `${row.day.slice(0, 7)}-01` }, increments);
    return { days, months: months.pending() };
  }
}
