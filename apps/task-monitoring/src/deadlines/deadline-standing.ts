import { WorkingCalendar } from '@onestop/calendar';
import {
  ClockSettings,
  DeadlineClock,
  dueIfResumedAt,
  Triggers,
  triggersOf,
  workingMinutesBetween,
} from './deadline-clock';

export const DEADLINE_STANDINGS = ['on-time', 'due-soon', 'overdue', 'paused', 'closed'] as const;
export type DeadlineStandingState = (typeof DEADLINE_STANDINGS)[number];

/** Where a dossier stands against its deadline at an instant, as its page shows it. */
export interface DeadlineStanding {
  state: DeadlineStandingState;
  /** The deadline; while paused, the one the dossier would have if the citizen answered now; null once closed. */
  dueAt: Date | null;
  /** Working time to the deadline, negative past it; while paused, what the pause keeps; null once closed. */
  workingMinutesLeft: number | null;
  /** The current step's deadline, while the clock runs. */
  stepDueAt: Date | null;
}

/**
 * The clock's standing at `now`. A running clock is measured against the instants stored with it
 * (the deadline the applicant was given, even if the calendar has been corrected since); before
 * counting starts (a receipt after the cut-off) no working time is used yet.
 */
export function standingAt(
  clock: DeadlineClock,
  stored: Triggers | null,
  calendar: WorkingCalendar,
  settings: ClockSettings,
  now: Date,
): DeadlineStanding {
  if (clock.state === 'closed') return { state: 'closed', dueAt: null, workingMinutesLeft: null, stepDueAt: null };
  const triggers = stored ?? triggersOf(clock, calendar, settings);
  if (clock.state === 'paused' || !triggers || !clock.segmentStart) {
    return {
      state: 'paused',
      dueAt: dueIfResumedAt(clock, calendar, now),
      workingMinutesLeft: clock.remainingMinutes,
      stepDueAt: null,
    };
  }
  const { dueAt, dueSoonAt, stepDueAt } = triggers;
  if (dueAt <= now) {
    const late = workingMinutesBetween(calendar, dueAt, now);
    return { state: 'overdue', dueAt, workingMinutesLeft: late === 0 ? 0 : -late, stepDueAt };
  }
  const countingFrom = clock.segmentStart > now ? clock.segmentStart : now;
  return {
    state: dueSoonAt <= now ? 'due-soon' : 'on-time',
    dueAt,
    workingMinutesLeft: workingMinutesBetween(calendar, countingFrom, dueAt),
    stepDueAt,
  };
}
