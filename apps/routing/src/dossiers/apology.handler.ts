import { Injectable } from '@nestjs/common';
import { CalendarStore } from '@onestop/calendar';
import { DossierApologyIssued, EnvelopeOf } from '@onestop/contracts';
import { EventHandler, HandlesEvent } from '@onestop/messaging';
import { Clock } from '@onestop/platform';
import { EntityManager } from 'typeorm';
import { State } from '../workflow/dossier-workflow';
import { appendHistory } from './history';
import { ROUTED_COLUMNS, RoutedDossier } from './routed-dossier.record';

const RUNNING_OR_PAUSED: readonly State[] = ['received', 'processing', 'supplement-requested', 'fees-due', 'awaiting-signature'];

/**
 * An apology set a new appointment date: the officer's work queue shows the new deadline (or,
 * while the clock is paused, keeps the working time up to it as the remainder).
 */
@Injectable()
@HandlesEvent(DossierApologyIssued)
export class ApologyHandler implements EventHandler<EnvelopeOf<typeof DossierApologyIssued>> {
  constructor(
    private readonly calendars: CalendarStore,
    private readonly clock: Clock,
  ) {}

  async handle(event: EnvelopeOf<typeof DossierApologyIssued>, tx: EntityManager): Promise<void> {
    const { dossierId, newAppointmentDate, reason, approvedBy } = event.payload;
    const newDueAt = new Date(event.payload.newDueAt);
    const rows: RoutedDossier[] = await tx.query(`SELECT ${ROUTED_COLUMNS} FROM routed_dossiers WHERE id = $1 FOR UPDATE`, [dossierId]);
    const dossier = rows[0];
    if (!dossier || !RUNNING_OR_PAUSED.includes(dossier.state)) return;
    const calendar = await this.calendars.calendar(dossier.provinceCode);
    const at = new Date(event.occurredAt);
    const paused = dossier.pausedAt !== null;
    await tx.query(`UPDATE routed_dossiers SET due_at = $2, remaining_working_hours = $3, version = version + 1, updated_at = $4 WHERE id = $1`, [
      dossierId,
      paused ? null : newDueAt,
      paused ? calendar.workingHoursBetween(at, newDueAt) : dossier.remainingWorkingHours,
      this.clock.now(),
    ]);
    const state = { state: dossier.state, status: dossier.status };
    await appendHistory(tx, { dossierId, at, actor: event.actor, action: 'apology', from: state, to: state, reason, details: { newAppointmentDate, approvedBy } });
  }
}
