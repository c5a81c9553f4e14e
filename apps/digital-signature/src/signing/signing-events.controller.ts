import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { SignatureRequested } from '@onestop/contracts';
import { InboxContext, SignatureRequestedEvent } from '@onestop/messaging';
import { ResultSigningService } from './result-signing.service';

/** Events that ask for a signature. */
@Controller()
export class SigningEventsController {
  constructor(private readonly resultSigning: ResultSigningService) {}

  /** A decision waiting for its signature: its result is rendered and signed, or left for the decider's device. */
  @EventPattern(SignatureRequested.type)
  signatureRequested(@Payload() event: SignatureRequestedEvent, @Ctx() inbox: InboxContext): Promise<void> {
    return this.resultSigning.signRequested(event, inbox.tx);
  }
}
