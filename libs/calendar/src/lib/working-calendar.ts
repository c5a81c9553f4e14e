import { CalendarDay, parseCalendarDays } from './calendar-day';
import { dayNumberOf, isWeekend, localDateOfDay, MS_PER_DAY } from './local-date';
import { DEFAULT_WORKING_TIME, parseWorkingTime, WorkingTime, WorkingTimeOptions } from './working-time';

/** A processing time as procedures state it. */
export interface WorkingDuration {
  unit: 'working-days' | 'working-hours';
  amount: number;
}

interface Interval {
  start: number;
  end: number;
}

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;

/**
 * Working time in Vietnam's civil service: Monday to Friday minus holidays, plus weekend days
 * worked in a swap, within the office shifts. Dates and times in and out are absolute instants;
 * local dates are 'YYYY-MM-DD' strings. Pure: no clock, no I/O.
 *
 * A deadline is computed once, when the dossier is received, and stored by the caller: it does not
 * move when the calendar data changes later (a holiday announced afterwards, a corrected assumption).
 */
export class WorkingCalendar {
  /** Working hours in one working day: 8 with the default shifts. */
  readonly hoursPerDay: number;
  private readonly kinds: ReadonlyMap<string, CalendarDay['kind']>;
  private readonly time: WorkingTime;

  constructor(days: readonly CalendarDay[], options: Partial<WorkingTimeOptions> = {}) {
    this.kinds = new Map(parseCalendarDays(days).map((day) => [day.date, day.kind]));
    this.time = parseWorkingTime({ ...DEFAULT_WORKING_TIME, ...options });
    this.hoursPerDay = this.time.shifts.reduce((sum, shift) => sum + shift.end - shift.start, 0) / MS_PER_HOUR;
  }

  isWorkingDay(localDate: string): boolean {
    return this.isWorking(dayNumberOf(localDate));
  }

  /** The first working day strictly after localDate. */
  nextWorkingDay(localDate: string): string {
    return localDateOfDay(this.nextWorkingDayAfter(dayNumberOf(localDate)));
  }

  /** The end of the last shift of a working day: where an appointment on that date falls due. */
  endOfWorkingDay(localDate: string): Date {
    const day = dayNumberOf(localDate);
    if (!this.isWorking(day)) throw new Error(`${localDate} is not a working day`);
    const shifts = this.shiftsOn(day);
    return new Date(shifts[shifts.length - 1].end);
  }

  localDateOf(instant: Date): string {
    return localDateOfDay(this.dayOf(timeOf(instant)));
  }

  /**
   * When the processing time starts: at receipt if that is during working hours of a working day
   * and not after the cut-off; otherwise at the next shift start that day (before the cut-off), or
   * at the first shift of the next working day. Receipt exactly at the cut-off still counts that day.
   */
  countingStart(receivedAt: Date): Date {
    const at = timeOf(receivedAt);
    const day = this.dayOf(at);
    if (this.isWorking(day) && at <= this.midnightOf(day) + this.time.cutoff) {
      const shift = this.shiftsOn(day).find((candidate) => at < candidate.end);
      if (shift) return new Date(Math.max(at, shift.start));
    }
    return new Date(this.shiftsOn(this.nextWorkingDayAfter(day))[0].start);
  }

  /**
   * The instant after `hours` of working time from start (rounded to the minute). Work that ends
   * exactly at the end of a shift ends there, not at the start of the next one.
   */
  addWorkingHours(start: Date, hours: number): Date {
    let remaining = Math.round(nonNegative(hours, 'hours') * 60) * MS_PER_MINUTE;
    const from = timeOf(start);
    let day = this.dayOf(from);
    if (!this.isWorking(day)) day = this.nextWorkingDayAfter(day);
    for (; ; day = this.nextWorkingDayAfter(day)) {
      for (const shift of this.shiftsOn(day)) {
        if (shift.end < from) continue;
        const begin = Math.max(from, shift.start);
        if (remaining <= shift.end - begin) return new Date(begin + remaining);
        remaining -= shift.end - begin;
      }
    }
  }

  /**
   * The due instant for a dossier received at receivedAt. Zero working days means "the same day":
   * the end of the last shift of the day counting starts.
   */
  deadline(receivedAt: Date, duration: WorkingDuration): Date {
    const amount = nonNegative(duration.amount, 'duration amount');
    const start = this.countingStart(receivedAt);
    if (duration.unit === 'working-days' && amount === 0) {
      const shifts = this.shiftsOn(this.dayOf(start.getTime()));
      return new Date(shifts[shifts.length - 1].end);
    }
    return this.addWorkingHours(start, duration.unit === 'working-days' ? amount * this.hoursPerDay : amount);
  }

  /**
   * Working hours from `from` to `to` (to the minute), 0 if to is not after from. A clock that
   * pauses while the dossier waits on the citizen keeps the total minus this as its remainder.
   */
  workingHoursBetween(from: Date, to: Date): number {
    const start = timeOf(from);
    const end = timeOf(to);
    let worked = 0;
    for (let day = this.dayOf(start); day <= this.dayOf(end); day++) {
      if (!this.isWorking(day)) continue;
      for (const shift of this.shiftsOn(day)) {
        worked += Math.max(0, Math.min(end, shift.end) - Math.max(start, shift.start));
      }
    }
    return Math.round(worked / MS_PER_MINUTE) / 60;
  }

  private isWorking(day: number): boolean {
    const kind = this.kinds.get(localDateOfDay(day));
    return kind ? kind === 'working-day' : !isWeekend(day);
  }

  private nextWorkingDayAfter(day: number): number {
    let next = day + 1;
    while (!this.isWorking(next)) next++;
    return next;
  }

  /** The local day an instant falls on. */
  private dayOf(instant: number): number {
    return Math.floor((instant + this.time.offsetMs) / MS_PER_DAY);
  }

  private midnightOf(day: number): number {
    return day * MS_PER_DAY - this.time.offsetMs;
  }

  private shiftsOn(day: number): Interval[] {
    const midnight = this.midnightOf(day);
    return this.time.shifts.map((shift) => ({ start: midnight + shift.start, end: midnight + shift.end }));
  }
}

function timeOf(instant: Date): number {
  const time = instant.getTime();
  if (Number.isNaN(time)) throw new Error('invalid date');
  return time;
}

function nonNegative(value: number, what: string): number {
  if (!Number.isFinite(value) || value < 0) throw new Error(`${what} must be a non-negative number, got ${value}`);
  return value;
}
