import { calendarPeriod, localDatesBetween } from './calendar-period';
import { daysBetween, endOfLocalDay, startOfLocalDay } from './local-date';

describe('calendar periods', () => {
  it('spans a month, a quarter or a year, leap days included', () => {
    expect(calendarPeriod('2028-02')).toEqual({ period: '2028-02', from: '2028-02-01', to: '2028-02-29' });
    expect(calendarPeriod('2026-Q4')).toEqual({ period: '2026-Q4', from: '2026-10-01', to: '2026-12-31' });
    expect(calendarPeriod('2026-12')).toEqual({ period: '2026-12', from: '2026-12-01', to: '2026-12-31' });
    expect(calendarPeriod('2026')).toEqual({ period: '2026', from: '2026-01-01', to: '2026-12-31' });
  });

  it('refuses what is not a period', () => {
    for (const text of ['2026-13', '2026-Q5', '2026-1', '26', '2026-03-01']) expect(calendarPeriod(text)).toBeNull();
  });

  it('lists the dates between two, both included', () => {
    expect(localDatesBetween('2026-02-27', '2026-03-02')).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
  });
});

describe('local days in Vietnam', () => {
  it('start and end at the local midnights', () => {
    expect(startOfLocalDay('2026-04-01').toISOString()).toBe('2026-03-31T17:00:00.000Z');
    expect(endOfLocalDay('2026-04-30').toISOString()).toBe('2026-04-30T17:00:00.000Z');
  });

  it('count the days between dates', () => {
    expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3);
    expect(daysBetween('2026-01-02', '2026-01-01')).toBe(-1);
  });
});
