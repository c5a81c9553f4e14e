import { Injectable } from '@nestjs/common';
import { DossierReceived, DossierRefusedAtIntake, EnvelopeOf } from '@onestop/contracts';
import { EventHandler, HandlesEvent } from '@onestop/messaging';
import { EntityManager } from 'typeorm';
import { DossierProjection } from './dossier-projection.service';

@Injectable()
@HandlesEvent(DossierReceived)
export class ProjectReceipt implements EventHandler<EnvelopeOf<typeof DossierReceived>> {
  constructor(private readonly projection: DossierProjection) {}

  handle(event: EnvelopeOf<typeof DossierReceived>, tx: EntityManager): Promise<void> {
    return this.projection.received(event, tx);
  }
}

@Injectable()
@HandlesEvent(DossierRefusedAtIntake)
export class ProjectIntakeRefusal implements EventHandler<EnvelopeOf<typeof DossierRefusedAtIntake>> {
  constructor(private readonly projection: DossierProjection) {}

  handle(event: EnvelopeOf<typeof DossierRefusedAtIntake>, tx: EntityManager): Promise<void> {
    return this.projection.refusedAtIntake(event, tx);
  }
}
