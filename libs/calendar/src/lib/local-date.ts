export const MS_PER_DAY = 86_400_000;

/** Vietnam keeps UTC+07:00 all year (no daylight saving). */
export const VIETNAM_UTC_OFFSET_MINUTES = 7 * 60;

/** The local calendar date (YYYY-MM-DD) of an instant: in Vietnam unless another offset is given. */
export function localDateOf(instant: Date, utcOffsetMinutes = VIETNAM_UTC_OFFSET_MINUTES): string {
  return new Date(instant.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/**
 * Local dates as whole day numbers (days since 1970-01-01), so "the next day" is +1 and the
 * weekday is a remainder: with a fixed UTC offset no time-zone library is needed.
 */
export function dayNumberOf(localDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(localDate);
  if (match) {
    const day = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY;
    // Date.UTC rolls 2026-02-30 over to 2 March; the round trip refuses it.
    if (localDateOfDay(day) === localDate) return day;
  }
  throw new Error(`${localDate} is not a local date YYYY-MM-DD`);
}

export function localDateOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function isWeekend(day: number): boolean {
  const weekday = new Date(day * MS_PER_DAY).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** The first instant of a local date in Vietnam (its local midnight). */
export function startOfLocalDay(localDate: string): Date {
  return new Date(dayNumberOf(localDate) * MS_PER_DAY - VIETNAM_UTC_OFFSET_MINUTES * 60_000);
}

/** The instant a local date ends in Vietnam: the next local midnight (what is due that day is late from then). */
export function endOfLocalDay(localDate: string): Date {
  return new Date(startOfLocalDay(localDate).getTime() + MS_PER_DAY);
}

/** Whole days from one local date to another (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return dayNumberOf(to) - dayNumberOf(from);
}

/** The local date `days` after another. */
export function addDays(localDate: string, days: number): string {
  return localDateOfDay(dayNumberOf(localDate) + days);
}
