import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  DocumentSigned,
  DossierApologyIssued,
  DossierOverdue,
  DossierReceived,
  DossierRefusedAtIntake,
  DossierRouted,
  DossierStatusChanged,
  EnvelopeOf,
  NotificationUndeliverable,
  ServiceRated,
} from '@onestop/contracts';
import { InboxContext } from '@onestop/messaging';
import { DossierProjection } from './dossier-projection.service';

/**
 * Every service's events about a dossier, projected onto its fact and the counters within the
 * batch of events they came in: intake's receipts, refusals and ratings, routing's processing,
 * task monitoring's deadlines, digital signature's signed results and notification's failures.
 */
@Controller()
export class DossierEventsController {
  constructor(private readonly projection: DossierProjection) {}

  @EventPattern(DossierReceived.type)
  received(@Payload() event: EnvelopeOf<typeof DossierReceived>, @Ctx() inbox: InboxContext): Promise<void> {
    return this.projection.received(event, inbox.tx);
  }

  @EventPattern(DossierRefusedAtIntake.type)
  refusedAtIntake(
    @Payload() event: EnvelopeOf<typeof DossierRefusedAtIntake>,
    @Ctx() inbox: InboxContext,
  ): Promise<void> {
    return this.projection.refusedAtIntake(event, inbox.tx);
  }

  @EventPattern(DossierRouted.type)
  routed(@Payload() event: EnvelopeOf<typeof DossierRouted>, @Ctx() inbox: InboxContext): Promise<void> {
    return this.projection.routed(event, inbox.tx);
  }

  @EventPattern(DossierStatusChanged.type)
  statusChanged(@Payload() event: EnvelopeOf<typeof DossierStatusChanged>, @Ctx() inbox: InboxContext): Promise<void> {
    return this.projection.statusChanged(event, inbox.tx);
  }

  @EventPattern(DossierOverdue.type)
  overdue(@Payload() event: EnvelopeOf<typeof DossierOverdue>, @Ctx() inbox: InboxContext): Promise<void> {
    return this.projection.overdue(event, inbox.tx);
  }

  @EventPattern(DossierApologyIssued.type)
  apologyIssued(@Payload() event: EnvelopeOf<typeof DossierApologyIssued>, @Ctx() inbox: InboxContext): Promise<void> {
    return this.projection.apologyIssued(event, inbox.tx);
  }

  @EventPattern(DocumentSigned.type)
  documentSigned(@Payload() event: EnvelopeOf<typeof DocumentSigned>, @Ctx() inbox: InboxContext): Promise<void> {
    return this.projection.documentSigned(event, inbox.tx);
  }

  @EventPattern(NotificationUndeliverable.type)
  noticeUndeliverable(
    @Payload() event: EnvelopeOf<typeof NotificationUndeliverable>,
    @Ctx() inbox: InboxContext,
  ): Promise<void> {
    return this.projection.noticeUndeliverable(event, inbox.tx);
  }

  @EventPattern(ServiceRated.type)
  rated(@Payload() event: EnvelopeOf<typeof ServiceRated>, @Ctx() inbox: InboxContext): void {
    this.projection.rated(event, inbox.tx);
  }
}
