import { Injectable } from '@nestjs/common';
import { EnvelopeOf, ServiceRated } from '@onestop/contracts';
import { EventHandler, HandlesEvent } from '@onestop/messaging';
import { EntityManager } from 'typeorm';
import { DossierProjection } from './dossier-projection.service';

@Injectable()
@HandlesEvent(ServiceRated)
export class ProjectServiceRating implements EventHandler<EnvelopeOf<typeof ServiceRated>> {
  constructor(private readonly projection: DossierProjection) {}

  async handle(event: EnvelopeOf<typeof ServiceRated>, tx: EntityManager): Promise<void> {
    this.projection.rated(event, tx);
  }
}
