import { Injectable } from '@nestjs/common';
import { WorkingCalendar } from '@onestop/calendar';
import { DossierApologyIssued } from '@onestop/contracts';
import { createEvent, OutboxWriter, requestOrigin } from '@onestop/messaging';
import { Clock, Principal, withinJurisdiction } from '@onestop/platform';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { TaskMonitoringProblems } from '../problems';
import { ApologyStore } from './apology.store';
import { ClockKeeper } from './clock-keeper';
import { ClockRecord } from './clock-record';
import { dueIfResumedAt, rescheduleClock } from './deadline-clock';
import { ApologyDto } from './dto/apology.dto';
import { RecordedApologyDto } from './dto/recorded-apology.dto';
import { EscalationStore } from './escalation.store';

/** How far an apology may move an appointment: a year past the current one. */
const MAX_POSTPONEMENT_MS = 365 * 24 * 3600 * 1000;

/**
 * The new deadline an apology may set: the end of a working day after the current appointment (a
 * paused clock's, as if it resumed now) and after today, within a year of it.
 */
function newDeadline(
  record: ClockRecord,
  calendar: WorkingCalendar,
  now: Date,
  date: string,
): { previousDueAt: Date; newDueAt: Date } {
  const previousDueAt = dueIfResumedAt(record.clock, calendar, now)!;
  const earliest = previousDueAt > now ? previousDueAt : now;
  const after = calendar.localDateOf(earliest);
  const latest = calendar.localDateOf(new Date(earliest.getTime() + MAX_POSTPONEMENT_MS));
  if (date <= after)
    throw TaskMonitoringProblems.appointmentNotAfter(
      after,
      previousDueAt > now ? 'current appointment' : 'current date',
    );
  if (date > latest) throw TaskMonitoringProblems.appointmentTooLate(latest);
  if (!calendar.isWorkingDay(date)) throw TaskMonitoringProblems.appointmentNotWorkingDay();
  return { previousDueAt, newDueAt: calendar.endOfWorkingDay(date) };
}

/**
 * A late (or soon late) dossier's apology to the applicant: the leader who approves it sets a new
 * appointment date; the clock's deadline moves to the end of that working day and its alarms are
 * armed again; the citizen is told, and routing follows, through DossierApologyIssued.
 */
@Injectable()
export class ApologyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clocks: ClockKeeper,
    private readonly apologies: ApologyStore,
    private readonly escalations: EscalationStore,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async record(dossierId: string, request: ApologyDto, principal: Principal): Promise<RecordedApologyDto> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (tx) => {
      const moved: { deadline?: { previousDueAt: Date; newDueAt: Date } } = {};
      const changed = await this.clocks.change(tx, dossierId, now, (record, { calendar }) => {
        if (!withinJurisdiction(principal, record)) throw TaskMonitoringProblems.noSuchDossier(dossierId);
        if (record.clock.state === 'closed') throw TaskMonitoringProblems.dossierClosed();
        moved.deadline = newDeadline(record, calendar, now, request.newAppointmentDate);
        return {
          ...record,
          deadlineVersion: record.deadlineVersion + 1,
          clock: rescheduleClock(record.clock, calendar, now, moved.deadline.newDueAt),
        };
      });
      if (!changed || !moved.deadline) throw TaskMonitoringProblems.noSuchDossier(dossierId);
      const { previousDueAt, newDueAt } = moved.deadline;
      const apologyId = uuidv7();
      await this.apologies.insert(tx, {
        id: apologyId,
        dossierId,
        reason: request.reason,
        previousDueAt,
        newAppointmentDate: request.newAppointmentDate,
        newDueAt,
        approvedBy: principal.subject,
        recordedAt: now,
      });
      await this.escalations.resolve(tx, dossierId, now);
      const payload = {
        dossierId,
        code: changed.code,
        provinceCode: changed.provinceCode,
        unitCode: changed.unitCode,
        reason: request.reason,
        newAppointmentDate: request.newAppointmentDate,
        newDueAt: newDueAt.toISOString(),
        approvedBy: principal.subject,
      };
      await this.outbox.append(tx, [
        createEvent(DossierApologyIssued, dossierId, payload, requestOrigin('task-monitoring', principal), now),
      ]);
      return { id: apologyId, ...payload, previousDueAt: previousDueAt.toISOString(), recordedAt: now.toISOString() };
    });
  }
}
