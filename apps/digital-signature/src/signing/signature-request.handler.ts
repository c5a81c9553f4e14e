import { Injectable } from '@nestjs/common';
import { SignatureRequested } from '@onestop/contracts';
import { EventHandler, HandlesEvent, SignatureRequestedEvent } from '@onestop/messaging';
import { EntityManager } from 'typeorm';
import { ResultSigningService } from './result-signing.service';

/** A decision waiting for its signature: its result is rendered and signed, or left for the decider's device. */
@Injectable()
@HandlesEvent(SignatureRequested)
export class SignatureRequestedHandler implements EventHandler<SignatureRequestedEvent> {
  constructor(private readonly resultSigning: ResultSigningService) {}

  handle(event: SignatureRequestedEvent, tx: EntityManager): Promise<void> {
    return this.resultSigning.signRequested(event, tx);
  }
}
