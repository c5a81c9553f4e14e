import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { DossierReceived, DossierRouted, DossierStatusChanged, EnvelopeOf } from '@onestop/contracts';
import { InboxContext } from '@onestop/messaging';
import { DossierClocksService } from './dossier-clocks.service';

/** Intake's receipts and routing's processing, which start and move the dossiers' deadline clocks. */
@Controller()
export class DossierEventsController {
  constructor(private readonly clocks: DossierClocksService) {}

  @EventPattern(DossierReceived.type)
  received(@Payload() event: EnvelopeOf<typeof DossierReceived>, @Ctx() inbox: InboxContext): Promise<void> {
    return this.clocks.startOnReceipt(event, inbox.tx);
  }

  @EventPattern(DossierRouted.type)
  routed(@Payload() event: EnvelopeOf<typeof DossierRouted>, @Ctx() inbox: InboxContext): Promise<void> {
    return this.clocks.followRouting(event, inbox.tx);
  }

  @EventPattern(DossierStatusChanged.type)
  statusChanged(@Payload() event: EnvelopeOf<typeof DossierStatusChanged>, @Ctx() inbox: InboxContext): Promise<void> {
    return this.clocks.followProcessing(event, inbox.tx);
  }
}
