import { FieldProblem } from '@onestop/contracts';
import { zodFieldProblem } from '@onestop/platform';
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

const calendarDayFields = z.strictObject({
  date: z.iso.date('must be a local date YYYY-MM-DD'),
  kind: z.enum(['holiday', 'working-day']),
  name: z.strictObject({ vi: z.string().min(1), en: z.string().min(1) }),
  basis: z.enum(['law', 'decision', 'assumed']),
  source: z.string().min(1).optional(),
});

/**
 * The checks of a day against the weekly rule. `cancels` gives, for a province's corrections, the
 * national exceptions a correction may take back: a weekday the nation has off may be 'working-day'
 * (the province works it), a weekend day the nation works may be 'holiday' (the province rests).
 */
function calendarDayChecks(cancels?: (date: string) => CalendarDay['kind'] | undefined) {
  const nothingToTakeBack = cancels ? ' and has no national exception to take back' : '';
  return calendarDayFields.superRefine(
    (day, ctx) => {
      // A holiday on a weekend or a "working" weekday changes nothing: it is almost always a typo.
      const weekend = isWeekend(dayNumberOf(day.date));
      if (day.kind === 'holiday' && weekend && cancels?.(day.date) !== 'working-day') {
        ctx.addIssue({
          code: 'custom',
          path: ['date'],
          params: { code: 'weekendAlreadyOff' },
          message: `${day.date} is a weekend day, already off${nothingToTakeBack}`,
        });
      }
      if (day.kind === 'working-day' && !weekend && cancels?.(day.date) !== 'holiday') {
        ctx.addIssue({
          code: 'custom',
          path: ['date'],
          params: { code: 'weekdayAlreadyWorked' },
          message: `${day.date} is a weekday, already worked${nothingToTakeBack}`,
        });
      }
      if (day.basis === 'assumed' && !day.source) {
        ctx.addIssue({
          code: 'custom',
          path: ['source'],
          params: { code: 'isNotEmpty' },
          message: 'an assumed day must say what it was derived from',
        });
      }
    },
    // These checks read the fields, so they wait until the fields themselves are valid.
    { when: (payload) => payload.issues.length === 0 },
  );
}

export const calendarDaySchema = calendarDayChecks();

/**
 * True for a province's correction that gives a date back to the weekly rule: a weekday worked or
 * a weekend day off, taking back the national holiday or swapped working day of that date.
 */
export function restoresWeeklyRule(day: Pick<CalendarDay, 'date' | 'kind'>): boolean {
  return isWeekend(dayNumberOf(day.date)) === (day.kind === 'holiday');
}

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
    if (first !== undefined)
      throw new Error(`invalid calendar days: [${index}].date ${day.date} is already listed at [${first}]`);
    firstIndexOf.set(day.date, index);
  });
  return result.data;
}

function pathOf(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path
    .map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`))
    .join('')
    .replace(/^\./, '');
}

/** Every problem of a list of calendar days, field by field (`days.3.date`), for an API to report. */
export function calendarDayProblems(input: unknown, field = 'days'): FieldProblem[] {
  return problemsOf(calendarDaySchema, input, field);
}

/**
 * Every problem of a province's corrections of a year, field by field, given the national days of
 * that year: besides holidays and swapped working days, a correction may take back a national one.
 */
export function calendarCorrectionProblems(
  input: unknown,
  national: readonly CalendarDay[],
  field = 'days',
): FieldProblem[] {
  const kinds = new Map(national.map((day) => [day.date, day.kind]));
  return problemsOf(
    calendarDayChecks((date) => kinds.get(date)),
    input,
    field,
  );
}

/** Any weekday may be worked and any weekend day rested in a correction that takes back a national day. */
const correctionAsPublished = calendarDayChecks((date) => (isWeekend(dayNumberOf(date)) ? 'working-day' : 'holiday'));

/**
 * Validates a province's corrections as another service published them: each day well formed and
 * listed once. Whether a correction takes back a national day was checked where it was made, against
 * the national days there; merged with this service's national days, one that takes back nothing
 * leaves its date to the weekly rule.
 */
export function parseCalendarCorrections(input: unknown): CalendarDay[] {
  const result = z.array(correctionAsPublished).safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${pathOf(issue.path)} ${issue.message}`);
    throw new Error(`invalid calendar corrections: ${problems.join('; ')}`);
  }
  const seen = new Set<string>();
  for (const day of result.data) {
    if (seen.has(day.date)) throw new Error(`invalid calendar corrections: ${day.date} is listed twice`);
    seen.add(day.date);
  }
  return result.data;
}

function problemsOf(schema: z.ZodType<CalendarDay>, input: unknown, field: string): FieldProblem[] {
  const result = z.array(schema).max(60).safeParse(input);
  if (!result.success) {
    return result.error.issues.map((issue) => zodFieldProblem(issue, field));
  }
  const seen = new Set<string>();
  return result.data.flatMap((day, index) => {
    if (seen.has(day.date))
      return [{ field: `${field}.${index}.date`, code: 'duplicate', message: `${day.date} is listed twice` }];
    seen.add(day.date);
    return [];
  });
}
