import { counterRanges, countersSource } from './counter-ranges';

describe('counter ranges: whole months from the monthly rows, the rest by day', () => {
  it('reads a calendar year as twelve months and no days', () => {
    expect(counterRanges('2026-01-01', '2026-12-31')).toEqual({ days: [], months: ['2026-01-01', '2026-12-01'] });
  });

  it('reads the partial months at both ends day by day', () => {
    expect(counterRanges('2026-01-15', '2026-12-10')).toEqual({
      days: [
        ['2026-01-15', '2026-01-31'],
        ['2026-12-01', '2026-12-10'],
      ],
      months: ['2026-02-01', '2026-11-01'],
    });
  });

  it('reads a period inside one month, or across two without a whole one, by day only', () => {
    expect(counterRanges('2026-11-02', '2026-11-15')).toEqual({ days: [['2026-11-02', '2026-11-15']], months: null });
    expect(counterRanges('2026-11-20', '2026-12-10')).toEqual({ days: [['2026-11-20', '2026-12-10']], months: null });
  });

  it('handles February of a leap year and a year end', () => {
    expect(counterRanges('2028-02-01', '2028-02-29')).toEqual({ days: [], months: ['2028-02-01', '2028-02-01'] });
    expect(counterRanges('2026-12-01', '2027-01-31')).toEqual({ days: [], months: ['2026-12-01', '2027-01-01'] });
  });

  it('reads "since the beginning" as every month before the last partial one', () => {
    expect(counterRanges(null, '2026-11-15')).toEqual({
      days: [['2026-11-01', '2026-11-15']],
      months: ['0001-01-01', '2026-10-01'],
    });
    expect(counterRanges(null, '2026-10-31')).toEqual({ days: [], months: ['0001-01-01', '2026-10-01'] });
  });

  it('numbers the ranges’ parameters after the scope’s two', () => {
    const { sql, parameters } = countersSource(counterRanges('2026-01-15', '2026-12-31'), ['received']);
    expect(parameters).toEqual(['2026-01-15', '2026-01-31', '2026-02-01', '2026-12-01']);
    expect(sql).toContain('day BETWEEN $3::date AND $4::date');
    expect(sql).toContain('month BETWEEN $5::date AND $6::date');
  });
});
