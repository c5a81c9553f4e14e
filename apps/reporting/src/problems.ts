import { invalidRequest } from '@onestop/platform';

/**
 * Every problem the reporting service answers with besides the platform's own (validation of each
 * field, authentication, roles): the checks that need two query parameters at once, each naming
 * the parameter to change.
 */
export const ReportingProblems = {
  thenByWithoutGroupBy: () =>
    invalidRequest([{ field: 'thenBy', code: 'requires', message: 'needs groupBy', params: { field: 'groupBy' } }]),
  thenBySameAsGroupBy: (groupBy: string) =>
    invalidRequest([
      {
        field: 'thenBy',
        code: 'notEqual',
        message: `must differ from groupBy (${groupBy})`,
        params: { field: 'groupBy', value: groupBy },
      },
    ]),
  twoTimeGroupings: (groupBy: string, thenBy: string) =>
    invalidRequest([
      {
        field: 'thenBy',
        code: 'notWith',
        message: `cannot be ${thenBy} with groupBy ${groupBy}: both group by time`,
        params: { field: 'groupBy', value: groupBy },
      },
    ]),
  periodEndsBeforeStart: (from: string) =>
    invalidRequest([
      { field: 'to', code: 'minDate', message: `must not be before from (${from})`, params: { min: from } },
    ]),
  periodTooLong: (from: string, days: number, maxDays: number) =>
    invalidRequest([
      {
        field: 'to',
        code: 'maxPeriodDays',
        params: { max: maxDays },
        message: `must be at most ${maxDays} days from ${from}, both included (asked for ${days})`,
      },
    ]),
};
