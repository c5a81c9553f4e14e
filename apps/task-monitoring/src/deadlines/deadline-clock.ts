import { WorkingCalendar } from '@onestop/calendar';
import { EscalationLevel, ProcessingStep } from '@onestop/contracts';

/** When the clock warns and escalates, and how the dossier's time is shared among the steps. */
export interface ClockSettings {
  dueSoonMinutes: number;
  escalateAfterMinutes: Record<EscalationLevel, number>;
  /** Fractions of the dossier's processing time, summing to 1. */
  stepShares: Record<ProcessingStep, number>;
}

/** What has been announced for the current deadline and step, so each alarm fires once. */
export interface Fired {
  dueSoon: boolean;
  overdue: boolean;
  stepOverdue: boolean;
  /** Escalation levels reached: 0 none, 1 unit leader, 2 province. */
  escalation: number;
}

/**
 * A dossier's deadline clock in working time. While running, the deadline lies `remainingMinutes`
 * of working time after `segmentStart`; while paused, `remainingMinutes` is what is left. The
 * current step has a budget of its own, measured the same way from `stepStart`.
 */
export interface DeadlineClock {
  state: 'running' | 'paused' | 'closed';
  budgetMinutes: number;
  segmentStart: Date | null;
  remainingMinutes: number;
  step: ProcessingStep;
  stepStart: Date | null;
  stepRemainingMinutes: number;
  fired: Fired;
}

/** The instants the running clock announces, computed on the working calendar. */
export interface Triggers {
  dueAt: Date;
  dueSoonAt: Date;
  stepDueAt: Date;
  escalateAt: Record<EscalationLevel, Date>;
}

export type Alarm = 'due-soon' | 'overdue' | 'step-overdue' | EscalationLevel;

const NOTHING_FIRED: Fired = { dueSoon: false, overdue: false, stepOverdue: false, escalation: 0 };

/** Working minutes from `from` to `to` (0 when `to` is not later). */
export function workingMinutesBetween(calendar: WorkingCalendar, from: Date, to: Date): number {
  return Math.round(calendar.workingHoursBetween(from, to) * 60);
}

function after(calendar: WorkingCalendar, start: Date, minutes: number): Date {
  return calendar.addWorkingHours(start, Math.max(0, minutes) / 60);
}

/** A new clock for a received dossier: counting from `countingFrom`, due at `dueAt` (as intake computed them). */
export function startClock(
  calendar: WorkingCalendar,
  settings: ClockSettings,
  countingFrom: Date,
  dueAt: Date,
): DeadlineClock {
  const budgetMinutes = workingMinutesBetween(calendar, countingFrom, dueAt);
  return {
    state: 'running',
    budgetMinutes,
    segmentStart: countingFrom,
    remainingMinutes: budgetMinutes,
    step: 'acceptance',
    stepStart: countingFrom,
    stepRemainingMinutes: stepBudget(settings, 'acceptance', budgetMinutes),
    fired: NOTHING_FIRED,
  };
}

function stepBudget(settings: ClockSettings, step: ProcessingStep, budgetMinutes: number): number {
  return Math.round(budgetMinutes * settings.stepShares[step]);
}

export function triggersOf(clock: DeadlineClock, calendar: WorkingCalendar, settings: ClockSettings): Triggers | null {
  const deadline = deadlineTriggers(clock, calendar, settings);
  const stepDueAt = stepTrigger(clock, calendar);
  return deadline && stepDueAt ? { ...deadline, stepDueAt } : null;
}

function deadlineTriggers(
  clock: DeadlineClock,
  calendar: WorkingCalendar,
  settings: ClockSettings,
): Omit<Triggers, 'stepDueAt'> | null {
  if (clock.state !== 'running' || !clock.segmentStart) return null;
  const from = clock.segmentStart;
  const remaining = clock.remainingMinutes;
  return {
    dueAt: after(calendar, from, remaining),
    dueSoonAt: after(calendar, from, remaining - settings.dueSoonMinutes),
    escalateAt: {
      'unit-leader': after(calendar, from, remaining + settings.escalateAfterMinutes['unit-leader']),
      province: after(calendar, from, remaining + settings.escalateAfterMinutes.province),
    },
  };
}

function stepTrigger(clock: DeadlineClock, calendar: WorkingCalendar): Date | null {
  return clock.state === 'running' && clock.stepStart
    ? after(calendar, clock.stepStart, clock.stepRemainingMinutes)
    : null;
}

/**
 * The instants after a change of the clock. Only what the change moved is computed again: a
 * deadline once given keeps its instant even if the calendar has been corrected since, as the
 * applicant's appointment does.
 */
export function refreshTriggers(
  stored: Triggers | null,
  before: DeadlineClock,
  after: DeadlineClock,
  calendar: WorkingCalendar,
  settings: ClockSettings,
): Triggers | null {
  if (after.state !== 'running') return null;
  if (!stored || before.state !== 'running') return triggersOf(after, calendar, settings);
  const deadlineMoved =
    before.segmentStart?.getTime() !== after.segmentStart?.getTime() ||
    before.remainingMinutes !== after.remainingMinutes;
  const stepMoved =
    before.stepStart?.getTime() !== after.stepStart?.getTime() ||
    before.stepRemainingMinutes !== after.stepRemainingMinutes;
  const deadline = deadlineMoved ? deadlineTriggers(after, calendar, settings)! : stored;
  return { ...deadline, stepDueAt: stepMoved ? stepTrigger(after, calendar)! : stored.stepDueAt };
}

/** The deadline a paused clock would have if it resumed at `at`; a running clock's own. */
export function dueIfResumedAt(clock: DeadlineClock, calendar: WorkingCalendar, at: Date): Date | null {
  if (clock.state === 'closed') return null;
  if (clock.state === 'running' && clock.segmentStart)
    return after(calendar, clock.segmentStart, clock.remainingMinutes);
  return after(calendar, calendar.countingStart(at), clock.remainingMinutes);
}

/** The earliest instant at which an alarm not yet fired falls due; null when none can. */
export function nextFireAt(clock: DeadlineClock, triggers: Triggers | null): Date | null {
  if (!triggers) return null;
  const pending = [
    clock.fired.dueSoon ? null : triggers.dueSoonAt,
    clock.fired.overdue ? null : triggers.dueAt,
    clock.fired.stepOverdue ? null : triggers.stepDueAt,
    clock.fired.escalation >= 1 ? null : triggers.escalateAt['unit-leader'],
    clock.fired.escalation >= 2 ? null : triggers.escalateAt.province,
  ].filter((instant): instant is Date => instant !== null);
  return pending.length === 0 ? null : new Date(Math.min(...pending.map((instant) => instant.getTime())));
}

/**
 * The alarms due at `now` that have not fired. A due-soon warning whose deadline has already
 * passed (the service was down, or the time was short from the start) is not sent: the overdue
 * notice says more.
 */
export function alarmsDue(clock: DeadlineClock, triggers: Triggers, now: Date): { alarms: Alarm[]; fired: Fired } {
  const reached = (instant: Date) => instant.getTime() <= now.getTime();
  const alarms: Alarm[] = [];
  const fired = { ...clock.fired };
  if (!fired.overdue && reached(triggers.dueAt)) {
    alarms.push('overdue');
    fired.overdue = fired.dueSoon = true;
  } else if (!fired.dueSoon && reached(triggers.dueSoonAt)) {
    alarms.push('due-soon');
    fired.dueSoon = true;
  }
  if (!fired.stepOverdue && reached(triggers.stepDueAt)) {
    alarms.push('step-overdue');
    fired.stepOverdue = true;
  }
  if (fired.escalation < 1 && reached(triggers.escalateAt['unit-leader'])) {
    alarms.push('unit-leader');
    fired.escalation = 1;
  }
  if (fired.escalation < 2 && reached(triggers.escalateAt.province)) {
    alarms.push('province');
    fired.escalation = 2;
  }
  return { alarms, fired };
}

/**
 * The dossier waits on the citizen: the working time used so far is taken off both budgets. A clock
 * already past its deadline keeps nothing (its overdue notice has gone out; the lateness before the
 * pause is not carried over to the escalation times after it).
 */
export function pauseClock(clock: DeadlineClock, calendar: WorkingCalendar, at: Date): DeadlineClock {
  if (clock.state !== 'running' || !clock.segmentStart || !clock.stepStart) return clock;
  return {
    ...clock,
    state: 'paused',
    remainingMinutes: Math.max(0, clock.remainingMinutes - workingMinutesBetween(calendar, clock.segmentStart, at)),
    stepRemainingMinutes: Math.max(
      0,
      clock.stepRemainingMinutes - workingMinutesBetween(calendar, clock.stepStart, at),
    ),
    segmentStart: null,
    stepStart: null,
  };
}

/**
 * The citizen answered: the clock runs again with what was left, counting as a receipt does
 * (after the 15:00 cut-off from the next working day), the same rule processing applies.
 */
export function resumeClock(clock: DeadlineClock, calendar: WorkingCalendar, at: Date): DeadlineClock {
  if (clock.state !== 'paused') return clock;
  const from = calendar.countingStart(at);
  return { ...clock, state: 'running', segmentStart: from, stepStart: from };
}

/**
 * The dossier entered a step (again, after a transfer to another unit): that step's share of the
 * time starts now (or when counting starts, if that is later), or at resumption if the clock is paused.
 */
export function enterStep(
  clock: DeadlineClock,
  settings: ClockSettings,
  step: ProcessingStep,
  at: Date,
): DeadlineClock {
  if (clock.state === 'closed') return clock;
  const countingLater = clock.segmentStart !== null && clock.segmentStart > at;
  return {
    ...clock,
    step,
    stepStart: clock.state === 'running' ? (countingLater ? clock.segmentStart : at) : null,
    stepRemainingMinutes: stepBudget(settings, step, clock.budgetMinutes),
    fired: { ...clock.fired, stepOverdue: false },
  };
}

/**
 * An apology set a new appointment: the deadline becomes `newDueAt`, and its warnings, overdue
 * notice and escalations are armed again for it. A paused clock keeps the time up to it as its remainder.
 */
export function rescheduleClock(
  clock: DeadlineClock,
  calendar: WorkingCalendar,
  at: Date,
  newDueAt: Date,
): DeadlineClock {
  const remainingMinutes = workingMinutesBetween(calendar, at, newDueAt);
  const fired = { ...clock.fired, dueSoon: false, overdue: false, escalation: 0 };
  if (clock.state === 'paused') return { ...clock, remainingMinutes, fired };
  return { ...clock, segmentStart: at, remainingMinutes, fired };
}

export function closeClock(clock: DeadlineClock): DeadlineClock {
  return { ...clock, state: 'closed' };
}
