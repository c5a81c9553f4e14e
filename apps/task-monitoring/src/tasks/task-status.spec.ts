import { atRiskCrossedAt, CommuneProgress, elapsedShare, nextStatusChange, reassess, taskStatus } from './task-status';
import { taskWindow } from './task-window';

const GAP = 20;
const DAY = 86_400_000;
/** 30 days: 1 to 30 April 2026, Vietnam time. */
const april = {
  ...taskWindow({ startsOn: '2026-04-01', assignedAt: new Date('2026-03-20T03:00:00Z'), dueDate: '2026-04-30' }),
  targetValue: 200,
};
const at = (days: number) => new Date(april.startsAt.getTime() + days * DAY);
const withValue = (value: number | null): CommuneProgress => ({ ...april, value });

describe('the task window', () => {
  it('runs from the start date at 00:00 to the end of the due date, Vietnam time', () => {
    expect(april).toMatchObject({
      startsAt: new Date('2026-03-31T17:00:00Z'),
      dueAt: new Date('2026-04-30T17:00:00Z'),
    });
    expect(april.dueAt.getTime() - april.startsAt.getTime()).toBe(30 * DAY);
  });

  it('starts at the assignment when the task names no start date', () => {
    const assignedAt = new Date('2026-04-10T02:30:00Z');
    expect(taskWindow({ startsOn: null, assignedAt, dueDate: '2026-04-30' }).startsAt).toEqual(assignedAt);
  });

  it('counts no time before the start and all of it after the due date', () => {
    expect(elapsedShare(april, at(-3))).toBe(0);
    expect(elapsedShare(april, at(15))).toBeCloseTo(0.5);
    expect(elapsedShare(april, at(40))).toBe(1);
  });
});

describe('the status of a commune on a task', () => {
  it('is not started until the first report, on track once reported', () => {
    expect(taskStatus(withValue(null), at(1), GAP)).toBe('not-started');
    expect(taskStatus(withValue(0), at(1), GAP)).toBe('on-track');
  });

  it('turns at risk when the time gone by exceeds the progress by more than the gap', () => {
    // 20 % of the target (40/200): at risk only past 40 % of the time, 12 days.
    expect(taskStatus(withValue(40), at(12), GAP)).toBe('on-track');
    expect(taskStatus(withValue(40), new Date(at(12).getTime() + 1), GAP)).toBe('at-risk');
    expect(taskStatus(withValue(null), at(6.5), GAP)).toBe('at-risk');
    expect(taskStatus(withValue(null), at(6.5), 25)).toBe('not-started');
  });

  it('is overdue from the end of the due date in Vietnam, not the end of the UTC day', () => {
    const lastMinute = new Date('2026-04-30T16:59:59Z');
    expect(taskStatus(withValue(199), lastMinute, GAP)).toBe('on-track');
    expect(taskStatus(withValue(199), new Date('2026-04-30T17:00:00Z'), GAP)).toBe('overdue');
  });

  it('is done once the value reaches the target, before or after the due date', () => {
    expect(taskStatus(withValue(200), at(3), GAP)).toBe('done');
    expect(taskStatus(withValue(250), at(45), GAP)).toBe('done');
  });
});

describe('when the scanner looks again', () => {
  it('is the moment the commune falls behind at its current value, just past the line', () => {
    const next = nextStatusChange(withValue(40), at(1), GAP)!;
    expect(next.getTime()).toBe(at(12).getTime() + 1_000);
    expect(taskStatus(withValue(40), next, GAP)).toBe('at-risk');
    expect(taskStatus(withValue(40), new Date(next.getTime() - 1_001), GAP)).toBe('on-track');
  });

  it('is the end of the due date when the commune is at risk already or too far ahead to fall behind', () => {
    expect(nextStatusChange(withValue(null), at(10), GAP)).toEqual(april.dueAt);
    expect(nextStatusChange(withValue(170), at(1), GAP)).toEqual(april.dueAt);
  });

  it('is never, once only a report can change the status', () => {
    expect(nextStatusChange(withValue(200), at(1), GAP)).toBeNull();
    expect(nextStatusChange(withValue(10), at(31), GAP)).toBeNull();
  });

  it('is always after now, so a scan never claims the same row again at once', () => {
    for (const days of [0, 5.99, 6, 6.0001, 11.999, 29.99]) {
      const now = at(days);
      const next = nextStatusChange(withValue(40), now, GAP);
      if (next) expect(next.getTime()).toBeGreaterThan(now.getTime());
    }
  });
});

describe('the instant a commune crossed the at-risk line', () => {
  it('is where the time gone by exceeds the progress by the gap, however late it is found', () => {
    // 20 % of the target (40/200): the line lies at 40 % of the time, 12 days in.
    expect(atRiskCrossedAt(withValue(40), GAP, at(12.5))).toEqual(at(12));
    expect(atRiskCrossedAt(withValue(40), GAP, at(29))).toEqual(at(12));
    expect(atRiskCrossedAt(withValue(null), GAP, at(20))).toEqual(at(6));
    expect(taskStatus(withValue(40), new Date(at(12).getTime() + 1), GAP)).toBe('at-risk');
  });

  it('is the report or assignment that itself put the commune behind', () => {
    // Corrected down to 10 (5 %) on day 14: at that value the line lay on day 7.5, before the report.
    expect(atRiskCrossedAt(withValue(10), GAP, at(14), at(14))).toEqual(at(14));
    // A report that leaves the line ahead of it changes nothing about when it is crossed.
    expect(atRiskCrossedAt(withValue(40), GAP, at(13), at(3))).toEqual(at(12));
  });

  it('is never after it was found, nor before the start whatever the gap', () => {
    expect(atRiskCrossedAt(withValue(40), GAP, at(10))).toEqual(at(10));
    expect(atRiskCrossedAt(withValue(null), -10, at(2))).toEqual(april.startsAt);
  });
});

describe('reassessment', () => {
  const nothingSent = { atRiskNotified: false, overdueNotified: false };

  it('announces at risk and overdue once each', () => {
    expect(reassess(withValue(null), nothingSent, at(7), GAP)).toMatchObject({
      status: 'at-risk',
      announceAtRisk: true,
      announceOverdue: false,
    });
    expect(reassess(withValue(null), { atRiskNotified: true, overdueNotified: false }, at(8), GAP)).toMatchObject({
      announceAtRisk: false,
    });
    expect(reassess(withValue(null), { atRiskNotified: true, overdueNotified: false }, at(31), GAP)).toMatchObject({
      status: 'overdue',
      announceOverdue: true,
      nextCheckAt: null,
    });
    expect(reassess(withValue(null), { atRiskNotified: true, overdueNotified: true }, at(32), GAP)).toMatchObject({
      announceOverdue: false,
    });
  });

  it('announces nothing for a commune that finished', () => {
    expect(reassess(withValue(200), nothingSent, at(31), GAP)).toEqual({
      status: 'done',
      nextCheckAt: null,
      announceAtRisk: false,
      announceOverdue: false,
      lineCrossedAt: null,
    });
  });

  it('dates each warning when its line was crossed, not when it was found', () => {
    expect(reassess(withValue(null), nothingSent, at(9), GAP).lineCrossedAt).toEqual(at(6));
    expect(
      reassess(withValue(40), { atRiskNotified: true, overdueNotified: false }, at(33), GAP).lineCrossedAt,
    ).toEqual(april.dueAt);
    expect(reassess(withValue(40), nothingSent, at(5), GAP).lineCrossedAt).toBeNull();
  });

  it('dates a warning that a report itself causes at the report', () => {
    const report = at(14);
    expect(reassess(withValue(10), nothingSent, report, GAP, report)).toMatchObject({
      status: 'at-risk',
      announceAtRisk: true,
      lineCrossedAt: report,
    });
    // Time makes a report after the due date overdue: that still happened when the due date ended.
    expect(reassess(withValue(10), nothingSent, at(33), GAP, at(33))).toMatchObject({
      announceOverdue: true,
      lineCrossedAt: april.dueAt,
    });
  });
});
