import dayjs, { Dayjs } from 'dayjs';
import { ZONE } from '../../ui/format';

/** How far ahead an apology may set the new appointment: a year after the current one (the service's rule). */
const MAX_POSTPONEMENT_DAYS = 365;

/**
 * The days an apology may name, as the service checks them: after the current appointment (or
 * after today, when it has passed) and within a year of that day. Whether the day is a working
 * day is the province calendar's to say, so the service answers that.
 */
export function appointmentBounds(dueAt: string, now: Dayjs = dayjs()): { after: Dayjs; latest: Dayjs } {
  const due = dayjs(dueAt).tz(ZONE);
  const today = now.tz(ZONE);
  const earliest = due.isAfter(today) ? due : today;
  return { after: earliest.startOf('day'), latest: earliest.add(MAX_POSTPONEMENT_DAYS, 'day').startOf('day') };
}

/** Whether the date picker offers a day: strictly after `after`, no later than `latest`. */
export function isOutsideBounds(day: Dayjs, bounds: { after: Dayjs; latest: Dayjs }): boolean {
  const date = day.format('YYYY-MM-DD');
  return date <= bounds.after.format('YYYY-MM-DD') || date > bounds.latest.format('YYYY-MM-DD');
}
