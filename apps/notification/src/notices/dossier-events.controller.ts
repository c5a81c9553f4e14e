import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  DossierReceived,
  DossierRefusedAtIntake,
  DossierRouted,
  DossierStatusChanged,
  EnvelopeOf,
} from '@onestop/contracts';
import { DossierReceivedEvent, DossierRefusedEvent, InboxContext } from '@onestop/messaging';
import { DossierNoticesService } from './dossier-notices.service';

/** Events of a dossier's life that tell its applicant, or the officer it is assigned to. */
@Controller()
export class DossierEventsController {
  constructor(private readonly notices: DossierNoticesService) {}

  @EventPattern(DossierReceived.type)
  received(@Payload() event: DossierReceivedEvent, @Ctx() inbox: InboxContext): Promise<void> {
    return this.notices.received(event, inbox.tx);
  }

  @EventPattern(DossierRefusedAtIntake.type)
  refused(@Payload() event: DossierRefusedEvent, @Ctx() inbox: InboxContext): Promise<void> {
    return this.notices.refused(event, inbox.tx);
  }

  @EventPattern(DossierStatusChanged.type)
  statusChanged(@Payload() event: EnvelopeOf<typeof DossierStatusChanged>, @Ctx() inbox: InboxContext): Promise<void> {
    return this.notices.statusChanged(event, inbox.tx);
  }

  @EventPattern(DossierRouted.type)
  routed(@Payload() event: EnvelopeOf<typeof DossierRouted>, @Ctx() inbox: InboxContext): Promise<void> {
    return this.notices.assigned(event, inbox.tx);
  }
}
