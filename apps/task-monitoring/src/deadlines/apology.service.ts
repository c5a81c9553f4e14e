import { Injectable } from '@nestjs/common';
import { WorkingCalendar } from '@onestop/calendar';
import { DossierApologyIssued } from '@onestop/contracts';
import { createEvent, OutboxWriter, requestOrigin } from '@onestop/messaging';
import { Clock, invalidRequest, Principal, ProblemException, withinJurisdiction } from '@onestop/platform';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { ClockKeeper } from './clock-keeper';
import { ClockRecord } from './clock-store';
import { dueIfResumedAt, rescheduleClock } from './deadline-clock';
import { noSuchDossier } from './deadline-access';
import { resolveEscalations } from './escalations';

export interface ApologyRequest {
  reason: string;
  newAppointmentDate: string;
}

/** How far an apology may move an appointment: a year past the current one. */
const MAX_POSTPONEMENT_MS = 365 * 24 * 3600 * 1000;

const newDateProblem = (code: string, message: string, params?: Record<string, unknown>) => invalidRequest([{ field: 'newAppointmentDate', code, message, ...(params ? { params } : {}) }]);

/**
 * The new deadline an apology may set: the end of a working day after the current appointment (a
 * paused clock's, as if it resumed now) and after today, within a year of it.
 */
function newDeadline(record: ClockRecord, calendar: WorkingCalendar, now: Date, date: string): { previousDueAt: Date; newDueAt: Date } {
  const previousDueAt = dueIfResumedAt(record.clock, calendar, now)!;
  const earliest = previousDueAt > now ? previousDueAt : now;
  const after = calendar.localDateOf(earliest);
  const latest = calendar.localDateOf(new Date(earliest.getTime() + MAX_POSTPONEMENT_MS));
  if (date <= after) throw newDateProblem('minDate', `must be after ${after}, the ${previousDueAt > now ? 'current appointment' : 'current date'}`, { after });
  if (date > latest) throw newDateProblem('maxDate', `must be no later than ${latest}, a year after the current appointment`, { max: latest });
  if (!calendar.isWorkingDay(date)) throw newDateProblem('workingDay', 'must be a working day');
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
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async record(dossierId: string, request: ApologyRequest, principal: Principal) {
    const now = this.clock.now();
    return this.dataSource.transaction(async (tx) => {
      const moved: { deadline?: { previousDueAt: Date; newDueAt: Date } } = {};
      const changed = await this.clocks.change(tx, dossierId, now, (record, { calendar }) => {
        if (!withinJurisdiction(principal, record)) throw noSuchDossier(dossierId);
        if (record.clock.state === 'closed') throw new ProblemException(409, 'Dossier closed', { detail: 'the dossier has its result or has ended; no new appointment can be set' });
        moved.deadline = newDeadline(record, calendar, now, request.newAppointmentDate);
        return { ...record, deadlineVersion: record.deadlineVersion + 1, clock: rescheduleClock(record.clock, calendar, now, moved.deadline.newDueAt) };
      });
      if (!changed || !moved.deadline) throw noSuchDossier(dossierId);
      const { previousDueAt, newDueAt } = moved.deadline;
      const apologyId = uuidv7();
      await tx.query(
        `INSERT INTO apologies (id, dossier_id, reason, previous_due_at, new_appointment_date, new_due_at, approved_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [apologyId, dossierId, request.reason, previousDueAt, request.newAppointmentDate, newDueAt, principal.subject, now],
      );
      await resolveEscalations(tx, dossierId, now);
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
      await this.outbox.append(tx, [createEvent(DossierApologyIssued, dossierId, payload, requestOrigin('task-monitoring', principal), now)]);
      return { id: apologyId, ...payload, previousDueAt: previousDueAt.toISOString(), recordedAt: now.toISOString() };
    });
  }
}
