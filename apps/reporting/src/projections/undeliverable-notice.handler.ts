import { Injectable } from '@nestjs/common';
import { EnvelopeOf, NotificationUndeliverable } from '@onestop/contracts';
import { EventHandler, HandlesEvent } from '@onestop/messaging';
import { EntityManager } from 'typeorm';
import { DossierProjection } from './dossier-projection.service';

@Injectable()
@HandlesEvent(NotificationUndeliverable)
export class ProjectUndeliverableNotice implements EventHandler<EnvelopeOf<typeof NotificationUndeliverable>> {
  constructor(private readonly projection: DossierProjection) {}

  handle(event: EnvelopeOf<typeof NotificationUndeliverable>, tx: EntityManager): Promise<void> {
    return this.projection.noticeUndeliverable(event, tx);
  }
}
