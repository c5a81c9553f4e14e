import { Injectable } from '@nestjs/common';
import { DOSSIER_STATUS, DossierReceived, DossierRefusedAtIntake, EnvelopeOf, presumedCompetentUnit } from '@onestop/contracts';
import { EventHandler, HandlesEvent } from '@onestop/messaging';
import { EntityManager } from 'typeorm';
import { openingFact } from './dossier-fact';
import { DossierFactStore } from './dossier-fact.store';

/**
 * A received dossier starts its fact and is counted once, for the desk that received it, on the
 * day of receipt (intake's own 1→2 status change is not counted again). Its applicant's contact
 * is not kept.
 */
@Injectable()
@HandlesEvent(DossierReceived)
export class ProjectReceipt implements EventHandler<EnvelopeOf<typeof DossierReceived>> {
  constructor(private readonly facts: DossierFactStore) {}

  async handle(event: EnvelopeOf<typeof DossierReceived>, tx: EntityManager): Promise<void> {
    const dossier = event.payload;
    const receivedAt = new Date(dossier.receivedAt);
    const fact = openingFact({
      dossierId: dossier.dossierId,
      code: dossier.code,
      provinceCode: dossier.provinceCode,
      receivingUnitCode: dossier.receivingUnitCode,
      unitCode: presumedCompetentUnit(dossier),
      procedureCode: dossier.procedure.code,
      channel: dossier.channel,
      receivedAt,
      dueAt: new Date(dossier.dueAt),
      status: DOSSIER_STATUS.received,
      at: receivedAt,
    });
    await this.facts.start(tx, fact, { received: 1, received_online: dossier.channel === 'online' ? 1 : 0 });
  }
}

/** A refusal at the desk (status 3): a fact of its own, counted for that desk on the day of refusal. */
@Injectable()
@HandlesEvent(DossierRefusedAtIntake)
export class ProjectIntakeRefusal implements EventHandler<EnvelopeOf<typeof DossierRefusedAtIntake>> {
  constructor(private readonly facts: DossierFactStore) {}

  async handle(event: EnvelopeOf<typeof DossierRefusedAtIntake>, tx: EntityManager): Promise<void> {
    const dossier = event.payload;
    const refusedAt = new Date(dossier.refusedAt);
    const fact = openingFact({
      dossierId: dossier.dossierId,
      code: dossier.code,
      provinceCode: dossier.provinceCode,
      receivingUnitCode: dossier.receivingUnitCode,
      unitCode: dossier.receivingUnitCode,
      procedureCode: dossier.procedure.code,
      // The refusal does not say how the dossier was handed in, and it was never received.
      channel: null,
      receivedAt: null,
      dueAt: null,
      status: DOSSIER_STATUS.refusedAtIntake,
      refusedAt,
      at: refusedAt,
    });
    await this.facts.start(tx, fact, { refused: 1 });
  }
}
