import { isDateOrInstant, isLocalDate } from './dates';

describe('dates a request may carry', () => {
  it.each(['2026-11-30', '2028-02-29', '2000-01-01', '2100-12-31'])('accepts the local date %s', (value) =>
    expect(isLocalDate(value)).toBe(true),
  );

  it.each([
    '2026-02-30',
    '2026-13-45',
    '0000-01-01',
    '9999-12-31',
    '2027-02-29',
    '2026-11-31',
    '2026-1-1',
    ' 2026-11-30',
    2026,
    null,
  ])('refuses the local date %p', (value) => expect(isLocalDate(value)).toBe(false));

  it.each(['2026-12-01', '2026-12-01T08:00+07:00', '2026-12-01T08:00:00Z', '2026-12-01T23:59:59.999-14:00'])(
    'accepts the instant %s',
    (value) => expect(isDateOrInstant(value)).toBe(true),
  );

  it.each([
    '2026-02-30T08:00:00Z',
    '2026-01-01T25:61:00+99:99',
    '2026-01-01T24:00:00Z',
    '2026-01-01T08:00:00+14:30',
    '2026-01-01T08:00:00+07:60',
    '2026-01-01T08:00:00',
  ])('refuses the instant %s', (value) => expect(isDateOrInstant(value)).toBe(false));
});
