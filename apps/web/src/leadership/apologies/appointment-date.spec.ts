import dayjs from 'dayjs';
import { appointmentBounds, isOutsideBounds } from './appointment-date';

describe('appointment bounds', () => {
  it('offers days after a future appointment, up to a year after it (Vietnam dates)', () => {
    const bounds = appointmentBounds('2026-11-27T10:00:00Z', dayjs('2026-11-24T03:00:00Z'));
    expect(bounds.after.format('YYYY-MM-DD')).toBe('2026-11-27');
    expect(isOutsideBounds(dayjs('2026-11-27'), bounds)).toBe(true);
    expect(isOutsideBounds(dayjs('2026-11-28'), bounds)).toBe(false);
    expect(isOutsideBounds(dayjs('2027-11-27'), bounds)).toBe(false);
    expect(isOutsideBounds(dayjs('2027-11-28'), bounds)).toBe(true);
  });

  it('counts from today when the appointment has passed', () => {
    // 23:30 in Hanoi on the 24th is still the 24th there, though 16:30 UTC.
    const bounds = appointmentBounds('2026-11-20T10:00:00Z', dayjs('2026-11-24T16:30:00Z'));
    expect(bounds.after.format('YYYY-MM-DD')).toBe('2026-11-24');
  });
});
