import { Injectable } from '@nestjs/common';
import { DossierReceived, DossierRefusedAtIntake, DossierRouted, DossierStatusChanged, EnvelopeOf } from '@onestop/contracts';
import { DossierReceivedEvent, DossierRefusedEvent, EventHandler, HandlesEvent } from '@onestop/messaging';
import { EntityManager } from 'typeorm';
import { DossierNoticesService } from './dossier-notices.service';

@Injectable()
@HandlesEvent(DossierReceived)
export class DossierReceivedNotifier implements EventHandler<DossierReceivedEvent> {
  constructor(private readonly notices: DossierNoticesService) {}

  handle(event: DossierReceivedEvent, tx: EntityManager): Promise<void> {
    return this.notices.received(event, tx);
  }
}

@Injectable()
@HandlesEvent(DossierRefusedAtIntake)
export class DossierRefusedNotifier implements EventHandler<DossierRefusedEvent> {
  constructor(private readonly notices: DossierNoticesService) {}

  handle(event: DossierRefusedEvent, tx: EntityManager): Promise<void> {
    return this.notices.refused(event, tx);
  }
}

@Injectable()
@HandlesEvent(DossierStatusChanged)
export class StatusChangedNotifier implements EventHandler<EnvelopeOf<typeof DossierStatusChanged>> {
  constructor(private readonly notices: DossierNoticesService) {}

  handle(event: EnvelopeOf<typeof DossierStatusChanged>, tx: EntityManager): Promise<void> {
    return this.notices.statusChanged(event, tx);
  }
}

@Injectable()
@HandlesEvent(DossierRouted)
export class DossierAssignedNotifier implements EventHandler<EnvelopeOf<typeof DossierRouted>> {
  constructor(private readonly notices: DossierNoticesService) {}

  handle(event: EnvelopeOf<typeof DossierRouted>, tx: EntityManager): Promise<void> {
    return this.notices.assigned(event, tx);
  }
}
