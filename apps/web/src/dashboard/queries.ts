import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/clients';
import type { operations } from '../api/generated/reporting';
import { Period, taskPeriodOf } from './period';

/** The dashboard is live: every figure is asked again this often while the tab is shown (TanStack Query pauses hidden tabs). */
export const LIVE_REFRESH_MS = 5_000;

const live = { refetchInterval: LIVE_REFRESH_MS, placeholderData: keepPreviousData } as const;

/** The indicators' endpoints also answer CSV (format=csv); asked without it they answer JSON, which is all the dashboard reads. */
function json<T>(answer: T | string): T {
  if (typeof answer === 'string') throw new TypeError('the reporting service answered text where JSON was asked for');
  return answer;
}

export type IndicatorGrouping = NonNullable<
  operations['IndicatorsController_indicators']['parameters']['query']['groupBy']
>;

export interface IndicatorsAsked {
  unit?: string | null;
  groupBy?: IndicatorGrouping;
  /** A second grouping inside the first (rows carry it in subKey): commune × week for the heat map. */
  thenBy?: IndicatorGrouping;
}

/** Counts, indicators and 766 points of the scope (the province, or one unit) for the period, optionally one row per group. */
export function useIndicators(period: Period, { unit, groupBy, thenBy }: IndicatorsAsked) {
  return useQuery({
    queryKey: ['dashboard', 'indicators', period.from, period.to, unit ?? null, groupBy ?? null, thenBy ?? null],
    queryFn: () =>
      unwrap(
        api.reporting.GET('/api/v1/indicators', {
          params: {
            query: {
              from: period.from,
              to: period.to,
              ...(unit ? { unit } : {}),
              ...(groupBy ? { groupBy } : {}),
              ...(thenBy ? { thenBy } : {}),
            },
          },
        }),
      ).then(json),
    ...live,
  });
}

/** The province's units ranked by 766 points for the period (a unit leader's own row). */
export function useRankings(period: Period) {
  return useQuery({
    queryKey: ['dashboard', 'rankings', period.from, period.to],
    queryFn: () =>
      unwrap(
        api.reporting.GET('/api/v1/indicators/rankings', { params: { query: { from: period.from, to: period.to } } }),
      ).then(json),
    ...live,
  });
}

/** Where each commune stands on the province's tasks due in the period's month, quarter or year. */
export function useTaskProgress(period: Period) {
  const taskPeriod = taskPeriodOf(period);
  return useQuery({
    queryKey: ['dashboard', 'task-progress', taskPeriod],
    queryFn: () => unwrap(api.reporting.GET('/api/v1/task-progress', { params: { query: { period: taskPeriod } } })),
    ...live,
  });
}

/** How many open dossiers of each unit in scope (a unit leader: his own) are late or due within a working day, now. */
export function useDeadlineCounts(unit: string | null) {
  return useQuery({
    queryKey: ['dashboard', 'deadlines', unit],
    queryFn: () =>
      unwrap(api.reporting.GET('/api/v1/indicators/deadlines', { params: { query: unit ? { unit } : {} } })),
    ...live,
  });
}

const DOSSIER_PAGE = 20;

/** A unit's open dossiers that are late (most overdue first) or due soon (soonest first), optionally of one procedure, a page at a time. */
export function useOpenDossiers(unit: string, procedure: string | null, state: 'late' | 'due-soon') {
  return useInfiniteQuery({
    queryKey: ['dashboard', 'open-dossiers', unit, procedure, state],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.reporting.GET('/api/v1/indicators/dossiers', {
          params: {
            query: {
              unit,
              state,
              limit: DOSSIER_PAGE,
              ...(procedure ? { procedure } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    ...live,
  });
}
