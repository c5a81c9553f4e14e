import { DossierDueSoon, DossierEscalated, DossierOverdue, EventEnvelope, StepOverdue } from '@onestop/contracts';
import { createEvent, timeOrigin } from '@onestop/messaging';
import { ClockRecord } from './clock-record';
import { Alarm, Triggers } from './deadline-clock';

/**
 * The event an alarm publishes. It carries the instant the deadline was crossed as its time, not
 * the moment the scan noticed, so indicators count lateness the same however late the scan ran.
 */
export function alarmEvent(record: ClockRecord, triggers: Triggers, alarm: Alarm): EventEnvelope {
  const about = {
    dossierId: record.dossierId,
    code: record.code,
    provinceCode: record.provinceCode,
    unitCode: record.unitCode,
    assigneeId: record.assigneeId,
    dueAt: triggers.dueAt.toISOString(),
  };
  const origin = timeOrigin('task-monitoring', record.dossierId);
  switch (alarm) {
    case 'due-soon':
      return createEvent(DossierDueSoon, record.dossierId, about, origin, triggers.dueSoonAt);
    case 'overdue':
      return createEvent(DossierOverdue, record.dossierId, about, origin, triggers.dueAt);
    case 'step-overdue':
      return createEvent(
        StepOverdue,
        record.dossierId,
        { ...about, step: record.clock.step, stepDueAt: triggers.stepDueAt.toISOString() },
        origin,
        triggers.stepDueAt,
      );
    default:
      return createEvent(
        DossierEscalated,
        record.dossierId,
        { ...about, level: alarm },
        origin,
        triggers.escalateAt[alarm],
      );
  }
}
