import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { DocumentSigned, DossierApologyIssued, DossierReceived, EnvelopeOf, SignatureFailed } from '@onestop/contracts';
import { DossierReceivedEvent, InboxContext } from '@onestop/messaging';
import { ApologiesService } from './apologies.service';
import { DossierRoutingService } from './dossier-routing.service';
import { SignatureOutcomesService } from './signature-outcomes.service';

/**
 * Events that bring or change a routed dossier: intake's receipts, task monitoring's apologies,
 * and the signature service's answers to a decision's signature request.
 */
@Controller()
export class DossierEventsController {
  constructor(
    private readonly routing: DossierRoutingService,
    private readonly apologies: ApologiesService,
    private readonly signatures: SignatureOutcomesService,
  ) {}

  @EventPattern(DossierReceived.type)
  received(@Payload() event: DossierReceivedEvent, @Ctx() inbox: InboxContext): Promise<void> {
    return this.routing.route(event, inbox.tx);
  }

  @EventPattern(DossierApologyIssued.type)
  apologyIssued(@Payload() event: EnvelopeOf<typeof DossierApologyIssued>, @Ctx() inbox: InboxContext): Promise<void> {
    return this.apologies.apply(event, inbox.tx);
  }

  @EventPattern(DocumentSigned.type)
  documentSigned(@Payload() event: EnvelopeOf<typeof DocumentSigned>, @Ctx() inbox: InboxContext): Promise<void> {
    return this.signatures.signed(event, inbox.tx);
  }

  @EventPattern(SignatureFailed.type)
  signatureFailed(@Payload() event: EnvelopeOf<typeof SignatureFailed>, @Ctx() inbox: InboxContext): Promise<void> {
    return this.signatures.failed(event, inbox.tx);
  }
}
