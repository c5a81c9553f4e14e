import { Injectable } from '@nestjs/common';
import { DocumentSigned, EnvelopeOf } from '@onestop/contracts';
import { EventHandler, HandlesEvent } from '@onestop/messaging';
import { EntityManager } from 'typeorm';
import { applySignedResult } from './dossier-fact';
import { DossierFactStore } from './dossier-fact.store';

/** A dossier's result carries a valid digital signature; documents signed outside a dossier are not counted. */
@Injectable()
@HandlesEvent(DocumentSigned)
export class ProjectSignedResult implements EventHandler<EnvelopeOf<typeof DocumentSigned>> {
  constructor(private readonly facts: DossierFactStore) {}

  async handle(event: EnvelopeOf<typeof DocumentSigned>, tx: EntityManager): Promise<void> {
    const { dossierId } = event.payload;
    if (!dossierId) return;
    await this.facts.project(tx, dossierId, event, (fact) => applySignedResult(fact, new Date(event.occurredAt)));
  }
}
