import { z } from 'zod';
import { dayNumberOf, isWeekend } from './local-date';

/**
 * A date on which the weekly rule (Monday to Friday work, weekend off) does not hold:
 * a 'holiday' is a weekday off, a 'working-day' is a weekend day worked in a swap decision.
 */
export interface CalendarDay {
  /** YYYY-MM-DD in local (Vietnam) time. */
  date: string;
  kind: 'holiday' | 'working-day';
  name: { vi: string; en: string };
  /** 'assumed' days are derived, not yet published: the province must confirm them. */
  basis: 'law' | 'decision' | 'assumed';
  /** The legal text or notice, or for an assumed day what it was derived from. */
  source?: string;
}

export const calendarDaySchema = z
  .strictObject({
    date: z.iso.date('must be a local date YYYY-MM-DD'),
    kind: z.enum(['holiday', 'working-day']),
    name: z.strictObject({ vi: z.string().min(1), en: z.string().min(1) }),
    basis: z.enum(['law', 'decision', 'assumed']),
    source: z.string().min(1).optional(),
  })
  .superRefine(
    (day, ctx) => {
      // A holiday on a weekend or a "working" weekday changes nothing: it is almost always a typo.
      const weekend = isWeekend(dayNumberOf(day.date));
      if (day.kind === 'holiday' && weekend) {
        ctx.addIssue({ code: 'custom', path: ['date'], message: `${day.date} is a weekend day, already off` });
      }
      if (day.kind === 'working-day' && !weekend) {
        ctx.addIssue({ code: 'custom', path: ['date'], message: `${day.date} is a weekday, already worked` });
      }
      if (day.basis === 'assumed' && !day.source) {
        ctx.addIssue({ code: 'custom', path: ['source'], message: 'an assumed day must say what it was derived from' });
      }
    },
    // These checks read the fields, so they wait until the fields themselves are valid.
    { when: (payload) => payload.issues.length === 0 },
  );

/** Validates calendar data; throws an Error naming the index and field of each problem. */
export function parseCalendarDays(input: unknown): CalendarDay[] {
  const result = z.array(calendarDaySchema).safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${pathOf(issue.path)} ${issue.message}`);
    throw new Error(`invalid calendar days: ${problems.join('; ')}`);
  }
  const firstIndexOf = new Map<string, number>();
  result.data.forEach((day, index) => {
    const first = firstIndexOf.get(day.date);
    if (first !== undefined) throw new Error(`invalid calendar days: [${index}].date ${day.date} is already listed at [${first}]`);
    firstIndexOf.set(day.date, index);
  });
  return result.data;
}

function pathOf(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('').replace(/^\./, '');
}

/** Every problem of a list of calendar days, field by field (`days.3.date`), for an API to report. */
export function calendarDayProblems(input: unknown, field = 'days'): { field: string; message: string }[] {
  const result = z.array(calendarDaySchema).max(60).safeParse(input);
  if (!result.success) {
    return result.error.issues.map((issue) => ({ field: [field, ...issue.path.map(String)].join('.'), message: issue.message }));
  }
  const seen = new Set<string>();
  return result.data.flatMap((day, index) => {
    if (seen.has(day.date)) return [{ field: `${field}.${index}.date`, message: `${day.date} is listed twice` }];
    seen.add(day.date);
    return [];
  });
}
