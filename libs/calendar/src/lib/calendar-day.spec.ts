import { CalendarDay, parseCalendarDays } from './calendar-day';
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
    expect(() => parseCalendarDays([{ ...workingSaturday, date: '2025-04-25' }])).toThrow(/\[0\]\.date 2025-04-25 is a weekday/);
  });

  it('refuses a date listed twice', () => {
    expect(() => parseCalendarDays([tetMonday, workingSaturday, tetMonday])).toThrow(/\[2\]\.date 2026-02-16 is already listed at \[0\]/);
  });

  it('refuses input that is not a list', () => {
    expect(() => parseCalendarDays({ days: [] })).toThrow(/\(root\)/);
  });
});

describe('DEFAULT_CALENDAR_DAYS', () => {
  const dates = (year: string) => DEFAULT_CALENDAR_DAYS.filter((day) => day.date.startsWith(year)).map((day) => day.date);

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
