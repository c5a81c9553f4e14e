import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { EvaluatedTask } from './evaluation-score';
import { TaskCommuneEntity } from './task-commune.entity';
import { TaskProgressReportEntity } from './task-progress-report.entity';
import { TaskEntity } from './task.entity';
import { CommuneFilter } from './task.store';

/** A commune's standing on a task with its latest report, as the task's views show them. */
export type CommuneStandingRow = Pick<
  TaskCommuneEntity,
  'taskId' | 'communeCode' | 'value' | 'status' | 'doneAt' | 'atRiskNotified' | 'overdueNotified' | 'updatedAt'
> & {
  /** reportedAt as json_build_object writes a timestamptz. */
  lastReport: (Omit<TaskProgressReportEntity, 'taskId' | 'communeCode' | 'reportedAt'> & { reportedAt: string }) | null;
};

/** A commune's task the status scanner claimed: the task and where the commune stands on it. */
export type DueStandingRow = TaskEntity &
  Pick<TaskCommuneEntity, 'communeCode' | 'value' | 'atRiskNotified' | 'overdueNotified'>;

/** One commune's task due in an evaluated period. */
export type EvaluatedRow = EvaluatedTask & { communeCode: string };

/** What a report or the scanner found a commune's standing to be; the warnings announced are remembered for good. */
export interface Reassessed {
  taskId: string;
  communeCode: string;
  status: TaskCommuneEntity['status'];
  nextCheckAt: Date | null;
  atRiskAnnounced: boolean;
  overdueAnnounced: boolean;
}

/**
 * The columns of `tasks t` under TaskEntity's property names, with TaskEntity's value types
 * (numeric as a number, dates as YYYY-MM-DD), for the statements TypeORM cannot write.
 */
const TASK_AS_ENTITY = `t.id, t.province_code AS "provinceCode", t.title, t.description, t.indicator, t.indicator_unit AS "indicatorUnit",
  t.target_value::float8 AS "targetValue", to_char(t.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(t.due_date, 'YYYY-MM-DD') AS "dueDate",
  t.created_by AS "createdBy", t.created_by_unit AS "createdByUnit", t.created_at AS "assignedAt"`;

/** Where each commune stands on each task it was given. */
@Injectable()
export class TaskCommuneStore {
  constructor(private readonly dataSource: DataSource) {}

  /** The communes a new task is given to, in one statement, as first assessed at `now`. */
  async insertAssigned(
    tx: EntityManager,
    taskId: string,
    now: Date,
    communes: ReadonlyArray<Pick<Reassessed, 'communeCode' | 'status' | 'nextCheckAt' | 'atRiskAnnounced'>>,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO task_communes (task_id, commune_code, status, at_risk_notified, next_check_at, updated_at)
       SELECT $1, c.code, c.status, c.at_risk, c.next_check_at, $2
         FROM unnest($3::text[], $4::text[], $5::boolean[], $6::timestamptz[]) AS c(code, status, at_risk, next_check_at)`,
      [
        taskId,
        now,
        communes.map((c) => c.communeCode),
        communes.map((c) => c.status),
        communes.map((c) => c.atRiskAnnounced),
        communes.map((c) => c.nextCheckAt),
      ],
    );
  }

  /** A commune's standing, locked against the scanner and concurrent reports until the transaction ends. */
  lock(tx: EntityManager, taskId: string, communeCode: string): Promise<TaskCommuneEntity | null> {
    return tx
      .getRepository(TaskCommuneEntity)
      .findOne({ where: { taskId, communeCode }, lock: { mode: 'pessimistic_write' } });
  }

  /** A report's value and what it was assessed to; `doneAt` is when the target was (first) reached, null while it is not. */
  async recordReport(
    tx: EntityManager,
    standing: Reassessed & { value: number; doneAt: Date | null; reportId: string },
    now: Date,
  ): Promise<void> {
    await tx.query(
      `UPDATE task_communes SET value = $3, status = $4, done_at = $5, last_report_id = $6, at_risk_notified = at_risk_notified OR $7,
              overdue_notified = overdue_notified OR $8, next_check_at = $9, updated_at = $10
        WHERE task_id = $1 AND commune_code = $2`,
      [
        standing.taskId,
        standing.communeCode,
        standing.value,
        standing.status,
        standing.doneAt,
        standing.reportId,
        standing.atRiskAnnounced,
        standing.overdueAnnounced,
        standing.nextCheckAt,
        now,
      ],
    );
  }

  /** The standings of the communes on these tasks that the filter picks, with their latest reports. */
  async standings(taskIds: string[], filter: CommuneFilter): Promise<CommuneStandingRow[]> {
    if (taskIds.length === 0) return [];
    return this.dataSource.query(
      `SELECT tc.task_id AS "taskId", tc.commune_code AS "communeCode", tc.value::float8 AS value, tc.status, tc.done_at AS "doneAt",
              tc.at_risk_notified AS "atRiskNotified", tc.overdue_notified AS "overdueNotified", tc.updated_at AS "updatedAt",
              CASE WHEN r.id IS NULL THEN NULL ELSE json_build_object('id', r.id, 'value', r.value::float8, 'comment', r.comment, 'evidence', r.evidence,
                'reportedBy', r.reported_by, 'reportedAt', r.reported_at) END AS "lastReport"
         FROM task_communes tc LEFT JOIN task_progress_reports r ON r.id = tc.last_report_id
        WHERE tc.task_id = ANY($1::uuid[]) AND ($2::text IS NULL OR tc.commune_code = $2) AND ($3::text IS NULL OR tc.status = $3)
        ORDER BY tc.task_id, tc.commune_code`,
      [taskIds, filter.commune, filter.status],
    );
  }

  /** Each commune's tasks of the province due between `from` and `to` (dates), or one commune's. */
  evaluated(provinceCode: string, from: string, to: string, commune: string | null): Promise<EvaluatedRow[]> {
    return this.dataSource.query(
      `SELECT tc.commune_code AS "communeCode", t.target_value::float8 AS "targetValue", tc.value::float8 AS value,
              to_char(t.due_date, 'YYYY-MM-DD') AS "dueDate", tc.done_at AS "doneAt"
         FROM tasks t JOIN task_communes tc ON tc.task_id = t.id
        WHERE t.province_code = $1 AND t.due_date BETWEEN $2 AND $3 AND ($4::text IS NULL OR tc.commune_code = $4)`,
      [provinceCode, from, to, commune],
    );
  }

  /** Claims up to `batch` standings that time may have changed by `now`, locked; SKIP LOCKED lets replicas share them. */
  claimDue(tx: EntityManager, now: Date, batch: number): Promise<DueStandingRow[]> {
    return tx.query(
      `SELECT ${TASK_AS_ENTITY}, tc.commune_code AS "communeCode", tc.value::float8 AS value,
              tc.at_risk_notified AS "atRiskNotified", tc.overdue_notified AS "overdueNotified"
         FROM task_communes tc JOIN tasks t ON t.id = tc.task_id
        WHERE tc.next_check_at <= $1
        ORDER BY tc.next_check_at LIMIT $2
        FOR UPDATE OF tc SKIP LOCKED`,
      [now, batch],
    );
  }

  /** Records, in one statement for the whole batch, what the scanner found; `updated_at` moves only with the status. */
  async settleScanned(tx: EntityManager, settled: readonly Reassessed[], now: Date): Promise<void> {
    await tx.query(
      `UPDATE task_communes tc SET status = s.status, next_check_at = s.next_check_at,
              at_risk_notified = tc.at_risk_notified OR s.at_risk, overdue_notified = tc.overdue_notified OR s.overdue,
              updated_at = CASE WHEN tc.status = s.status THEN tc.updated_at ELSE $1 END
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::timestamptz[], $6::boolean[], $7::boolean[])
           AS s(task_id, commune_code, status, next_check_at, at_risk, overdue)
        WHERE tc.task_id = s.task_id AND tc.commune_code = s.commune_code`,
      [
        now,
        settled.map((s) => s.taskId),
        settled.map((s) => s.communeCode),
        settled.map((s) => s.status),
        settled.map((s) => s.nextCheckAt),
        settled.map((s) => s.atRiskAnnounced),
        settled.map((s) => s.overdueAnnounced),
      ],
    );
  }
}
