import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { DossierApologyIssued, DossierRouted, DossierStatusChanged, EnvelopeOf } from '@onestop/contracts';
import { InboxContext } from '@onestop/messaging';
import { ProcessingUpdatesService } from './processing-updates.service';

/** Events from processing that change intake's copy of a dossier: its status, its unit, its appointment. */
@Controller()
export class DossierEventsController {
  constructor(private readonly updates: ProcessingUpdatesService) {}

  @EventPattern(DossierStatusChanged.type)
  statusChanged(@Payload() event: EnvelopeOf<typeof DossierStatusChanged>, @Ctx() inbox: InboxContext): Promise<void> {
    return this.updates.statusChanged(event, inbox.tx);
  }

  @EventPattern(DossierRouted.type)
  routed(@Payload() event: EnvelopeOf<typeof DossierRouted>, @Ctx() inbox: InboxContext): Promise<void> {
    return this.updates.routed(event, inbox.tx);
  }

  @EventPattern(DossierApologyIssued.type)
  apologyIssued(@Payload() event: EnvelopeOf<typeof DossierApologyIssued>, @Ctx() inbox: InboxContext): Promise<void> {
    return this.updates.apologyIssued(event, inbox.tx);
  }
}
