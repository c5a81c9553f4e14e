import { Injectable } from '@nestjs/common';
import { CalendarStore } from '@onestop/calendar';
import {
  DocumentSigned,
  DOSSIER_STATUS,
  DossierApologyIssued,
  DossierOverdue,
  DossierReceived,
  DossierRefusedAtIntake,
  DossierRouted,
  DossierStatusChanged,
  EnvelopeOf,
  NotificationUndeliverable,
  presumedCompetentUnit,
  ServiceRated,
} from '@onestop/contracts';
import { EntityManager } from 'typeorm';
import { counterRowAt } from './counter-book';
import {
  applyApology,
  applyOverdue,
  applyRouting,
  applySignedResult,
  applyStatusChange,
  applyUndeliverableNotice,
  openingFact,
} from './dossier-fact';
import { FactBatches } from './fact-batches.service';
import { ratingCounters } from './rating-counters';

/** Each dossier event applied to its fact and counters, inside the batch of events it came in. */
@Injectable()
export class DossierProjection {
  constructor(
    private readonly batches: FactBatches,
    private readonly calendars: CalendarStore,
  ) {}

  /**
   * A received dossier starts its fact and is counted once, for the desk that received it, on the
   * day of receipt (intake's own 1→2 status change is not counted again). Its applicant's contact
   * is not kept.
   */
  async received(event: EnvelopeOf<typeof DossierReceived>, tx: EntityManager): Promise<void> {
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
    await this.batches.start(tx, fact, { received: 1, received_online: dossier.channel === 'online' ? 1 : 0 });
  }

  /** A refusal at the desk (status 3): a fact of its own, counted for that desk on the day of refusal. */
  async refusedAtIntake(event: EnvelopeOf<typeof DossierRefusedAtIntake>, tx: EntityManager): Promise<void> {
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
    await this.batches.start(tx, fact, { refused: 1 });
  }

  /** Routing names the processing unit: later outcomes are credited to it. */
  async routed(event: EnvelopeOf<typeof DossierRouted>, tx: EntityManager): Promise<void> {
    const { dossierId, unitCode, assigneeId, dueAt } = event.payload;
    await this.batches.project(tx, dossierId, event, (fact) =>
      applyRouting(fact, unitCode, assigneeId, dueAt ? new Date(dueAt) : null, new Date(event.occurredAt)),
    );
  }

  /**
   * Processing transitions, as routing publishes them. Intake's own transitions are left out: its
   * receipts and refusals are counted from DossierReceived and DossierRefusedAtIntake, and its
   * withdrawal of an online filing comes before receipt, outside every indicator.
   */
  async statusChanged(event: EnvelopeOf<typeof DossierStatusChanged>, tx: EntityManager): Promise<void> {
    if (event.source !== 'routing') return;
    const { dossierId, provinceCode, to, action, unitCode, dueAt, resultChannel } = event.payload;
    const calendar = await this.calendars.calendar(provinceCode);
    const change = {
      to,
      action,
      unitCode,
      dueAt: dueAt ? new Date(dueAt) : null,
      resultChannel,
      at: new Date(event.occurredAt),
    };
    await this.batches.project(tx, dossierId, event, (fact) =>
      applyStatusChange(fact, change, (from, until) => Math.round(calendar.workingHoursBetween(from, until) * 60)),
    );
  }

  /** A missed deadline, credited to the unit task monitoring holds answerable for it. */
  async overdue(event: EnvelopeOf<typeof DossierOverdue>, tx: EntityManager): Promise<void> {
    const { dossierId, unitCode } = event.payload;
    await this.batches.project(tx, dossierId, event, (fact) =>
      applyOverdue(fact, unitCode, new Date(event.occurredAt)),
    );
  }

  /** An apology to the applicant, with the new deadline it sets. */
  async apologyIssued(event: EnvelopeOf<typeof DossierApologyIssued>, tx: EntityManager): Promise<void> {
    const { dossierId, unitCode, newDueAt } = event.payload;
    await this.batches.project(tx, dossierId, event, (fact) =>
      applyApology(fact, unitCode, new Date(newDueAt), new Date(event.occurredAt)),
    );
  }

  /** A dossier's result carries a valid digital signature; documents signed outside a dossier are not counted. */
  async documentSigned(event: EnvelopeOf<typeof DocumentSigned>, tx: EntityManager): Promise<void> {
    const { dossierId } = event.payload;
    if (!dossierId) return;
    await this.batches.project(tx, dossierId, event, (fact) => applySignedResult(fact, new Date(event.occurredAt)));
  }

  /** A notice that never reached the applicant, on the day notification gave up; notices about no dossier are not counted. */
  async noticeUndeliverable(event: EnvelopeOf<typeof NotificationUndeliverable>, tx: EntityManager): Promise<void> {
    const { dossierId } = event.payload;
    if (!dossierId) return;
    await this.batches.project(tx, dossierId, event, (fact) =>
      applyUndeliverableNotice(fact, new Date(event.occurredAt)),
    );
  }

  /**
   * An applicant's rating, counted for the unit that processed the dossier (as outcomes are: how the
   * dossier was handled is that unit's doing, wherever it was received), its procedure, on the local
   * day of the rating. The event names all three, so a dossier received before reporting listened
   * counts too. Once per event, by the inbox; intake publishes one rating per dossier at most. No
   * comment reaches reporting: the event says only whether there was one, and that is not kept.
   */
  rated(event: EnvelopeOf<typeof ServiceRated>, tx: EntityManager): void {
    const { provinceCode, unitCode, procedureCode, score, ratedAt } = event.payload;
    this.batches.count(
      tx,
      counterRowAt({ provinceCode, procedureCode }, unitCode, new Date(ratedAt)),
      ratingCounters(score),
    );
  }
}
