import { Injectable } from '@nestjs/common';
import { EnvelopeOf, TaskAssigned, TaskAtRisk } from '@onestop/contracts';
import { EntityManager } from 'typeorm';

/** A commune's standing on a task, as every event of task monitoring about it carries it whole. */
export type TaskCommuneStanding = EnvelopeOf<typeof TaskAtRisk>['payload'];

/** The moment the commune first fell behind or passed its due date, kept once set. */
export type Milestone = 'at_risk_at' | 'overdue_at';

/** A task as it is given to communes. */
export type AssignedTask = EnvelopeOf<typeof TaskAssigned>['payload'];

/** Columns an event may only overwrite when it is not older than what the row already shows. */
const LATEST = ['title', 'target_value', 'value', 'status', 'due_date'].map(
  (column) =>
    `${column} = CASE WHEN EXCLUDED.updated_at >= task_commune_facts.updated_at THEN EXCLUDED.${column} ELSE task_commune_facts.${column} END`,
);

/** `task_commune_facts`: where each commune stands on each province task, written in the event's transaction. */
@Injectable()
export class TaskCommuneFactStore {
  /** One row per commune given the task, not started, nothing reported yet; a row already there is kept. */
  async assign(tx: EntityManager, task: AssignedTask, at: string): Promise<void> {
    await tx.query(
      `INSERT INTO task_commune_facts (task_id, commune_code, province_code, title, target_value, value, status, due_date, updated_at)
       SELECT $1, commune_code, $2, $3, $4, NULL, 'not-started', $5, $6 FROM unnest($7::text[]) AS commune_code
       ON CONFLICT (task_id, commune_code) DO NOTHING`,
      [task.taskId, task.provinceCode, task.title, task.targetValue, task.dueDate, at, task.communeCodes],
    );
  }

  /** Where a commune stands on a task after an event at `at`; an older event does not overwrite a newer standing. */
  async record(tx: EntityManager, commune: TaskCommuneStanding, at: string, milestone?: Milestone): Promise<void> {
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
}
