import { localDateOf } from './local-date';

describe('local dates', () => {
  it('dates an instant by the local day in UTC+07:00', () => {
    expect(localDateOf(new Date('2026-05-04T16:59:59.999Z'))).toBe('2026-05-04');
    expect(localDateOf(new Date('2026-05-04T17:00:00.000Z'))).toBe('2026-05-05');
    expect(localDateOf(new Date('2026-12-31T23:00:00.000Z'))).toBe('2027-01-01');
  });

  it('takes another offset when given one', () => {
    expect(localDateOf(new Date('2026-05-04T23:30:00Z'), 0)).toBe('2026-05-04');
    expect(localDateOf(new Date('2026-05-04T23:30:00Z'), 60)).toBe('2026-05-05');
  });
});
