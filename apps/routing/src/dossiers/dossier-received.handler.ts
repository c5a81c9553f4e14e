import { Injectable } from '@nestjs/common';
import { DossierReceived } from '@onestop/contracts';
import { DossierReceivedEvent, EventHandler, HandlesEvent } from '@onestop/messaging';
import { EntityManager } from 'typeorm';
import { DossierRoutingService } from './dossier-routing.service';

/** A dossier received at a desk is routed to the unit that decides it. */
@Injectable()
@HandlesEvent(DossierReceived)
export class DossierReceivedHandler implements EventHandler<DossierReceivedEvent> {
  constructor(private readonly routing: DossierRoutingService) {}

  handle(event: DossierReceivedEvent, tx: EntityManager): Promise<void> {
    return this.routing.route(event, tx);
  }
}
