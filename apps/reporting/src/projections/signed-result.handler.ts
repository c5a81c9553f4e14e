import { Injectable } from '@nestjs/common';
import { DocumentSigned, EnvelopeOf } from '@onestop/contracts';
import { EventHandler, HandlesEvent } from '@onestop/messaging';
import { EntityManager } from 'typeorm';
import { DossierProjection } from './dossier-projection.service';

@Injectable()
@HandlesEvent(DocumentSigned)
export class ProjectSignedResult implements EventHandler<EnvelopeOf<typeof DocumentSigned>> {
  constructor(private readonly projection: DossierProjection) {}

  handle(event: EnvelopeOf<typeof DocumentSigned>, tx: EntityManager): Promise<void> {
    return this.projection.documentSigned(event, tx);
  }
}
