import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EnvelopeOf, TaskAssigned, TaskAtRisk, TaskOverdue, TaskProgressReported } from '@onestop/contracts';
import { InboxContext } from '@onestop/messaging';
import { TaskCommuneFactStore } from './task-commune-fact.store';

/** Task monitoring's events about the tasks the province gives communes: each carries a commune's whole standing. */
@Controller()
export class TaskEventsController {
  constructor(private readonly standings: TaskCommuneFactStore) {}

  /** A task given to communes: one row per commune, not started, nothing reported yet. */
  @EventPattern(TaskAssigned.type)
  assigned(@Payload() event: EnvelopeOf<typeof TaskAssigned>, @Ctx() inbox: InboxContext): Promise<void> {
    return this.standings.assign(inbox.tx, event.payload, event.occurredAt);
  }

  @EventPattern(TaskProgressReported.type)
  progressReported(
    @Payload() event: EnvelopeOf<typeof TaskProgressReported>,
    @Ctx() inbox: InboxContext,
  ): Promise<void> {
    return this.standings.record(inbox.tx, event.payload, event.occurredAt);
  }

  @EventPattern(TaskAtRisk.type)
  atRisk(@Payload() event: EnvelopeOf<typeof TaskAtRisk>, @Ctx() inbox: InboxContext): Promise<void> {
    return this.standings.record(inbox.tx, event.payload, event.occurredAt, 'at_risk_at');
  }

  @EventPattern(TaskOverdue.type)
  overdue(@Payload() event: EnvelopeOf<typeof TaskOverdue>, @Ctx() inbox: InboxContext): Promise<void> {
    return this.standings.record(inbox.tx, event.payload, event.occurredAt, 'overdue_at');
  }
}
