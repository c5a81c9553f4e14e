/** A calendar month, quarter or year, as the first and last dates it covers. */
export interface TaskPeriod {
  period: string;
  firstDay: string;
  lastDay: string;
}

export const TASK_PERIOD_PATTERN = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$/;

/** Parses YYYY, YYYY-MM or YYYY-Qn, which the DTO has matched against TASK_PERIOD_PATTERN. */
export function taskPeriod(period: string): TaskPeriod {
  const match = TASK_PERIOD_PATTERN.exec(period);
  if (!match) throw new RangeError(`${period} is not a period YYYY, YYYY-MM or YYYY-Qn`);
  const year = Number(match[1]);
  const [firstMonth, months] = match[2] ? [Number(match[2]), 1] : match[3] ? [(Number(match[3]) - 1) * 3 + 1, 3] : [1, 12];
  const first = new Date(Date.UTC(year, firstMonth - 1, 1));
  // Day 0 of the month after the period is its last day.
  const last = new Date(Date.UTC(year, firstMonth - 1 + months, 0));
  return { period, firstDay: first.toISOString().slice(0, 10), lastDay: last.toISOString().slice(0, 10) };
}
