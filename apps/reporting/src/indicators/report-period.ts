import { VIETNAM_UTC_OFFSET_MINUTES } from '@onestop/calendar';
import { invalidRequest } from '@onestop/platform';

/** A period of local days, both ends included, at most a leap year long. */
export const MAX_PERIOD_DAYS = 366;
const MS_PER_DAY = 86_400_000;

export interface ReportPeriod {
  from: string;
  to: string;
  /** Each local day of the period with the instant it ends (the next local midnight), in order. */
  days: Array<{ day: string; endsBefore: Date }>;
  /** The instant the period ends: the local midnight after `to`. */
  endsBefore: Date;
}

/**
 * The period of an indicator query. The DTO has already checked each date on its own; the order
 * and the length are checked here, naming `to`, so the answer says which end to move.
 */
export function reportPeriod(from: string, to: string): ReportPeriod {
  const first = utcDayOf(from);
  const count = utcDayOf(to) - first + 1;
  if (count < 1) throw invalidRequest([{ field: 'to', message: `must not be before from (${from})` }]);
  if (count > MAX_PERIOD_DAYS) {
    throw invalidRequest([{ field: 'to', message: `must be at most ${MAX_PERIOD_DAYS} days from ${from}, both included (asked for ${count})` }]);
  }
  const days = Array.from({ length: count }, (_, index) => ({ day: dateOfUtcDay(first + index), endsBefore: localMidnightOfUtcDay(first + index + 1) }));
  return { from, to, days, endsBefore: days[days.length - 1].endsBefore };
}

/** Whole days since 1970-01-01 of a date YYYY-MM-DD the DTO has validated. */
function utcDayOf(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY;
}

function dateOfUtcDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

function localMidnightOfUtcDay(day: number): Date {
  return new Date(day * MS_PER_DAY - VIETNAM_UTC_OFFSET_MINUTES * 60_000);
}
