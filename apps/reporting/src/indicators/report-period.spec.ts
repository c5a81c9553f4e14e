import { ProblemException } from '@onestop/platform';
import { reportPeriod } from './report-period';

function problemOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return (error as ProblemException).getResponse();
  }
  throw new Error('expected a problem');
}

describe('report period', () => {
  it('ends at the local midnight after `to`: 17:00 UTC on the 30th for 30 November in Huế', () => {
    expect(reportPeriod('2026-11-01', '2026-11-30').endsBefore.toISOString()).toBe('2026-11-30T17:00:00.000Z');
  });

  it('accepts a single day and a whole leap year (366 days, both ends included)', () => {
    expect(reportPeriod('2026-11-24', '2026-11-24').endsBefore.toISOString()).toBe('2026-11-24T17:00:00.000Z');
    expect(() => reportPeriod('2028-01-01', '2028-12-31')).not.toThrow();
  });

  it('refuses `to` before `from`, naming to', () => {
    expect(problemOf(() => reportPeriod('2026-11-30', '2026-11-01'))).toMatchObject({
      status: 400,
      errors: [
        {
          field: 'to',
          code: 'minDate',
          message: 'must not be before from (2026-11-30)',
          params: { min: '2026-11-30' },
        },
      ],
    });
  });

  it('refuses 367 days, naming to', () => {
    expect(problemOf(() => reportPeriod('2028-01-01', '2029-01-01'))).toMatchObject({
      status: 400,
      errors: [{ field: 'to', code: 'maxPeriodDays', message: expect.stringContaining('asked for 367') }],
    });
  });
});
