import { Injectable } from '@nestjs/common';
import { DossierRouted, DossierStatusChanged, EnvelopeOf } from '@onestop/contracts';
import { EventHandler, HandlesEvent } from '@onestop/messaging';
import { EntityManager } from 'typeorm';
import { DossierProjection } from './dossier-projection.service';

@Injectable()
@HandlesEvent(DossierRouted)
export class ProjectRouting implements EventHandler<EnvelopeOf<typeof DossierRouted>> {
  constructor(private readonly projection: DossierProjection) {}

  handle(event: EnvelopeOf<typeof DossierRouted>, tx: EntityManager): Promise<void> {
    return this.projection.routed(event, tx);
  }
}

@Injectable()
@HandlesEvent(DossierStatusChanged)
export class ProjectProcessing implements EventHandler<EnvelopeOf<typeof DossierStatusChanged>> {
  constructor(private readonly projection: DossierProjection) {}

  handle(event: EnvelopeOf<typeof DossierStatusChanged>, tx: EntityManager): Promise<void> {
    return this.projection.statusChanged(event, tx);
  }
}
