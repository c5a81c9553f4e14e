import { addDays } from '@onestop/calendar';

/** Where the counters of a span of local days are read: whole months from `monthly_counters`, the rest day by day. */
export interface CounterRanges {
  /** Inclusive ranges of local dates read from `daily_counters`. */
  days: Array<[string, string]>;
  /** The first days of the first and last whole months read from `monthly_counters`, or null. */
  months: [string, string] | null;
}

/** The earliest date a counter can carry: "since the beginning". */
const BEGINNING = '0001-01-01';

const firstOfMonth = (date: string) => `${date.slice(0, 7)}-01`;
const firstOfNextMonth = (date: string) => firstOfMonth(addDays(firstOfMonth(date), 31));

/**
 * The counter rows covering `from`..`to` (both included; `from` null: since the beginning). A year
 * reads twelve month rows per unit and procedure; a period that starts or ends inside a month
 * reads those days from the daily rows.
 */
export function counterRanges(from: string | null, to: string): CounterRanges {
  const start = from ?? BEGINNING;
  const firstWhole = start.endsWith('-01') ? start : firstOfNextMonth(start);
  const afterTo = addDays(to, 1);
  const lastWholeEnd = afterTo.endsWith('-01') ? to : addDays(firstOfMonth(to), -1);
  if (firstWhole > lastWholeEnd) return { days: [[start, to]], months: null };
  const days: Array<[string, string]> = [];
  if (start < firstWhole) days.push([start, addDays(firstWhole, -1)]);
  if (lastWholeEnd < to) days.push([addDays(lastWholeEnd, 1), to]);
  return { days, months: [firstWhole, firstOfMonth(lastWholeEnd)] };
}

/**
 * One query's source of counter rows for a scope: `unit_code, procedure_code, day` and `columns`,
 * with a month's rows dated by its first day. Parameters $1 (province) and $2 (unit or null) are
 * the caller's; the ranges take the next ones, returned in order.
 */
export function countersSource(
  ranges: CounterRanges,
  columns: readonly string[],
  firstParameter = 3,
): { sql: string; parameters: string[] } {
  const parameters: string[] = [];
  const next = (value: string) => `$${firstParameter + parameters.push(value) - 1}::date`;
  const scope = `province_code = $1 AND ($2::text IS NULL OR unit_code = $2)`;
  const selects = ranges.days.map(
    ([from, to]) =>
      `SELECT unit_code, procedure_code, day, ${columns.join(', ')} FROM daily_counters WHERE ${scope} AND day BETWEEN ${next(from)} AND ${next(to)}`,
  );
  if (ranges.months) {
    const [from, to] = ranges.months;
    selects.push(
      `SELECT unit_code, procedure_code, month AS day, ${columns.join(', ')} FROM monthly_counters WHERE ${scope} AND month BETWEEN ${next(from)} AND ${next(to)}`,
    );
  }
  return { sql: selects.join(' UNION ALL '), parameters };
}
