/** A period of evaluation: a month, a quarter or a year, as inclusive local dates. */
export interface EvaluationPeriod {
  period: string;
  from: string;
  to: string;
}

export const PERIOD_PATTERN = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$/;

/** `2026-03`, `2026-Q1` or `2026` as the dates it spans; null for anything else. */
export function parseEvaluationPeriod(period: string): EvaluationPeriod | null {
  const match = PERIOD_PATTERN.exec(period);
  if (!match) return null;
  const year = Number(match[1]);
  const [firstMonth, months] = match[2] ? [Number(match[2]), 1] : match[3] ? [(Number(match[3]) - 1) * 3 + 1, 3] : [1, 12];
  const lastMonth = firstMonth + months - 1;
  // Day 0 of the following month is the last day of this one.
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return { period, from: `${year}-${pad(firstMonth)}-01`, to: `${year}-${pad(lastMonth)}-${pad(lastDay)}` };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
