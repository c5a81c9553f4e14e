import { localDateOf } from '@onestop/calendar';
import { Injectable } from '@nestjs/common';
import { DossierRouted, DossierStatusChanged, EnvelopeOf } from '@onestop/contracts';
import { EventHandler, HandlesEvent } from '@onestop/messaging';
import { EntityManager } from 'typeorm';
import { recordPublicSteps } from './public-history';

/** Keeps intake's copy of each dossier's status current, for the public look-up and the desks. */
@Injectable()
@HandlesEvent(DossierStatusChanged)
export class StatusChangedHandler implements EventHandler<EnvelopeOf<typeof DossierStatusChanged>> {
  async handle(event: EnvelopeOf<typeof DossierStatusChanged>, tx: EntityManager): Promise<void> {
    if (event.source === 'intake') return;
    const { dossierId, to, unitCode, dueAt, resultChannel } = event.payload;
    const [, updated] = await tx.query(
      `UPDATE dossiers SET status = $2, competent_unit_code = COALESCE($3, competent_unit_code), due_at = COALESCE($4, due_at),
         appointment_date = COALESCE($5, appointment_date), result_channel = COALESCE($6, result_channel),
         version = version + 1, updated_at = $7
       WHERE id = $1`,
      [dossierId, to, unitCode, dueAt, dueAt ? localDateOf(new Date(dueAt)) : null, resultChannel, event.occurredAt],
    );
    // Another deployment's dossier on a shared topic: nothing of ours to update.
    if (updated === 0) return;
    await recordPublicSteps(tx, dossierId, [event]);
  }
}

@Injectable()
@HandlesEvent(DossierRouted)
export class RoutedHandler implements EventHandler<EnvelopeOf<typeof DossierRouted>> {
  async handle(event: EnvelopeOf<typeof DossierRouted>, tx: EntityManager): Promise<void> {
    await tx.query('UPDATE dossiers SET competent_unit_code = $2, updated_at = $3 WHERE id = $1', [
      event.payload.dossierId,
      event.payload.unitCode,
      event.occurredAt,
    ]);
  }
}
