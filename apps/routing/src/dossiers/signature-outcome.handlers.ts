import { Injectable } from '@nestjs/common';
import { DocumentSigned, EnvelopeOf, SignatureFailed } from '@onestop/contracts';
import { EventHandler, HandlesEvent } from '@onestop/messaging';
import { EntityManager } from 'typeorm';
import { SignatureOutcomesService } from './signature-outcomes.service';

@Injectable()
@HandlesEvent(DocumentSigned)
export class DocumentSignedHandler implements EventHandler<EnvelopeOf<typeof DocumentSigned>> {
  constructor(private readonly outcomes: SignatureOutcomesService) {}

  handle(event: EnvelopeOf<typeof DocumentSigned>, tx: EntityManager): Promise<void> {
    return this.outcomes.signed(event, tx);
  }
}

@Injectable()
@HandlesEvent(SignatureFailed)
export class SignatureFailedHandler implements EventHandler<EnvelopeOf<typeof SignatureFailed>> {
  constructor(private readonly outcomes: SignatureOutcomesService) {}

  handle(event: EnvelopeOf<typeof SignatureFailed>, tx: EntityManager): Promise<void> {
    return this.outcomes.failed(event, tx);
  }
}
