import { CalendarDay } from './calendar-day';
import { DEFAULT_CALENDAR_DAYS } from './default-calendar';
import { effectiveCalendarDays, ProvinceCalendars, withoutMarks } from './province-calendar';

/** An instant given in Vietnam local time, 'YYYY-MM-DDTHH:MM'. */
const at = (local: string) => new Date(`${local}:00+07:00`);
const threeDays = { unit: 'working-days' as const, amount: 3 };

const day = (date: string, kind: CalendarDay['kind'], name = 'Điều chỉnh'): CalendarDay => ({
  date,
  kind,
  name: { vi: name, en: name },
  basis: 'decision',
});

/** National: Friday 1 January 2027 off; Saturday 9 January worked in a swap; Friday 15 January off. */
const national = [
  day('2027-01-01', 'holiday', 'Tết Dương lịch'),
  day('2027-01-08', 'holiday', 'Nghỉ bù'),
  day('2027-01-09', 'working-day', 'Làm bù'),
];

describe('effectiveCalendarDays', () => {
  it('is the national calendar, unmarked, for a province without corrections', () => {
    expect(effectiveCalendarDays(national, [])).toEqual(national.map((d) => ({ ...d, correction: false })));
  });

  it("adds the province's own holidays and worked Saturdays, marked, in date order", () => {
    const corrections = [day('2027-01-16', 'working-day'), day('2027-01-05', 'holiday')];
    expect(effectiveCalendarDays(national, corrections).map((d) => [d.date, d.kind, d.correction])).toEqual([
      ['2027-01-01', 'holiday', false],
      ['2027-01-05', 'holiday', true],
      ['2027-01-08', 'holiday', false],
      ['2027-01-09', 'working-day', false],
      ['2027-01-16', 'working-day', true],
    ]);
  });

  it('replaces the national day of the same date: a confirmed or renamed holiday is the correction', () => {
    const confirmed = {
      ...day('2027-01-08', 'holiday', 'Nghỉ bù theo quyết định của tỉnh'),
      source: 'Quyết định 12/QĐ-UBND',
    };
    const days = effectiveCalendarDays(national, [confirmed]);
    expect(days.filter((d) => d.date === '2027-01-08')).toEqual([{ ...confirmed, correction: true }]);
    expect(days).toHaveLength(3);
  });

  it('takes back a national holiday the province works, and a national working Saturday it rests', () => {
    const days = effectiveCalendarDays(national, [day('2027-01-08', 'working-day'), day('2027-01-09', 'holiday')]);
    expect(days.map((d) => d.date)).toEqual(['2027-01-01']);
  });

  it('leaves a date to the weekly rule when a correction takes back a national day that is not there', () => {
    expect(effectiveCalendarDays([], [day('2027-01-08', 'working-day'), day('2027-01-09', 'holiday')])).toEqual([]);
  });

  it('gives days a WorkingCalendar accepts once the marks are taken off', () => {
    const days = withoutMarks(
      effectiveCalendarDays(national, [day('2027-01-05', 'holiday'), day('2027-01-09', 'holiday')]),
    );
    expect(days.every((d) => !('correction' in d))).toBe(true);
    expect(() => new ProvinceCalendars(days, new Map())).not.toThrow();
  });
});

describe('ProvinceCalendars', () => {
  // Huế (46) rests on Tuesday 5 January 2027; Hà Nội (01) works Friday 1 January.
  const calendars = new ProvinceCalendars(
    DEFAULT_CALENDAR_DAYS,
    new Map([
      ['46', [day('2027-01-05', 'holiday')]],
      ['01', [day('2027-01-01', 'working-day')]],
    ]),
  );

  it("computes each province's deadlines on its own calendar", () => {
    const monday = at('2027-01-04T09:00');
    expect(calendars.national.deadline(monday, threeDays)).toEqual(at('2027-01-07T09:00'));
    expect(calendars.of('46').deadline(monday, threeDays)).toEqual(at('2027-01-08T09:00'));
    expect(calendars.of('01').deadline(monday, threeDays)).toEqual(at('2027-01-07T09:00'));
    expect(calendars.of('01').isWorkingDay('2027-01-01')).toBe(true);
    expect(calendars.of('46').isWorkingDay('2027-01-01')).toBe(false);
  });

  it('gives a province without corrections the national calendar, and builds each other one once', () => {
    expect(calendars.of('48')).toBe(calendars.national);
    expect(calendars.of('46')).toBe(calendars.of('46'));
    expect(calendars.of('46')).not.toBe(calendars.of('01'));
  });

  it("does not let one province's corrections reach another", () => {
    expect(calendars.of('48').isWorkingDay('2027-01-05')).toBe(true);
    expect(calendars.of('01').isWorkingDay('2027-01-05')).toBe(true);
    expect(calendars.of('48').isWorkingDay('2027-01-01')).toBe(false);
  });
});
