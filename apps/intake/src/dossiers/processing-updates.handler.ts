import { Injectable } from '@nestjs/common';
import { DossierRouted, DossierStatusChanged, EnvelopeOf } from '@onestop/contracts';
import { EventHandler, HandlesEvent } from '@onestop/messaging';
import { EntityManager } from 'typeorm';
import { ProcessingUpdatesService } from './processing-updates.service';

/** Keeps intake's copy of each dossier's status current, for the public look-up and the desks. */
@Injectable()
@HandlesEvent(DossierStatusChanged)
export class StatusChangedHandler implements EventHandler<EnvelopeOf<typeof DossierStatusChanged>> {
  constructor(private readonly updates: ProcessingUpdatesService) {}

  handle(event: EnvelopeOf<typeof DossierStatusChanged>, tx: EntityManager): Promise<void> {
    return this.updates.statusChanged(event, tx);
  }
}

@Injectable()
@HandlesEvent(DossierRouted)
export class RoutedHandler implements EventHandler<EnvelopeOf<typeof DossierRouted>> {
  constructor(private readonly updates: ProcessingUpdatesService) {}

  handle(event: EnvelopeOf<typeof DossierRouted>, tx: EntityManager): Promise<void> {
    return this.updates.routed(event, tx);
  }
}
