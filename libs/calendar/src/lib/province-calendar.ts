import { CalendarDay, restoresWeeklyRule } from './calendar-day';
import { WorkingCalendar } from './working-calendar';
import { WorkingTimeOptions } from './working-time';

/** A day of a province's effective calendar, and whether it is the province's own correction. */
export type EffectiveCalendarDay = CalendarDay & { correction: boolean };

/**
 * A province's calendar: the national days (the holidays by law and the government's decisions,
 * the same in every province) with the province's corrections over them. A correction replaces
 * the national day of its date, if any; one that gives the date back to the weekly rule (a weekday
 * worked, a weekend day off) takes the national day away and is itself no exception. In date order.
 */
export function effectiveCalendarDays(
  national: readonly CalendarDay[],
  corrections: readonly CalendarDay[],
): EffectiveCalendarDay[] {
  const days = new Map<string, EffectiveCalendarDay>(national.map((day) => [day.date, { ...day, correction: false }]));
  for (const day of corrections) {
    if (restoresWeeklyRule(day)) days.delete(day.date);
    else days.set(day.date, { ...day, correction: true });
  }
  return [...days.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The days of an effective calendar as plain calendar days, without the marks. */
export function withoutMarks(days: readonly EffectiveCalendarDay[]): CalendarDay[] {
  return days.map(({ correction: _correction, ...day }) => day);
}

/**
 * Every province's working calendar from one reading of the national days and the corrections.
 * A province without corrections has the national calendar; each other one is built when first
 * asked for. Pure: the caller reads the data.
 */
export class ProvinceCalendars {
  readonly national: WorkingCalendar;
  private readonly built = new Map<string, WorkingCalendar>();

  constructor(
    private readonly nationalDays: readonly CalendarDay[],
    private readonly corrections: ReadonlyMap<string, readonly CalendarDay[]>,
    private readonly options: Partial<WorkingTimeOptions> = {},
  ) {
    this.national = new WorkingCalendar(nationalDays, options);
  }

  /** The calendar deadlines in the province take: its dossiers', its units', its clocks'. */
  of(provinceCode: string): WorkingCalendar {
    const corrections = this.corrections.get(provinceCode);
    if (!corrections?.length) return this.national;
    let calendar = this.built.get(provinceCode);
    if (!calendar) {
      calendar = new WorkingCalendar(withoutMarks(effectiveCalendarDays(this.nationalDays, corrections)), this.options);
      this.built.set(provinceCode, calendar);
    }
    return calendar;
  }
}
