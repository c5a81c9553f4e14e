import { Injectable } from '@nestjs/common';
import { CalendarStore } from '@onestop/calendar';
import { DossierApologyIssued, EnvelopeOf } from '@onestop/contracts';
import { Clock } from '@onestop/platform';
import { EntityManager } from 'typeorm';
import { State } from '../workflow/dossier-workflow';
import { DossierHistoryStore } from './dossier-history.store';
import { RoutedDossiersStore } from './routed-dossiers.store';

const RUNNING_OR_PAUSED: readonly State[] = [
  'received',
  'processing',
  'supplement-requested',
  'fees-due',
  'awaiting-signature',
];

/**
 * An apology set a new appointment date: the officer's work queue shows the new deadline (or,
 * while the clock is paused, keeps the working time up to it as the remainder).
 */
@Injectable()
export class ApologiesService {
  constructor(
    private readonly dossiers: RoutedDossiersStore,
    private readonly history: DossierHistoryStore,
    private readonly calendars: CalendarStore,
    private readonly clock: Clock,
  ) {}

  async apply(event: EnvelopeOf<typeof DossierApologyIssued>, tx: EntityManager): Promise<void> {
    const { dossierId, newAppointmentDate, reason, approvedBy } = event.payload;
    const newDueAt = new Date(event.payload.newDueAt);
    const dossier = await this.dossiers.lock(tx, dossierId);
    if (!dossier || !RUNNING_OR_PAUSED.includes(dossier.state)) return;
    const calendar = await this.calendars.calendar(dossier.provinceCode);
    const at = new Date(event.occurredAt);
    const paused = dossier.pausedAt !== null;
    await this.dossiers.reschedule(
      tx,
      dossierId,
      paused
        ? { dueAt: null, remainingWorkingHours: String(calendar.workingHoursBetween(at, newDueAt)) }
        : { dueAt: newDueAt, remainingWorkingHours: dossier.remainingWorkingHours },
      this.clock.now(),
    );
    const state = { state: dossier.state, status: dossier.status };
    await this.history.append(tx, {
      dossierId,
      at,
      actor: event.actor,
      action: 'apology',
      from: state,
      to: state,
      reason,
      details: { newAppointmentDate, approvedBy },
    });
  }
}
