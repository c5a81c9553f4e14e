import { Injectable } from '@nestjs/common';
import { DossierApologyIssued, DossierOverdue, EnvelopeOf } from '@onestop/contracts';
import { EventHandler, HandlesEvent } from '@onestop/messaging';
import { EntityManager } from 'typeorm';
import { applyApology, applyOverdue } from './dossier-fact';
import { DossierFactStore } from './dossier-fact.store';

/** A missed deadline, credited to the unit task monitoring holds answerable for it. */
@Injectable()
@HandlesEvent(DossierOverdue)
export class ProjectOverdue implements EventHandler<EnvelopeOf<typeof DossierOverdue>> {
  constructor(private readonly facts: DossierFactStore) {}

  async handle(event: EnvelopeOf<typeof DossierOverdue>, tx: EntityManager): Promise<void> {
    const { dossierId, unitCode } = event.payload;
    await this.facts.project(tx, dossierId, event, (fact) => applyOverdue(fact, unitCode, new Date(event.occurredAt)));
  }
}

/** An apology to the applicant, with the new deadline it sets. */
@Injectable()
@HandlesEvent(DossierApologyIssued)
export class ProjectApology implements EventHandler<EnvelopeOf<typeof DossierApologyIssued>> {
  constructor(private readonly facts: DossierFactStore) {}

  async handle(event: EnvelopeOf<typeof DossierApologyIssued>, tx: EntityManager): Promise<void> {
    const { dossierId, unitCode, newDueAt } = event.payload;
    await this.facts.project(tx, dossierId, event, (fact) => applyApology(fact, unitCode, new Date(newDueAt), new Date(event.occurredAt)));
  }
}
