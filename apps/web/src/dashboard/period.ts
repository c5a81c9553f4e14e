/**
 * The dashboard's period: a kind (day … year, or a custom range) and its local days, both ends
 * included, as the reporting API takes them (YYYY-MM-DD in Huế's calendar). Pure date arithmetic on
 * calendar days, so the device's time zone never shifts a day.
 */
export const PERIOD_KINDS = ['day', 'week', 'month', 'quarter', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  kind: PeriodKind;
  from: string;
  to: string;
}

/** The reporting API refuses a period longer than this. */
export const MAX_PERIOD_DAYS = 366;

const DAY_MS = 86_400_000;
const LOCAL_DAY = /^\d{4}-\d{2}-\d{2}$/;

function toUtc(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return dayOf(new Date(toUtc(day).getTime() + days * DAY_MS));
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / DAY_MS);
}

function isLocalDay(value: string | null): value is string {
  return value !== null && LOCAL_DAY.test(value) && dayOf(toUtc(value)) === value;
}

function lastDayOfMonth(year: number, monthIndex: number): string {
  return dayOf(new Date(Date.UTC(year, monthIndex + 1, 0)));
}

/** The period of a kind that holds `anchor`, ending no later than `today`: "this month" is this month to date. */
export function periodContaining(kind: Exclude<PeriodKind, 'custom'>, anchor: string, today: string): Period {
  const date = toUtc(anchor);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  let from: string;
  let to: string;
  switch (kind) {
    case 'day':
      from = to = anchor;
      break;
    case 'week': {
      // Weeks start on Monday, as Vietnamese calendars print them.
      from = addDays(anchor, -((date.getUTCDay() + 6) % 7));
      to = addDays(from, 6);
      break;
    }
    case 'month':
      from = dayOf(new Date(Date.UTC(year, month, 1)));
      to = lastDayOfMonth(year, month);
      break;
    case 'quarter': {
      const first = month - (month % 3);
      from = dayOf(new Date(Date.UTC(year, first, 1)));
      to = lastDayOfMonth(year, first + 2);
      break;
    }
    case 'year':
      from = `${year}-01-01`;
      to = `${year}-12-31`;
      break;
  }
  return { kind, from, to: to > today && from <= today ? today : to };
}

export function defaultPeriod(today: string): Period {
  return periodContaining('month', today, today);
}

/** A custom range in order and within the API's length, or null. */
export function customPeriod(from: string, to: string): Period | null {
  if (!isLocalDay(from) || !isLocalDay(to) || to < from || daysBetween(from, to) + 1 > MAX_PERIOD_DAYS) return null;
  return { kind: 'custom', from, to };
}

/** The period the URL names (?period=month&from=…&to=…), or this month to date when it names none or a wrong one. */
export function periodFromSearch(search: URLSearchParams, today: string): Period {
  const kind = search.get('period') as PeriodKind | null;
  const from = search.get('from');
  const to = search.get('to');
  if (!kind || !PERIOD_KINDS.includes(kind) || !isLocalDay(from) || !isLocalDay(to)) return defaultPeriod(today);
  if (kind === 'custom') return customPeriod(from, to) ?? defaultPeriod(today);
  // A named kind is recomputed from its first day, so a hand-edited URL cannot give "a month" of 40 days.
  return periodContaining(kind, from, today);
}

/** The tasks' calendar period (YYYY-MM, YYYY-Qn or YYYY) for a period: its own for a month, quarter or year, else the month it ends in. */
export function taskPeriodOf(period: Period): string {
  const [year, month] = period.from.split('-');
  if (period.kind === 'year') return year;
  if (period.kind === 'quarter') return `${year}-Q${Math.floor((Number(month) - 1) / 3) + 1}`;
  if (period.kind === 'month') return `${year}-${month}`;
  return period.to.slice(0, 7);
}
