import { Injectable } from '@nestjs/common';
import { EnvelopeOf, NotificationUndeliverable } from '@onestop/contracts';
import { EventHandler, HandlesEvent } from '@onestop/messaging';
import { EntityManager } from 'typeorm';
import { applyUndeliverableNotice } from './dossier-fact';
import { DossierFactStore } from './dossier-fact.store';

/** A notice that never reached the applicant, on the day notification gave up; notices about no dossier are not counted. */
@Injectable()
@HandlesEvent(NotificationUndeliverable)
export class ProjectUndeliverableNotice implements EventHandler<EnvelopeOf<typeof NotificationUndeliverable>> {
  constructor(private readonly facts: DossierFactStore) {}

  async handle(event: EnvelopeOf<typeof NotificationUndeliverable>, tx: EntityManager): Promise<void> {
    const { dossierId } = event.payload;
    if (!dossierId) return;
    await this.facts.project(tx, dossierId, event, (fact) => applyUndeliverableNotice(fact, new Date(event.occurredAt)));
  }
}
