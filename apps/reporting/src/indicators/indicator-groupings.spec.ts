import { ProblemException } from '@onestop/platform';
import { endsWeek, groupingsOf, weekKey } from './indicator-groupings';

function refusal(run: () => unknown) {
  try {
    run();
  } catch (error) {
    return (error as ProblemException).getResponse();
  }
  throw new Error('expected a refusal');
}

describe('groupingsOf', () => {
  it('groups the whole scope without groupBy, and by one or two groupings', () => {
    expect(groupingsOf(undefined, undefined)).toEqual({ by: 'scope', then: null });
    expect(groupingsOf('commune', undefined)).toEqual({ by: 'commune', then: null });
    expect(groupingsOf('commune', 'week')).toEqual({ by: 'commune', then: 'week' });
    expect(groupingsOf('week', 'procedure')).toEqual({ by: 'week', then: 'procedure' });
  });

  it.each([
    [undefined, 'week', 'requires', { field: 'groupBy' }],
    ['commune', 'commune', 'notEqual', { field: 'groupBy', value: 'commune' }],
    ['day', 'week', 'notWith', { field: 'groupBy', value: 'day' }],
    ['week', 'day', 'notWith', { field: 'groupBy', value: 'week' }],
  ] as const)('refuses groupBy %s with thenBy %s, naming thenBy', (groupBy, thenBy, code, params) => {
    expect(refusal(() => groupingsOf(groupBy, thenBy))).toMatchObject({
      status: 400,
      errors: [{ field: 'thenBy', code, params }],
    });
  });
});

describe('weeks', () => {
  it('keys a day by the Monday of its ISO week, or by the first day of a period begun mid-week', () => {
    // Wednesday 4 November 2026 starts the period; Monday 2 November is before it.
    expect(weekKey('2026-11-04', '2026-11-04')).toBe('2026-11-04');
    expect(weekKey('2026-11-08', '2026-11-04')).toBe('2026-11-04'); // Sunday, same week
    expect(weekKey('2026-11-09', '2026-11-04')).toBe('2026-11-09'); // Monday
    expect(weekKey('2026-11-15', '2026-11-04')).toBe('2026-11-09');
    expect(weekKey('2027-01-01', '2026-12-01')).toBe('2026-12-28'); // across the year's end
  });

  it('ends a week on its Sunday or on the last day of the period', () => {
    expect(endsWeek('2026-11-08', '2026-11-18')).toBe(true);
    expect(endsWeek('2026-11-09', '2026-11-18')).toBe(false);
    expect(endsWeek('2026-11-18', '2026-11-18')).toBe(true);
  });
});
