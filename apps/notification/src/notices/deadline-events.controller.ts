import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { DossierApologyIssued, DossierDueSoon, DossierOverdue, EnvelopeOf } from '@onestop/contracts';
import { InboxContext } from '@onestop/messaging';
import { DeadlineNoticesService } from './deadline-notices.service';

/** Deadline events: the officer hears of a dossier near or past its due time, the applicant of a late result. */
@Controller()
export class DeadlineEventsController {
  constructor(private readonly notices: DeadlineNoticesService) {}

  @EventPattern(DossierDueSoon.type)
  dueSoon(@Payload() event: EnvelopeOf<typeof DossierDueSoon>, @Ctx() inbox: InboxContext): Promise<void> {
    return this.notices.deadline(event, inbox.tx);
  }

  @EventPattern(DossierOverdue.type)
  overdue(@Payload() event: EnvelopeOf<typeof DossierOverdue>, @Ctx() inbox: InboxContext): Promise<void> {
    return this.notices.deadline(event, inbox.tx);
  }

  @EventPattern(DossierApologyIssued.type)
  apologyIssued(@Payload() event: EnvelopeOf<typeof DossierApologyIssued>, @Ctx() inbox: InboxContext): Promise<void> {
    return this.notices.apology(event, inbox.tx);
  }
}
