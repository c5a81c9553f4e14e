import { taskPeriod } from './task-period';

describe('task period', () => {
  it('covers a month to its last day, 29 days for February of a leap year', () => {
    expect(taskPeriod('2028-02')).toEqual({ period: '2028-02', firstDay: '2028-02-01', lastDay: '2028-02-29' });
  });

  it('covers a quarter: Q4 is October to December', () => {
    expect(taskPeriod('2026-Q4')).toEqual({ period: '2026-Q4', firstDay: '2026-10-01', lastDay: '2026-12-31' });
  });

  it('covers a whole year', () => {
    expect(taskPeriod('2026')).toEqual({ period: '2026', firstDay: '2026-01-01', lastDay: '2026-12-31' });
  });

  it('refuses month 13 and quarter 5', () => {
    expect(() => taskPeriod('2026-13')).toThrow(RangeError);
    expect(() => taskPeriod('2026-Q5')).toThrow(RangeError);
  });
});
