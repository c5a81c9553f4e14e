import { customPeriod, defaultPeriod, periodContaining, periodFromSearch, taskPeriodOf } from './period';

const TODAY = '2026-12-03';

describe("the dashboard's period", () => {
  it('defaults to this month to date', () => {
    expect(defaultPeriod(TODAY)).toEqual({ kind: 'month', from: '2026-12-01', to: '2026-12-03' });
  });

  it('gives whole past periods and cuts the current one at today', () => {
    expect(periodContaining('month', '2026-11-17', TODAY)).toEqual({
      kind: 'month',
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(periodContaining('month', '2024-02-10', TODAY)).toEqual({
      kind: 'month',
      from: '2024-02-01',
      to: '2024-02-29',
    });
    expect(periodContaining('quarter', '2026-08-31', TODAY)).toEqual({
      kind: 'quarter',
      from: '2026-07-01',
      to: '2026-09-30',
    });
    expect(periodContaining('quarter', TODAY, TODAY)).toEqual({ kind: 'quarter', from: '2026-10-01', to: TODAY });
    expect(periodContaining('year', '2025-06-01', TODAY)).toEqual({
      kind: 'year',
      from: '2025-01-01',
      to: '2025-12-31',
    });
    expect(periodContaining('day', '2026-11-30', TODAY)).toEqual({ kind: 'day', from: '2026-11-30', to: '2026-11-30' });
  });

  it('starts weeks on Monday', () => {
    // 3 December 2026 is a Thursday; 29 November a Sunday.
    expect(periodContaining('week', TODAY, TODAY)).toEqual({ kind: 'week', from: '2026-11-30', to: TODAY });
    expect(periodContaining('week', '2026-11-29', TODAY)).toEqual({
      kind: 'week',
      from: '2026-11-23',
      to: '2026-11-29',
    });
  });

  it('accepts a custom range in order and at most 366 days long', () => {
    expect(customPeriod('2026-11-05', '2026-11-20')).toEqual({ kind: 'custom', from: '2026-11-05', to: '2026-11-20' });
    expect(customPeriod('2026-11-20', '2026-11-05')).toBeNull();
    expect(customPeriod('2025-01-01', '2026-01-02')).toBeNull();
    expect(customPeriod('2026-02-30', '2026-03-02')).toBeNull();
  });

  it('reads the URL, falling back to this month to date for a missing or wrong period', () => {
    expect(periodFromSearch(new URLSearchParams('period=week&from=2026-11-25&to=2026-11-25'), TODAY)).toEqual({
      kind: 'week',
      from: '2026-11-23',
      to: '2026-11-29',
    });
    expect(periodFromSearch(new URLSearchParams('period=custom&from=2026-10-01&to=2026-10-10'), TODAY)).toEqual({
      kind: 'custom',
      from: '2026-10-01',
      to: '2026-10-10',
    });
    expect(periodFromSearch(new URLSearchParams('period=fortnight&from=2026-10-01&to=2026-10-10'), TODAY)).toEqual(
      defaultPeriod(TODAY),
    );
    expect(periodFromSearch(new URLSearchParams(''), TODAY)).toEqual(defaultPeriod(TODAY));
  });

  it("names the tasks' calendar period", () => {
    expect(taskPeriodOf({ kind: 'quarter', from: '2026-10-01', to: TODAY })).toBe('2026-Q4');
    expect(taskPeriodOf({ kind: 'year', from: '2026-01-01', to: TODAY })).toBe('2026');
    expect(taskPeriodOf({ kind: 'month', from: '2026-11-01', to: '2026-11-30' })).toBe('2026-11');
    expect(taskPeriodOf({ kind: 'custom', from: '2026-10-20', to: '2026-11-02' })).toBe('2026-11');
  });
});
