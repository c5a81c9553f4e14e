import { Injectable } from '@nestjs/common';
import { DossierApologyIssued, EnvelopeOf } from '@onestop/contracts';
import { EventHandler, HandlesEvent } from '@onestop/messaging';
import { EntityManager } from 'typeorm';
import { ApologiesService } from './apologies.service';

/** An apology from intake moves the routed dossier's deadline. */
@Injectable()
@HandlesEvent(DossierApologyIssued)
export class ApologyHandler implements EventHandler<EnvelopeOf<typeof DossierApologyIssued>> {
  constructor(private readonly apologies: ApologiesService) {}

  handle(event: EnvelopeOf<typeof DossierApologyIssued>, tx: EntityManager): Promise<void> {
    return this.apologies.apply(event, tx);
  }
}
