import { DEFAULT_CALENDAR_DAYS } from './default-calendar';
import { WorkingCalendar } from './working-calendar';

/** An instant given in Vietnam local time, 'YYYY-MM-DDTHH:MM'. */
const at = (local: string) => new Date(`${local}:00+07:00`);
const days = (amount: number) => ({ unit: 'working-days' as const, amount });
const hours = (amount: number) => ({ unit: 'working-hours' as const, amount });

/** Only the weekly rule: Monday 16 to Sunday 22 November 2026 is an ordinary week. */
const plain = new WorkingCalendar([]);
const vietnam = new WorkingCalendar(DEFAULT_CALENDAR_DAYS);

describe('WorkingCalendar working days', () => {
  it('works Monday to Friday and rests at the weekend', () => {
    expect(['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23'].map((d) => plain.isWorkingDay(d))).toEqual([
      true,
      false,
      false,
      true,
    ]);
  });

  it('rests on holidays and works on a swapped Saturday', () => {
    expect(vietnam.isWorkingDay('2026-02-16')).toBe(false);
    expect(vietnam.isWorkingDay('2026-02-23')).toBe(true);
    expect(vietnam.isWorkingDay('2025-05-02')).toBe(false);
    expect(vietnam.isWorkingDay('2025-04-26')).toBe(true);
  });

  it.each([
    ['over a weekend', plain, '2026-11-20', '2026-11-23'],
    ['over Tết 2026', vietnam, '2026-02-13', '2026-02-23'],
    ['onto a working Saturday', vietnam, '2025-04-25', '2025-04-26'],
    ['over 30/4, 1/5 and the swapped 2/5', vietnam, '2025-04-29', '2025-05-05'],
  ])('finds the next working day %s', (_label, calendar, from, next) => {
    expect(calendar.nextWorkingDay(from)).toBe(next);
  });

  it('refuses a malformed local date', () => {
    expect(() => plain.isWorkingDay('2026-2-3')).toThrow(/not a local date/);
  });

  it('gives the local date of an instant in UTC+07:00', () => {
    expect(plain.localDateOf(new Date('2026-11-17T16:59:00Z'))).toBe('2026-11-17');
    expect(plain.localDateOf(new Date('2026-11-17T17:00:00Z'))).toBe('2026-11-18');
  });
});

describe('WorkingCalendar.countingStart', () => {
  it.each([
    ['during a shift', plain, '2026-11-17T09:10', '2026-11-17T09:10'],
    ['before office hours', plain, '2026-11-17T06:00', '2026-11-17T07:30'],
    ['in the lunch break', plain, '2026-11-17T12:00', '2026-11-17T13:30'],
    ['as the morning shift ends', plain, '2026-11-17T11:30', '2026-11-17T13:30'],
    ['exactly at the cut-off', plain, '2026-11-17T15:00', '2026-11-17T15:00'],
    ['after the cut-off on a Tuesday', plain, '2026-11-17T15:01', '2026-11-18T07:30'],
    ['after office hours on a Friday', plain, '2026-11-20T18:00', '2026-11-23T07:30'],
    ['on a Saturday', plain, '2026-11-21T09:00', '2026-11-23T07:30'],
    ['on a Tết holiday', vietnam, '2026-02-17T09:00', '2026-02-23T07:30'],
    ['on a working Saturday', vietnam, '2025-04-26T09:00', '2025-04-26T09:00'],
  ])('counts a dossier received %s', (_label, calendar, received, start) => {
    expect(calendar.countingStart(at(received))).toEqual(at(start));
  });
});

describe('WorkingCalendar.deadline', () => {
  it('skips Tết 2026: received Friday 13 February 10:00, one working day is due Monday 23 February 10:00', () => {
    expect(vietnam.deadline(at('2026-02-13T10:00'), days(1))).toEqual(at('2026-02-23T10:00'));
  });

  it('skips the weekend', () => {
    expect(plain.deadline(at('2026-11-20T10:00'), days(1))).toEqual(at('2026-11-23T10:00'));
    expect(plain.deadline(at('2026-11-20T10:00'), days(2))).toEqual(at('2026-11-24T10:00'));
  });

  it('counts a working Saturday and skips the swapped Friday', () => {
    expect(vietnam.deadline(at('2025-04-25T10:00'), days(1))).toEqual(at('2025-04-26T10:00'));
    expect(vietnam.deadline(at('2025-04-28T10:00'), days(3))).toEqual(at('2025-05-06T10:00'));
  });

  it('counts a dossier received after the 15:00 cut-off from the next morning', () => {
    expect(plain.deadline(at('2026-11-17T15:00'), days(1))).toEqual(at('2026-11-18T15:00'));
    expect(plain.deadline(at('2026-11-17T15:01'), days(1))).toEqual(at('2026-11-18T17:30'));
  });

  it('leaves out the lunch break', () => {
    expect(plain.deadline(at('2026-11-17T10:00'), hours(4))).toEqual(at('2026-11-17T16:00'));
  });

  it('counts a procedure in working hours across the weekend', () => {
    expect(plain.deadline(at('2026-11-20T14:00'), hours(8))).toEqual(at('2026-11-23T14:00'));
    expect(plain.deadline(at('2026-11-20T10:00'), hours(0.5))).toEqual(at('2026-11-20T10:30'));
  });

  it.each([
    ['received in the morning: the end of that day', plain, '2026-11-17T09:00', '2026-11-17T17:30'],
    ['received after the cut-off: the end of the next working day', plain, '2026-11-17T16:00', '2026-11-18T17:30'],
    ['received on a Saturday: the end of Monday', plain, '2026-11-21T09:00', '2026-11-23T17:30'],
    ['received before Tết: the end of the first day back', vietnam, '2026-02-13T16:00', '2026-02-23T17:30'],
  ])('makes zero working days the same day, %s', (_label, calendar, received, due) => {
    expect(calendar.deadline(at(received), days(0))).toEqual(at(due));
  });

  it('refuses a negative processing time', () => {
    expect(() => plain.deadline(at('2026-11-17T09:00'), hours(-1))).toThrow(/non-negative/);
  });
});

describe('WorkingCalendar.addWorkingHours', () => {
  it('ends at the end of a shift, not at the start of the next', () => {
    expect(plain.addWorkingHours(at('2026-11-16T07:30'), 4)).toEqual(at('2026-11-16T11:30'));
    expect(plain.addWorkingHours(at('2026-11-16T07:30'), 8)).toEqual(at('2026-11-16T17:30'));
    expect(plain.addWorkingHours(at('2026-11-20T13:30'), 4)).toEqual(at('2026-11-20T17:30'));
  });

  it('adds fractions of an hour, to the minute, over the lunch break', () => {
    expect(plain.addWorkingHours(at('2026-11-16T13:30'), 1.25)).toEqual(at('2026-11-16T14:45'));
    expect(plain.addWorkingHours(at('2026-11-16T11:00'), 1)).toEqual(at('2026-11-16T14:00'));
    expect(plain.addWorkingHours(at('2026-11-16T07:30'), 1 / 3)).toEqual(at('2026-11-16T07:50'));
  });

  it('starts counting at the next shift when started outside working time', () => {
    expect(plain.addWorkingHours(at('2026-11-21T10:00'), 1)).toEqual(at('2026-11-23T08:30'));
  });
});

describe('WorkingCalendar.workingHoursBetween', () => {
  it.each([
    ['over the lunch break', plain, '2026-11-17T11:00', '2026-11-17T14:00', 1],
    ['over a weekend', plain, '2026-11-20T16:00', '2026-11-23T09:00', 3],
    ['over Tết 2026', vietnam, '2026-02-13T16:00', '2026-02-23T09:00', 3],
    ['over a working Saturday', vietnam, '2025-04-25T16:00', '2025-04-28T09:00', 11],
    ['backwards', plain, '2026-11-17T14:00', '2026-11-17T11:00', 0],
  ])('counts only working time %s', (_label, calendar, from, to, expected) => {
    expect(calendar.workingHoursBetween(at(from), at(to))).toBe(expected);
  });

  it('keeps the remaining time of a clock paused while waiting on the citizen', () => {
    const received = at('2026-11-16T09:00');
    const total = 3 * plain.hoursPerDay;
    expect(plain.deadline(received, days(3))).toEqual(at('2026-11-19T09:00'));
    const used = plain.workingHoursBetween(received, at('2026-11-17T10:00'));
    expect(used).toBe(9);
    expect(plain.addWorkingHours(at('2026-11-20T14:00'), total - used)).toEqual(at('2026-11-24T11:00'));
  });

  it('measures back exactly what addWorkingHours added', () => {
    for (const start of ['2026-11-16T07:30', '2026-11-17T11:10', '2026-11-20T16:45']) {
      for (const amount of [0.25, 3.5, 8, 13.75, 40]) {
        expect(plain.workingHoursBetween(at(start), plain.addWorkingHours(at(start), amount))).toBe(amount);
      }
    }
  });
});

describe('WorkingCalendar options', () => {
  it('has 8 working hours a day by default', () => {
    expect(plain.hoursPerDay).toBe(8);
  });

  it('takes other shifts, cut-off and offset', () => {
    const morningsInUtc = new WorkingCalendar([], {
      utcOffsetMinutes: 0,
      shifts: [{ start: '08:00', end: '12:00' }],
      cutoff: '10:00',
    });
    expect(morningsInUtc.hoursPerDay).toBe(4);
    expect(morningsInUtc.deadline(new Date('2026-11-17T09:00:00Z'), days(1))).toEqual(new Date('2026-11-18T09:00:00Z'));
    expect(morningsInUtc.countingStart(new Date('2026-11-17T10:01:00Z'))).toEqual(new Date('2026-11-18T08:00:00Z'));
  });

  it.each([
    [
      'overlapping shifts',
      {
        shifts: [
          { start: '07:30', end: '12:00' },
          { start: '11:30', end: '17:00' },
        ],
      },
      /shifts must be in order/,
    ],
    [
      'a shift that ends before it starts',
      { shifts: [{ start: '12:00', end: '08:00' }] },
      /shifts\.0 must end after it starts/,
    ],
    ['no shifts', { shifts: [] }, /shifts/],
    ['a malformed cut-off', { cutoff: '3pm' }, /cutoff must be a local time HH:MM/],
  ])('refuses %s', (_label, options, message) => {
    expect(() => new WorkingCalendar([], options)).toThrow(message);
  });
});

describe('WorkingCalendar.endOfWorkingDay', () => {
  it('is the end of the afternoon shift, and refuses a day off', () => {
    expect(vietnam.endOfWorkingDay('2026-11-27')).toEqual(at('2026-11-27T17:30'));
    expect(() => vietnam.endOfWorkingDay('2026-11-28')).toThrow('2026-11-28 is not a working day');
  });
});
