import { addDays } from '@onestop/calendar';
import { ReportingProblems } from '../problems';
import { IndicatorGrouping, TIME_GROUPINGS } from './dto/indicators-query.dto';

/** What an indicators answer is grouped by: `by` (the whole scope when none), then `then` inside it. */
export interface Groupings {
  by: IndicatorGrouping | 'scope';
  then: IndicatorGrouping | null;
}

export function isTimeGrouping(grouping: IndicatorGrouping | 'scope' | null): grouping is 'day' | 'week' {
  return grouping !== null && grouping !== 'scope' && TIME_GROUPINGS.includes(grouping);
}

/**
 * The groupings of a query, checked together (the DTO has checked each value on its own). Day and
 * week together would only split each week into its days, which groupBy=day already gives.
 */
export function groupingsOf(groupBy: IndicatorGrouping | undefined, thenBy: IndicatorGrouping | undefined): Groupings {
  if (thenBy !== undefined) {
    if (groupBy === undefined) throw ReportingProblems.thenByWithoutGroupBy();
    if (thenBy === groupBy) throw ReportingProblems.thenBySameAsGroupBy(groupBy);
    if (isTimeGrouping(groupBy) && isTimeGrouping(thenBy)) throw ReportingProblems.twoTimeGroupings(groupBy, thenBy);
  }
  return { by: groupBy ?? 'scope', then: thenBy ?? null };
}

/** Days since the Monday of a local date's ISO week (0 on Monday, 6 on Sunday). */
function daysSinceMonday(day: string): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** The key of the week a day falls in: its Monday, or the period's first day for a week begun before it. */
export function weekKey(day: string, periodFrom: string): string {
  const monday = addDays(day, -daysSinceMonday(day));
  return monday < periodFrom ? periodFrom : monday;
}

/** Whether a day ends its week within the period: a Sunday, or the period's last day. */
export function endsWeek(day: string, periodTo: string): boolean {
  return daysSinceMonday(day) === 6 || day === periodTo;
}
