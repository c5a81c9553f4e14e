import { Injectable } from '@nestjs/common';
import { DOSSIER_STATUS, DossierApologyIssued, DossierStatusCode, EnvelopeOf } from '@onestop/contracts';
import { EventHandler, HandlesEvent } from '@onestop/messaging';
import { EntityManager } from 'typeorm';
import { recordApologyStep } from './public-history';

/** From reception until the result is ready: the states in which an appointment can still be moved. */
const DEADLINE_RUNNING: readonly DossierStatusCode[] = [DOSSIER_STATUS.received, DOSSIER_STATUS.processing, DOSSIER_STATUS.supplementRequested, DOSSIER_STATUS.feesDue];

/**
 * The unit apologised and set a new appointment: the public look-up shows the new date and, as a
 * step, why it moved. A closed dossier keeps the appointment it closed with.
 */
@Injectable()
@HandlesEvent(DossierApologyIssued)
export class ApologyHandler implements EventHandler<EnvelopeOf<typeof DossierApologyIssued>> {
  async handle(event: EnvelopeOf<typeof DossierApologyIssued>, tx: EntityManager): Promise<void> {
    const { dossierId, newAppointmentDate, newDueAt } = event.payload;
    const [dossier]: { status: DossierStatusCode }[] = await tx.query('SELECT status FROM dossiers WHERE id = $1 FOR UPDATE', [dossierId]);
    // Another deployment's dossier on a shared topic, or one closed since: nothing to move.
    if (!dossier || !DEADLINE_RUNNING.includes(dossier.status)) return;
    // Set, not shifted, and only when it differs: the same apology applied again changes nothing.
    await tx.query(
      `UPDATE dossiers SET appointment_date = $2, due_at = $3, version = version + 1, updated_at = $4
        WHERE id = $1 AND (appointment_date, due_at) IS DISTINCT FROM ($2::date, $3::timestamptz)`,
      [dossierId, newAppointmentDate, newDueAt, event.occurredAt],
    );
    await recordApologyStep(tx, dossierId, dossier.status, event);
  }
}
