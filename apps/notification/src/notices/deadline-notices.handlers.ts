import { Injectable } from '@nestjs/common';
import { DossierApologyIssued, DossierDueSoon, DossierOverdue, EnvelopeOf } from '@onestop/contracts';
import { EventHandler, HandlesEvent } from '@onestop/messaging';
import { EntityManager } from 'typeorm';
import { DeadlineNoticesService } from './deadline-notices.service';

@Injectable()
@HandlesEvent(DossierDueSoon)
export class DueSoonNotifier implements EventHandler<EnvelopeOf<typeof DossierDueSoon>> {
  constructor(private readonly notices: DeadlineNoticesService) {}

  handle(event: EnvelopeOf<typeof DossierDueSoon>, tx: EntityManager): Promise<void> {
    return this.notices.deadline(event, tx);
  }
}

@Injectable()
@HandlesEvent(DossierOverdue)
export class OverdueNotifier implements EventHandler<EnvelopeOf<typeof DossierOverdue>> {
  constructor(private readonly notices: DeadlineNoticesService) {}

  handle(event: EnvelopeOf<typeof DossierOverdue>, tx: EntityManager): Promise<void> {
    return this.notices.deadline(event, tx);
  }
}

@Injectable()
@HandlesEvent(DossierApologyIssued)
export class ApologyNotifier implements EventHandler<EnvelopeOf<typeof DossierApologyIssued>> {
  constructor(private readonly notices: DeadlineNoticesService) {}

  handle(event: EnvelopeOf<typeof DossierApologyIssued>, tx: EntityManager): Promise<void> {
    return this.notices.apology(event, tx);
  }
}
