import { Injectable } from '@nestjs/common';
import { EnvelopeOf, TaskAssigned, TaskAtRisk, TaskOverdue, TaskProgressReported } from '@onestop/contracts';
import { EventHandler, HandlesEvent } from '@onestop/messaging';
import { EntityManager } from 'typeorm';
import { TaskCommuneFactStore } from './task-commune-fact.store';

/** A task given to communes: one row per commune, not started, nothing reported yet. */
@Injectable()
@HandlesEvent(TaskAssigned)
export class ProjectTaskAssignment implements EventHandler<EnvelopeOf<typeof TaskAssigned>> {
  constructor(private readonly standings: TaskCommuneFactStore) {}

  handle(event: EnvelopeOf<typeof TaskAssigned>, tx: EntityManager): Promise<void> {
    return this.standings.assign(tx, event.payload, event.occurredAt);
  }
}

@Injectable()
@HandlesEvent(TaskProgressReported)
export class ProjectTaskProgress implements EventHandler<EnvelopeOf<typeof TaskProgressReported>> {
  constructor(private readonly standings: TaskCommuneFactStore) {}

  handle(event: EnvelopeOf<typeof TaskProgressReported>, tx: EntityManager): Promise<void> {
    return this.standings.record(tx, event.payload, event.occurredAt);
  }
}

@Injectable()
@HandlesEvent(TaskAtRisk)
export class ProjectTaskAtRisk implements EventHandler<EnvelopeOf<typeof TaskAtRisk>> {
  constructor(private readonly standings: TaskCommuneFactStore) {}

  handle(event: EnvelopeOf<typeof TaskAtRisk>, tx: EntityManager): Promise<void> {
    return this.standings.record(tx, event.payload, event.occurredAt, 'at_risk_at');
  }
}

@Injectable()
@HandlesEvent(TaskOverdue)
export class ProjectTaskOverdue implements EventHandler<EnvelopeOf<typeof TaskOverdue>> {
  constructor(private readonly standings: TaskCommuneFactStore) {}

  handle(event: EnvelopeOf<typeof TaskOverdue>, tx: EntityManager): Promise<void> {
    return this.standings.record(tx, event.payload, event.occurredAt, 'overdue_at');
  }
}
