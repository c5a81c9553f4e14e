import { Injectable } from '@nestjs/common';
import { DossierReceived, DossierRouted, DossierStatusChanged, EnvelopeOf } from '@onestop/contracts';
import { EventHandler, HandlesEvent } from '@onestop/messaging';
import { EntityManager } from 'typeorm';
import { DossierClocksService } from './dossier-clocks.service';

@Injectable()
@HandlesEvent(DossierReceived)
export class StartClockOnReceipt implements EventHandler<EnvelopeOf<typeof DossierReceived>> {
  constructor(private readonly clocks: DossierClocksService) {}

  handle(event: EnvelopeOf<typeof DossierReceived>, tx: EntityManager): Promise<void> {
    return this.clocks.startOnReceipt(event, tx);
  }
}

@Injectable()
@HandlesEvent(DossierRouted)
export class FollowRouting implements EventHandler<EnvelopeOf<typeof DossierRouted>> {
  constructor(private readonly clocks: DossierClocksService) {}

  handle(event: EnvelopeOf<typeof DossierRouted>, tx: EntityManager): Promise<void> {
    return this.clocks.followRouting(event, tx);
  }
}

@Injectable()
@HandlesEvent(DossierStatusChanged)
export class FollowProcessing implements EventHandler<EnvelopeOf<typeof DossierStatusChanged>> {
  constructor(private readonly clocks: DossierClocksService) {}

  handle(event: EnvelopeOf<typeof DossierStatusChanged>, tx: EntityManager): Promise<void> {
    return this.clocks.followProcessing(event, tx);
  }
}
