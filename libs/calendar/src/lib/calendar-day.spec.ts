import {
  CalendarDay,
  calendarCorrectionProblems,
  parseCalendarCorrections,
  parseCalendarDays,
  restoresWeeklyRule,
} from './calendar-day';
import { DEFAULT_CALENDAR_DAYS } from './default-calendar';

const tetMonday: CalendarDay = {
  date: '2026-02-16',
  kind: 'holiday',
  name: { vi: 'Tết Nguyên đán', en: 'Lunar New Year' },
  basis: 'decision',
};
const workingSaturday: CalendarDay = {
  date: '2025-04-26',
  kind: 'working-day',
  name: { vi: 'Làm bù', en: 'Working Saturday' },
  basis: 'decision',
};

describe('parseCalendarDays', () => {
  it('accepts holidays on weekdays and working days on weekends', () => {
    expect(parseCalendarDays([tetMonday, workingSaturday])).toEqual([tetMonday, workingSaturday]);
  });

  it.each([
    ['an impossible date', { date: '2026-02-30' }, /\[1\]\.date must be a local date/],
    ['an unknown kind', { kind: 'day-off' }, /\[1\]\.kind/],
    ['an empty name', { name: { vi: '', en: 'x' } }, /\[1\]\.name\.vi/],
    ['an unknown basis', { basis: 'rumour' }, /\[1\]\.basis/],
    ['a holiday on a weekend', { date: '2026-02-14' }, /\[1\]\.date 2026-02-14 is a weekend day/],
    ['an assumed day without a source', { basis: 'assumed' }, /\[1\]\.source/],
  ])('names the index and field of %s', (_label, change, message) => {
    expect(() => parseCalendarDays([workingSaturday, { ...tetMonday, ...change }])).toThrow(message);
  });

  it('refuses a working day that is already a weekday', () => {
    expect(() => parseCalendarDays([{ ...workingSaturday, date: '2025-04-25' }])).toThrow(
      /\[0\]\.date 2025-04-25 is a weekday/,
    );
  });

  it('refuses a date listed twice', () => {
    expect(() => parseCalendarDays([tetMonday, workingSaturday, tetMonday])).toThrow(
      /\[2\]\.date 2026-02-16 is already listed at \[0\]/,
    );
  });

  it('refuses input that is not a list', () => {
    expect(() => parseCalendarDays({ days: [] })).toThrow(/\(root\)/);
  });
});

describe("a province's corrections", () => {
  const national = [tetMonday, workingSaturday];
  const worked = (date: string): CalendarDay => ({
    date,
    kind: 'working-day',
    name: { vi: 'Làm việc', en: 'Worked' },
    basis: 'decision',
  });
  const rested = (date: string): CalendarDay => ({
    date,
    kind: 'holiday',
    name: { vi: 'Nghỉ', en: 'Day off' },
    basis: 'decision',
  });

  it('may take back a national holiday (worked) or a national working Saturday (rested)', () => {
    expect(calendarCorrectionProblems([worked('2026-02-16'), rested('2025-04-26')], national)).toEqual([]);
    expect([worked('2026-02-16'), rested('2025-04-26'), tetMonday, workingSaturday].map(restoresWeeklyRule)).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('refuses, naming the field, a worked weekday or a rested weekend day with no national day to take back', () => {
    expect(calendarCorrectionProblems([tetMonday, worked('2026-02-24'), rested('2026-02-21')], national)).toEqual([
      {
        field: 'days.1.date',
        code: 'weekdayAlreadyWorked',
        message: '2026-02-24 is a weekday, already worked and has no national exception to take back',
      },
      {
        field: 'days.2.date',
        code: 'weekendAlreadyOff',
        message: '2026-02-21 is a weekend day, already off and has no national exception to take back',
      },
    ]);
  });

  it('checks the fields and the repeated dates as for the national days', () => {
    expect(calendarCorrectionProblems([{ ...tetMonday, basis: 'rumour' }], national)).toEqual([
      {
        field: 'days.0.basis',
        code: 'isIn',
        message: expect.any(String),
        params: { allowed: ['law', 'decision', 'assumed'] },
      },
    ]);
    expect(calendarCorrectionProblems([tetMonday, tetMonday], national)).toEqual([
      { field: 'days.1.date', code: 'duplicate', message: '2026-02-16 is listed twice' },
    ]);
  });

  it('are read back from an event whatever the national days of the service that reads them', () => {
    expect(parseCalendarCorrections([worked('2026-02-24'), rested('2026-02-21'), tetMonday])).toHaveLength(3);
    expect(() => parseCalendarCorrections([tetMonday, tetMonday])).toThrow(/2026-02-16 is listed twice/);
    expect(() => parseCalendarCorrections([{ ...tetMonday, basis: 'assumed' }])).toThrow(/\[0\]\.source/);
    expect(() => parseCalendarCorrections([{ ...tetMonday, date: '2026-02-30' }])).toThrow(/\[0\]\.date/);
  });
});

describe('DEFAULT_CALENDAR_DAYS', () => {
  const dates = (year: string) =>
    DEFAULT_CALENDAR_DAYS.filter((day) => day.date.startsWith(year)).map((day) => day.date);

  it('covers 2025 to 2027', () => {
    for (const year of ['2025', '2026', '2027']) {
      expect(dates(year)).toEqual(expect.arrayContaining([`${year}-01-01`, `${year}-04-30`, `${year}-09-02`]));
    }
  });

  it('has the decided Tết 2026, Monday 16 to Friday 20 February', () => {
    const tet = DEFAULT_CALENDAR_DAYS.filter((day) => day.date >= '2026-02-01' && day.date <= '2026-02-28');
    expect(tet.map((day) => day.date)).toEqual(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
    expect(tet.every((day) => day.kind === 'holiday' && day.basis === 'decision')).toBe(true);
  });

  it('has the 2025 swap: Friday 2 May off, Saturday 26 April worked', () => {
    expect(DEFAULT_CALENDAR_DAYS).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ date: '2025-05-02', kind: 'holiday' }),
        expect.objectContaining({ date: '2025-04-26', kind: 'working-day' }),
      ]),
    );
  });

  it('asks for confirmation of every assumed day', () => {
    const assumed = DEFAULT_CALENDAR_DAYS.filter((day) => day.basis === 'assumed');
    expect(assumed.map((day) => day.date)).toEqual(expect.arrayContaining(['2026-04-27', '2027-02-04', '2027-04-16']));
    assumed.forEach((day) => expect(day.source).toMatch(/must confirm/));
  });
});
