import { daysBetween, endOfLocalDay, localDatesBetween } from '@onestop/calendar';
import { ReportingProblems } from '../problems';

/** A period of local days, both ends included, at most a leap year long. */
export const MAX_PERIOD_DAYS = 366;

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
  const count = daysBetween(from, to) + 1;
  if (count < 1) throw ReportingProblems.periodEndsBeforeStart(from);
  if (count > MAX_PERIOD_DAYS) throw ReportingProblems.periodTooLong(from, count, MAX_PERIOD_DAYS);
  const days = localDatesBetween(from, to).map((day) => ({ day, endsBefore: endOfLocalDay(day) }));
  return { from, to, days, endsBefore: days[days.length - 1].endsBefore };
}
