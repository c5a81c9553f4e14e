import { addDays, dayNumberOf, localDateOfDay } from './local-date';

/** A month, a quarter or a year as leaders name them for reports and evaluations: `2026-03`, `2026-Q1`, `2026`. */
export const CALENDAR_PERIOD_PATTERN = /^(20\d{2})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$/;

export interface CalendarPeriod {
  period: string;
  /** Its first and last local dates, both included. */
  from: string;
  to: string;
}

/** The dates a period spans; null for anything but YYYY, YYYY-MM or YYYY-Qn. */
export function calendarPeriod(period: string): CalendarPeriod | null {
  const match = CALENDAR_PERIOD_PATTERN.exec(period);
  if (!match) return null;
  const year = match[1];
  const [firstMonth, months] = match[2]
    ? [Number(match[2]), 1]
    : match[3]
      ? [(Number(match[3]) - 1) * 3 + 1, 3]
      : [1, 12];
  const from = `${year}-${String(firstMonth).padStart(2, '0')}-01`;
  const next =
    firstMonth + months > 12
      ? `${Number(year) + 1}-01-01`
      : `${year}-${String(firstMonth + months).padStart(2, '0')}-01`;
  return { period, from, to: addDays(next, -1) };
}

/** Each local date from `from` to `to`, both included. */
export function localDatesBetween(from: string, to: string): string[] {
  const first = dayNumberOf(from);
  return Array.from({ length: dayNumberOf(to) - first + 1 }, (_, index) => localDateOfDay(first + index));
}
