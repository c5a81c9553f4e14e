import { Injectable } from '@nestjs/common';
import { DOSSIER_STATUS, DossierReceived, DossierRefusedAtIntake, EnvelopeOf } from '@onestop/contracts';
import { EventHandler, HandlesEvent } from '@onestop/messaging';
import { EntityManager } from 'typeorm';
import { addToDailyCounters } from './daily-counters';
import { DossierFact } from './dossier-fact';
import { DossierFactStore } from './dossier-fact.store';
import { fieldCodeOf } from './procedure-fields';

/** What a fact holds before anything happened to the dossier. */
const NOTHING_YET = {
  refusedAt: null,
  finishedAt: null,
  returnedAt: null,
  onTime: null,
  processingMinutes: null,
  supplementCount: 0,
  apologyCount: 0,
  overdueFlagged: false,
  electronicResult: false,
  signedResult: false,
} satisfies Partial<DossierFact>;

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
    const created = await this.facts.create(tx, {
      ...NOTHING_YET,
      dossierId: dossier.dossierId,
      code: dossier.code,
      provinceCode: dossier.provinceCode,
      receivingUnitCode: dossier.receivingUnitCode,
      // The competent unit as far as intake knows it, until routing names it.
      unitCode: dossier.procedure.competentLevel.kind === 'commune' ? dossier.subjectCommuneCode : dossier.receivingUnitCode,
      procedureCode: dossier.procedure.code,
      fieldCode: fieldCodeOf(dossier.procedure.code),
      channel: dossier.channel,
      receivedAt,
      dueAt: new Date(dossier.dueAt),
      status: DOSSIER_STATUS.received,
      lastEventAt: receivedAt,
    });
    if (!created) return;
    const target = { provinceCode: dossier.provinceCode, unitCode: dossier.receivingUnitCode, procedureCode: dossier.procedure.code, at: receivedAt };
    await addToDailyCounters(tx, target, { received: 1, received_online: dossier.channel === 'online' ? 1 : 0 });
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
    const created = await this.facts.create(tx, {
      ...NOTHING_YET,
      dossierId: dossier.dossierId,
      code: dossier.code,
      provinceCode: dossier.provinceCode,
      receivingUnitCode: dossier.receivingUnitCode,
      unitCode: dossier.receivingUnitCode,
      procedureCode: dossier.procedure.code,
      fieldCode: fieldCodeOf(dossier.procedure.code),
      channel: null,
      receivedAt: null,
      dueAt: null,
      status: DOSSIER_STATUS.refusedAtIntake,
      refusedAt,
      lastEventAt: refusedAt,
    });
    if (!created) return;
    const target = { provinceCode: dossier.provinceCode, unitCode: dossier.receivingUnitCode, procedureCode: dossier.procedure.code, at: refusedAt };
    await addToDailyCounters(tx, target, { refused: 1 });
  }
}
