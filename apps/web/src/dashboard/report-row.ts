import type { components } from '../api/generated/reporting';

/**
 * Reading one row of the indicators answer. Its counts, indicators and score are open objects in the
 * API's document, so they are read here, once, by the names the reporting service gives them.
 */
export type IndicatorRow = components['schemas']['IndicatorRowDto'];

export interface Ratio {
  numerator: number;
  denominator: number;
  value: number | null;
}

export interface Points {
  points: number;
  maxPoints: number;
  assessedMaxPoints: number;
}

interface IndicatorScore {
  id: string;
  points: number;
  maxPoints: number;
  assessed: boolean;
}

export const STATUS_COUNTS = [
  'received',
  'resolved',
  'refused',
  'stopped',
  'withdrawn',
  'openWithinDeadline',
  'openOverdue',
] as const;
export type StatusCount = (typeof STATUS_COUNTS)[number];

export function count(row: IndicatorRow, name: string): number {
  const value = (row.counts as Record<string, unknown>)[name];
  return typeof value === 'number' ? value : 0;
}

export function ratioOf(row: IndicatorRow, name: string): Ratio {
  const value = (row.indicators as Record<string, unknown>)[name] as Ratio | undefined;
  return value ?? { numerator: 0, denominator: 0, value: null };
}

/** Average working time from receipt to result, in hours; null when nothing was resolved. */
export function averageProcessingHours(row: IndicatorRow): number | null {
  const resolved = count(row, 'resolved');
  return resolved === 0 ? null : Math.round((count(row, 'processingMinutesSum') / resolved / 60) * 10) / 10;
}

function score(row: IndicatorRow): {
  total?: Points;
  groups?: Array<Points & { group: string }>;
  indicators?: IndicatorScore[];
} {
  return row.score as never;
}

export function totalPoints(row: IndicatorRow): Points {
  return score(row).total ?? { points: 0, maxPoints: 0, assessedMaxPoints: 0 };
}

/** One indicator's points by its catalogue id (progress.onTimeOrWithinDeadline…), null when the service does not score it. */
export function indicatorPoints(row: IndicatorRow, id: string): Points | null {
  const found = score(row).indicators?.find((indicator) => indicator.id === id);
  return found
    ? { points: found.points, maxPoints: found.maxPoints, assessedMaxPoints: found.assessed ? found.maxPoints : 0 }
    : null;
}

/** A group's points (satisfaction…); assessedMaxPoints 0 when none of its indicators could be measured. */
export function groupPoints(row: IndicatorRow, group: string): Points | null {
  return score(row).groups?.find((candidate) => candidate.group === group) ?? null;
}
