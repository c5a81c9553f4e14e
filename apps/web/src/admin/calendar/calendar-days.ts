import dayjs from 'dayjs';
import type { CalendarDay } from './queries';

/** 0 Sunday … 6 Saturday, of a YYYY-MM-DD date as written (no time zone involved). */
export function weekdayOf(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function isWeekend(date: string): boolean {
  const weekday = weekdayOf(date);
  return weekday === 0 || weekday === 6;
}

/**
 * A correction that gives a date back to the weekly rule (a weekday worked, a weekend day off): it
 * takes back a national holiday or swapped working day, so the effective calendar no longer lists it.
 */
export function restoresWeeklyRule(day: Pick<CalendarDay, 'date' | 'kind'>): boolean {
  return isWeekend(day.date) === (day.kind === 'holiday');
}

/** The correction that takes back a national day in the province: the same date, the other kind. */
export function takingBack(day: CalendarDay): CalendarDay {
  return {
    date: day.date,
    kind: day.kind === 'holiday' ? 'working-day' : 'holiday',
    name: { ...day.name },
    basis: 'decision',
  };
}

/** The years offered: around this one, where corrections are made ahead or looked back on. */
export function yearsAround(today = dayjs()): number[] {
  const year = today.year();
  return [year - 2, year - 1, year, year + 1, year + 2];
}
