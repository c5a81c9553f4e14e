import { Injectable } from '@nestjs/common';
import { DossierApologyIssued } from '@onestop/contracts';
import { createEvent, OutboxWriter, requestOrigin } from '@onestop/messaging';
import { Clock, Principal, ProblemException } from '@onestop/platform';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { ClockKeeper } from './clock-keeper';
import { derivedInstants, lockClock } from './clock-store';
import { rescheduleClock } from './deadline-clock';
import { mayAnswerFor, noSuchDossier } from './deadline-access';
import { resolveEscalations } from './escalations';

export interface ApologyRequest {
  reason: string;
  newAppointmentDate: string;
}

const newDateProblem = (message: string) => new ProblemException(400, 'Invalid request', { errors: [{ field: 'newAppointmentDate', message }] });

/**
 * A late (or soon late) dossier's apology to the applicant: the leader who approves it sets a new
 * appointment date; the clock's deadline moves to the end of that working day and its alarms are
 * armed again; the citizen is told through DossierApologyIssued.
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
    const { calendar, settings } = await this.clocks.context();
    return this.dataSource.transaction(async (tx) => {
      const record = await lockClock(tx, dossierId);
      if (!record || !mayAnswerFor(principal, record)) throw noSuchDossier(dossierId);
      if (record.clock.state === 'closed') throw new ProblemException(409, 'Dossier closed', { detail: 'the dossier has its result or has ended; no new appointment can be set' });
      if (!calendar.isWorkingDay(request.newAppointmentDate)) throw newDateProblem('must be a working day');
      const previousDueAt = derivedInstants(record, calendar, settings).dueAt;
      const earliest = previousDueAt && previousDueAt > now ? previousDueAt : now;
      if (request.newAppointmentDate <= calendar.localDateOf(earliest)) {
        throw newDateProblem(`must be after ${calendar.localDateOf(earliest)}, the ${previousDueAt && previousDueAt > now ? 'current appointment' : 'current date'}`);
      }
      const newDueAt = calendar.endOfWorkingDay(request.newAppointmentDate);
      const apologyId = uuidv7();
      await tx.query(
        `INSERT INTO apologies (id, dossier_id, reason, previous_due_at, new_appointment_date, new_due_at, approved_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [apologyId, dossierId, request.reason, previousDueAt, request.newAppointmentDate, newDueAt, principal.subject, now],
      );
      await this.clocks.change(tx, dossierId, (current) => ({
        ...current,
        deadlineVersion: current.deadlineVersion + 1,
        clock: rescheduleClock(current.clock, calendar, now, newDueAt),
      }));
      await resolveEscalations(tx, dossierId, now);
      const payload = {
        dossierId,
        code: record.code,
        provinceCode: record.provinceCode,
        unitCode: record.unitCode,
        reason: request.reason,
        newAppointmentDate: request.newAppointmentDate,
        newDueAt: newDueAt.toISOString(),
        approvedBy: principal.subject,
      };
      await this.outbox.append(tx, [createEvent(DossierApologyIssued, dossierId, payload, requestOrigin('task-monitoring', principal), now)]);
      return { id: apologyId, ...payload, previousDueAt: previousDueAt?.toISOString() ?? null, recordedAt: now.toISOString() };
    });
  }
}
