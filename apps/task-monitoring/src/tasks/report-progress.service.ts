import { Injectable } from '@nestjs/common';
import { TaskProgressReported } from '@onestop/contracts';
import { createEvent, OutboxWriter, requestOrigin } from '@onestop/messaging';
import { Clock, Principal, ProblemException } from '@onestop/platform';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { TaskMonitoringEnv } from '../task-monitoring.env';
import { ReportProgressDto } from './dto/report-progress.dto';
import { communeTaskPayload, warningEvents } from './task-events';
import { TaskJurisdiction } from './task-jurisdiction';
import { TaskQueries } from './task-queries.service';
import { reassess, WarningsSent } from './task-status';
import { communeProgress } from './task.record';

interface LockedStanding extends WarningsSent {
  doneAt: Date | null;
}

/**
 * A commune reports where it stands on a task. The reported value replaces the previous one (it is
 * the indicator's level, not an increment), so reports after `done` are accepted as corrections:
 * a value below the target reopens the task, and the warnings already sent are not sent again.
 */
@Injectable()
export class ReportProgress {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly jurisdiction: TaskJurisdiction,
    private readonly queries: TaskQueries,
    private readonly clock: Clock,
    private readonly env: TaskMonitoringEnv,
  ) {}

  async report(taskId: string, communeCode: string, command: ReportProgressDto, principal: Principal) {
    const viewer = await this.jurisdiction.viewer(principal);
    const now = this.clock.now();
    const origin = requestOrigin('task-monitoring', principal);
    const task = await this.dataSource.transaction(async (tx) => {
      const task = await this.queries.visibleTask(tx, taskId, viewer);
      if (viewer.level !== 'commune' || viewer.communeCode !== communeCode) {
        throw new ProblemException(403, 'Not allowed', { detail: `progress of ${communeCode} is reported by that commune's officers` });
      }
      // Locked against the scanner and concurrent reports: the status follows the latest value.
      const [standing]: LockedStanding[] = await tx.query(
        `SELECT done_at AS "doneAt", at_risk_notified AS "atRiskNotified", overdue_notified AS "overdueNotified"
           FROM task_communes WHERE task_id = $1 AND commune_code = $2 FOR UPDATE`,
        [taskId, communeCode],
      );
      const reportId = uuidv7({ msecs: now.getTime() });
      await tx.query(
        `INSERT INTO task_progress_reports (id, task_id, commune_code, value, comment, evidence, reported_by, reported_at)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8)`,
        [reportId, taskId, communeCode, command.value, command.comment ?? null, JSON.stringify(command.evidence ?? []), principal.subject, now],
      );
      const reassessment = reassess(communeProgress(task, command.value), standing, now, this.env.TASK_AT_RISK_GAP_PERCENT, now);
      await tx.query(
        `UPDATE task_communes SET value = $3, status = $4, done_at = $5, last_report_id = $6, at_risk_notified = at_risk_notified OR $7,
                overdue_notified = overdue_notified OR $8, next_check_at = $9, updated_at = $10
          WHERE task_id = $1 AND commune_code = $2`,
        [
          taskId,
          communeCode,
          command.value,
          reassessment.status,
          reassessment.status === 'done' ? (standing.doneAt ?? now) : null,
          reportId,
          reassessment.announceAtRisk,
          reassessment.announceOverdue,
          reassessment.nextCheckAt,
          now,
        ],
      );
      const reported = createEvent(
        TaskProgressReported,
        taskId,
        { ...communeTaskPayload(task, communeCode, command.value, reassessment.status), reportId, reportedBy: principal.subject },
        origin,
        now,
      );
      await this.outbox.append(tx, [reported, ...warningEvents(task, communeCode, command.value, reassessment, origin)]);
      return task;
    });
    return this.queries.communeProgress(task, communeCode);
  }
}
