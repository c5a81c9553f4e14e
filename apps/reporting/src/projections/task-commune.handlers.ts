import { Injectable } from '@nestjs/common';
import { EnvelopeOf, TaskAssigned, TaskAtRisk, TaskOverdue, TaskProgressReported } from '@onestop/contracts';
import { EventHandler, HandlesEvent } from '@onestop/messaging';
import { EntityManager } from 'typeorm';

type TaskCommune = EnvelopeOf<typeof TaskAtRisk>['payload'];

/** The moment the commune first fell behind or passed its due date, kept once set. */
type Milestone = 'at_risk_at' | 'overdue_at';

/** Columns an event may only overwrite when it is not older than what the row already shows. */
const LATEST = ['title', 'target_value', 'value', 'status', 'due_date'].map(
  (column) => `${column} = CASE WHEN EXCLUDED.updated_at >= task_commune_facts.updated_at THEN EXCLUDED.${column} ELSE task_commune_facts.${column} END`,
);

/** Where a commune stands on a task after an event of task monitoring; each such event carries the whole picture. */
async function recordTaskCommune(tx: EntityManager, commune: TaskCommune, at: string, milestone?: Milestone): Promise<void> {
  await tx.query(
    `INSERT INTO task_commune_facts (task_id, commune_code, province_code, title, target_value, value, status, due_date, at_risk_at, overdue_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (task_id, commune_code) DO UPDATE SET ${LATEST.join(', ')},
       at_risk_at = COALESCE(task_commune_facts.at_risk_at, EXCLUDED.at_risk_at),
       overdue_at = COALESCE(task_commune_facts.overdue_at, EXCLUDED.overdue_at),
       updated_at = GREATEST(task_commune_facts.updated_at, EXCLUDED.updated_at)`,
    [
      commune.taskId,
      commune.communeCode,
      commune.provinceCode,
      commune.title,
      commune.targetValue,
      commune.value,
      commune.status,
      commune.dueDate,
      milestone === 'at_risk_at' ? at : null,
      milestone === 'overdue_at' ? at : null,
      at,
    ],
  );
}

/** A task given to communes: one row per commune, not started, nothing reported yet. */
@Injectable()
@HandlesEvent(TaskAssigned)
export class ProjectTaskAssignment implements EventHandler<EnvelopeOf<typeof TaskAssigned>> {
  async handle(event: EnvelopeOf<typeof TaskAssigned>, tx: EntityManager): Promise<void> {
    const task = event.payload;
    await tx.query(
      `INSERT INTO task_commune_facts (task_id, commune_code, province_code, title, target_value, value, status, due_date, updated_at)
       SELECT $1, commune_code, $2, $3, $4, NULL, 'not-started', $5, $6 FROM unnest($7::text[]) AS commune_code
       ON CONFLICT (task_id, commune_code) DO NOTHING`,
      [task.taskId, task.provinceCode, task.title, task.targetValue, task.dueDate, event.occurredAt, task.communeCodes],
    );
  }
}

@Injectable()
@HandlesEvent(TaskProgressReported)
export class ProjectTaskProgress implements EventHandler<EnvelopeOf<typeof TaskProgressReported>> {
  async handle(event: EnvelopeOf<typeof TaskProgressReported>, tx: EntityManager): Promise<void> {
    await recordTaskCommune(tx, event.payload, event.occurredAt);
  }
}

@Injectable()
@HandlesEvent(TaskAtRisk)
export class ProjectTaskAtRisk implements EventHandler<EnvelopeOf<typeof TaskAtRisk>> {
  async handle(event: EnvelopeOf<typeof TaskAtRisk>, tx: EntityManager): Promise<void> {
    await recordTaskCommune(tx, event.payload, event.occurredAt, 'at_risk_at');
  }
}

@Injectable()
@HandlesEvent(TaskOverdue)
export class ProjectTaskOverdue implements EventHandler<EnvelopeOf<typeof TaskOverdue>> {
  async handle(event: EnvelopeOf<typeof TaskOverdue>, tx: EntityManager): Promise<void> {
    await recordTaskCommune(tx, event.payload, event.occurredAt, 'overdue_at');
  }
}
