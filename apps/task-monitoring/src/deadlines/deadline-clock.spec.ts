import { DEFAULT_CALENDAR_DAYS, WorkingCalendar } from '@onestop/calendar';
import {
  alarmsDue,
  closeClock,
  ClockSettings,
  dueIfResumedAt,
  enterStep,
  nextFireAt,
  pauseClock,
  refreshTriggers,
  rescheduleClock,
  resumeClock,
  startClock,
  triggersOf,
} from './deadline-clock';
import { standingAt } from './deadline-standing';

/** An instant given in Vietnam local time, 'YYYY-MM-DDTHH:MM'. */
const at = (local: string) => new Date(`${local}:00+07:00`);
const calendar = new WorkingCalendar(DEFAULT_CALENDAR_DAYS);
const settings: ClockSettings = {
  dueSoonMinutes: 8 * 60,
  escalateAfterMinutes: { 'unit-leader': 4 * 60, province: 24 * 60 },
  stepShares: { acceptance: 0.1, processing: 0.7, signature: 0.2 },
};

/**
 * Three working days filed on Friday 24 April 2026 at 15:30, after the cut-off: counting starts
 * Tuesday 28 April (Monday 27 is the Hùng Kings' compensatory day off); 30 April and 1 May are
 * holidays, then the weekend, so the dossier is due Monday 4 May at 17:30.
 */
const receivedFriday = () =>
  startClock(
    calendar,
    settings,
    calendar.countingStart(at('2026-04-24T15:30')),
    calendar.deadline(at('2026-04-24T15:30'), { unit: 'working-days', amount: 3 }),
  );

describe('deadline clock', () => {
  it('gives the due, due-soon, step and escalation instants on the working calendar', () => {
    const clock = receivedFriday();
    expect(clock.budgetMinutes).toBe(24 * 60);
    expect(triggersOf(clock, calendar, settings)).toEqual({
      dueAt: at('2026-05-04T17:30'),
      dueSoonAt: at('2026-04-29T17:30'),
      // 10 % of 24 h is 2 h 24 min from Tuesday 07:30.
      stepDueAt: at('2026-04-28T09:54'),
      escalateAt: { 'unit-leader': at('2026-05-05T11:30'), province: at('2026-05-07T17:30') },
    });
  });

  it('fires each alarm once, the due-soon warning before the deadline and the overdue notice after it', () => {
    let clock = receivedFriday();
    const triggers = triggersOf(clock, calendar, settings)!;
    const steps: string[][] = [];
    for (const now of [
      '2026-04-28T09:00',
      '2026-04-28T10:00',
      '2026-04-29T17:30',
      '2026-04-30T10:00',
      '2026-05-04T17:30',
      '2026-05-04T17:31',
    ]) {
      const due = alarmsDue(clock, triggers, at(now));
      steps.push(due.alarms);
      clock = { ...clock, fired: due.fired };
    }
    expect(steps).toEqual([[], ['step-overdue'], ['due-soon'], [], ['overdue'], []]);
    expect(nextFireAt(clock, triggers)).toEqual(at('2026-05-05T11:30'));
  });

  it('skips the warning when the deadline has already passed, and escalates level by level', () => {
    const clock = receivedFriday();
    const due = alarmsDue(clock, triggersOf(clock, calendar, settings)!, at('2026-05-06T08:00'));
    expect(due.alarms).toEqual(['overdue', 'step-overdue', 'unit-leader']);
    expect(due.fired).toEqual({ dueSoon: true, overdue: true, stepOverdue: true, escalation: 1 });
  });

  it('moves the deadline by the working time paused while waiting on the citizen', () => {
    // Accepted Tuesday 09:00; a supplement requested Wednesday 10:30, 11 h used, 13 h left...
    let clock = enterStep(receivedFriday(), settings, 'processing', at('2026-04-28T09:00'));
    clock = pauseClock(clock, calendar, at('2026-04-29T10:30'));
    expect(clock).toMatchObject({
      state: 'paused',
      remainingMinutes: 13 * 60,
      stepRemainingMinutes: 7 * 60 + 18,
      segmentStart: null,
    });
    expect(triggersOf(clock, calendar, settings)).toBeNull();
    expect(nextFireAt(clock, null)).toBeNull();
    // ...and handed in Thursday 7 May at 08:00: 13 h more from then.
    clock = resumeClock(clock, calendar, at('2026-05-07T08:00'));
    const triggers = triggersOf(clock, calendar, settings)!;
    expect(triggers.dueAt).toEqual(at('2026-05-08T15:00'));
    // The processing step had 16 h 48 min from Tuesday 09:00; 9 h 30 min were used before the pause.
    expect(triggers.stepDueAt).toEqual(at('2026-05-07T17:18'));
  });

  it('resumes the next working day when the citizen answers after the cut-off', () => {
    const paused = pauseClock(receivedFriday(), calendar, at('2026-04-28T07:30'));
    const resumed = resumeClock(paused, calendar, at('2026-05-08T16:00'));
    expect(resumed.segmentStart).toEqual(at('2026-05-11T07:30'));
  });

  it('gives a new step its own share and arms its alarm again', () => {
    let clock = receivedFriday();
    clock = { ...clock, fired: alarmsDue(clock, triggersOf(clock, calendar, settings)!, at('2026-04-28T11:00')).fired };
    expect(clock.fired.stepOverdue).toBe(true);
    clock = enterStep(clock, settings, 'signature', at('2026-04-29T08:00'));
    expect(clock.fired.stepOverdue).toBe(false);
    expect(triggersOf(clock, calendar, settings)!.stepDueAt).toEqual(at('2026-04-29T14:48'));
  });

  it('arms the warnings again for the new appointment an apology sets', () => {
    let clock = receivedFriday();
    clock = { ...clock, fired: alarmsDue(clock, triggersOf(clock, calendar, settings)!, at('2026-05-05T12:00')).fired };
    clock = rescheduleClock(clock, calendar, at('2026-05-05T12:00'), calendar.endOfWorkingDay('2026-05-08'));
    expect(clock.fired).toMatchObject({ dueSoon: false, overdue: false, escalation: 0 });
    const triggers = triggersOf(clock, calendar, settings)!;
    expect(triggers.dueAt).toEqual(at('2026-05-08T17:30'));
    expect(triggers.dueSoonAt).toEqual(at('2026-05-07T17:30'));
  });

  it('starts a step taken before counting starts when counting starts', () => {
    // Accepted on Friday at 16:00, after the cut-off: the processing share runs from Monday 07:30.
    const clock = enterStep(receivedFriday(), settings, 'processing', at('2026-04-24T16:00'));
    expect(clock.stepStart).toEqual(at('2026-04-28T07:30'));
  });

  it("keeps a deadline's instants when only the step moves, even on a corrected calendar", () => {
    const before = receivedFriday();
    const stored = triggersOf(before, calendar, settings);
    // A holiday announced on Wednesday 29 April after the deadline was given.
    const corrected = new WorkingCalendar([
      ...DEFAULT_CALENDAR_DAYS,
      { date: '2026-04-29', kind: 'holiday', name: { vi: 'Nghỉ bù', en: 'Day off' }, basis: 'decision' },
    ]);
    const stepped = enterStep(before, settings, 'processing', at('2026-04-28T09:00'));
    const refreshed = refreshTriggers(stored, before, stepped, corrected, settings)!;
    expect(refreshed.dueAt).toEqual(at('2026-05-04T17:30'));
    expect(refreshed.escalateAt).toEqual(stored!.escalateAt);
    // The new step's instant is computed on the calendar in force: Wednesday is now off.
    expect(refreshed.stepDueAt).toEqual(triggersOf(stepped, corrected, settings)!.stepDueAt);
    expect(
      refreshTriggers(stored, before, pauseClock(before, calendar, at('2026-04-28T09:00')), calendar, settings),
    ).toBeNull();
  });

  it("tells the deadline a paused clock would have if it resumed now, for an apology's check", () => {
    const paused = pauseClock(receivedFriday(), calendar, at('2026-04-28T11:30'));
    expect(dueIfResumedAt(paused, calendar, at('2026-05-05T08:00'))).toEqual(at('2026-05-07T14:00'));
    expect(dueIfResumedAt(receivedFriday(), calendar, at('2026-05-05T08:00'))).toEqual(at('2026-05-04T17:30'));
  });

  describe('standing at an instant', () => {
    const standing = (clock: ReturnType<typeof receivedFriday>, now: string) =>
      standingAt(clock, triggersOf(clock, calendar, settings), calendar, settings, at(now));

    it('counts no working time before counting starts, nor over holidays and weekends', () => {
      // Friday 16:00 is after the cut-off: the whole 24 h are left until Tuesday 07:30.
      expect(standing(receivedFriday(), '2026-04-24T16:00')).toEqual({
        state: 'on-time',
        dueAt: at('2026-05-04T17:30'),
        workingMinutesLeft: 24 * 60,
        stepDueAt: at('2026-04-28T09:54'),
      });
      expect(standing(receivedFriday(), '2026-04-29T10:00').workingMinutesLeft).toBe(24 * 60 - 8 * 60 - 150);
      // On Saturday only Monday is left: the holidays of 30 April and 1 May and the weekend count for nothing.
      expect(standing(receivedFriday(), '2026-05-02T10:00')).toMatchObject({
        state: 'due-soon',
        workingMinutesLeft: 8 * 60,
      });
    });

    it('goes negative by the working time past the deadline', () => {
      expect(standing(receivedFriday(), '2026-05-04T17:30')).toMatchObject({ state: 'overdue', workingMinutesLeft: 0 });
      expect(Object.is(standing(receivedFriday(), '2026-05-04T17:30').workingMinutesLeft, 0)).toBe(true);
      expect(standing(receivedFriday(), '2026-05-05T09:00')).toMatchObject({
        state: 'overdue',
        workingMinutesLeft: -90,
      });
    });

    it('keeps what the pause left while paused, and says nothing of a closed clock', () => {
      const paused = pauseClock(receivedFriday(), calendar, at('2026-04-28T11:30'));
      expect(standing(paused, '2026-05-12T08:00')).toEqual({
        state: 'paused',
        dueAt: at('2026-05-14T14:00'),
        workingMinutesLeft: 20 * 60,
        stepDueAt: null,
      });
      expect(standing(closeClock(receivedFriday()), '2026-04-29T10:00')).toEqual({
        state: 'closed',
        dueAt: null,
        workingMinutesLeft: null,
        stepDueAt: null,
      });
    });
  });
});
