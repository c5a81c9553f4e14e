import { Injectable } from '@nestjs/common';
import { DossierApologyIssued, DossierOverdue, EnvelopeOf } from '@onestop/contracts';
import { EventHandler, HandlesEvent } from '@onestop/messaging';
import { EntityManager } from 'typeorm';
import { DossierProjection } from './dossier-projection.service';

@Injectable()
@HandlesEvent(DossierOverdue)
export class ProjectOverdue implements EventHandler<EnvelopeOf<typeof DossierOverdue>> {
  constructor(private readonly projection: DossierProjection) {}

  handle(event: EnvelopeOf<typeof DossierOverdue>, tx: EntityManager): Promise<void> {
    return this.projection.overdue(event, tx);
  }
}

@Injectable()
@HandlesEvent(DossierApologyIssued)
export class ProjectApology implements EventHandler<EnvelopeOf<typeof DossierApologyIssued>> {
  constructor(private readonly projection: DossierProjection) {}

  handle(event: EnvelopeOf<typeof DossierApologyIssued>, tx: EntityManager): Promise<void> {
    return this.projection.apologyIssued(event, tx);
  }
}
