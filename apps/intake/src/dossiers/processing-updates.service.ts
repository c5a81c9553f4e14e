import { Injectable } from '@nestjs/common';
import {
  DOSSIER_STATUS,
  DossierApologyIssued,
  DossierRouted,
  DossierStatusChanged,
  DossierStatusCode,
  EnvelopeOf,
} from '@onestop/contracts';
import { EntityManager } from 'typeorm';
import { DossierStore } from './dossier.store';
import { PublicHistoryStore } from './public-history.store';

/** From reception until the result is ready: the states in which an appointment can still be moved. */
const DEADLINE_RUNNING: readonly DossierStatusCode[] = [
  DOSSIER_STATUS.received,
  DOSSIER_STATUS.processing,
  DOSSIER_STATUS.supplementRequested,
  DOSSIER_STATUS.feesDue,
];

/**
 * Keeps intake's copy of each dossier current with what processing does to it, for the public
 * look-up and the desks. Every effect goes through the event's transaction (`tx`).
 */
@Injectable()
export class ProcessingUpdatesService {
  constructor(
    private readonly dossiers: DossierStore,
    private readonly history: PublicHistoryStore,
  ) {}

  async statusChanged(event: EnvelopeOf<typeof DossierStatusChanged>, tx: EntityManager): Promise<void> {
    if (event.source === 'intake') return;
    const { dossierId, to, unitCode, dueAt, resultChannel } = event.payload;
    const ours = await this.dossiers.applyProcessingChange(tx, dossierId, {
      status: to,
      competentUnitCode: unitCode,
      dueAt,
      resultChannel,
      at: event.occurredAt,
    });
    // Another deployment's dossier on a shared topic: nothing of ours to update.
    if (!ours) return;
    await this.history.recordStatusChanges(tx, dossierId, [event]);
  }

  async routed(event: EnvelopeOf<typeof DossierRouted>, tx: EntityManager): Promise<void> {
    await this.dossiers.setCompetentUnit(tx, event.payload.dossierId, event.payload.unitCode, event.occurredAt);
  }

  /**
   * The unit apologised and set a new appointment: the public look-up shows the new date and, as a
   * step, why it moved. A closed dossier keeps the appointment it closed with.
   */
  async apologyIssued(event: EnvelopeOf<typeof DossierApologyIssued>, tx: EntityManager): Promise<void> {
    const { dossierId, newAppointmentDate, newDueAt } = event.payload;
    const status = await this.dossiers.lockStatus(tx, dossierId);
    // Another deployment's dossier on a shared topic, or one closed since: nothing to move.
    if (status === null || !DEADLINE_RUNNING.includes(status)) return;
    await this.dossiers.moveAppointment(tx, dossierId, newAppointmentDate, newDueAt, event.occurredAt);
    await this.history.recordApology(tx, dossierId, status, event);
  }
}
