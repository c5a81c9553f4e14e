import { Injectable } from '@nestjs/common';
import { DossierApologyIssued, EnvelopeOf } from '@onestop/contracts';
import { EventHandler, HandlesEvent } from '@onestop/messaging';
import { EntityManager } from 'typeorm';
import { ProcessingUpdatesService } from './processing-updates.service';

/** The unit apologised and set a new appointment: the look-up shows it (ProcessingUpdatesService.apologyIssued). */
@Injectable()
@HandlesEvent(DossierApologyIssued)
export class ApologyHandler implements EventHandler<EnvelopeOf<typeof DossierApologyIssued>> {
  constructor(private readonly updates: ProcessingUpdatesService) {}

  handle(event: EnvelopeOf<typeof DossierApologyIssued>, tx: EntityManager): Promise<void> {
    return this.updates.apologyIssued(event, tx);
  }
}
