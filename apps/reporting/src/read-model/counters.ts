/** The flows kept per unit × procedure × local day: events dated that day; the column names of `daily_counters` and `monthly_counters`. */
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

/** Every column a counters row adds up, flows then stock changes. */
export const COUNTER_COLUMNS: ReadonlyArray<Counter | StockChange> = [...COUNTERS, ...STOCK_CHANGES];
