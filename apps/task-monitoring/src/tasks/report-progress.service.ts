import { Injectable } from '@nestjs/common';
import { TaskProgressReported } from '@onestop/contracts';
import { createEvent, OutboxWriter, requestOrigin } from '@onestop/messaging';
import { Clock, Principal } from '@onestop/platform';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { TaskMonitoringProblems } from '../problems';
import { TaskMonitoringEnv } from '../task-monitoring.env';
import { ReportProgressDto } from './dto/report-progress.dto';
import { TaskCommuneStore } from './task-commune.store';
import { communeTaskPayload, warningEvents } from './task-events';
import { TaskJurisdiction } from './task-jurisdiction';
import { TaskProgressReportStore } from './task-progress-report.store';
import { TaskQueries } from './task-queries.service';
import { reassess } from './task-status';
import { communeProgress } from './task-view';

/**
 * A commune reports where it stands on a task. The reported value replaces the previous one (it is
 * the indicator's level, not an increment), so reports after `done` are accepted as corrections:
 * a value below the target reopens the task, and the warnings already sent are not sent again.
 */
@Injectable()
export class ReportProgress {
  constructor(
    private readonly dataSource: DataSource,
    private readonly standings: TaskCommuneStore,
    private readonly reports: TaskProgressReportStore,
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
      const task = await this.queries.visibleTask(taskId, viewer, tx);
      if (viewer.level !== 'commune' || viewer.communeCode !== communeCode) {
        throw TaskMonitoringProblems.progressOfOtherCommune(communeCode);
      }
      // Locked against the scanner and concurrent reports: the status follows the latest value.
      const standing = (await this.standings.lock(tx, taskId, communeCode))!;
      const reportId = uuidv7({ msecs: now.getTime() });
      await this.reports.insert(tx, {
        id: reportId,
        taskId,
        communeCode,
        value: command.value,
        comment: command.comment ?? null,
        evidence: command.evidence ?? [],
        reportedBy: principal.subject,
        reportedAt: now,
      });
      const reassessment = reassess(
        communeProgress(task, command.value),
        standing,
        now,
        this.env.TASK_AT_RISK_GAP_PERCENT,
        now,
      );
      await this.standings.recordReport(
        tx,
        {
          taskId,
          communeCode,
          value: command.value,
          status: reassessment.status,
          doneAt: reassessment.status === 'done' ? (standing.doneAt ?? now) : null,
          reportId,
          nextCheckAt: reassessment.nextCheckAt,
          atRiskAnnounced: reassessment.announceAtRisk,
          overdueAnnounced: reassessment.announceOverdue,
        },
        now,
      );
      const reported = createEvent(
        TaskProgressReported,
        taskId,
        {
          ...communeTaskPayload(task, communeCode, command.value, reassessment.status),
          reportId,
          reportedBy: principal.subject,
        },
        origin,
        now,
      );
      await this.outbox.append(tx, [
        reported,
        ...warningEvents(task, communeCode, command.value, reassessment, origin),
      ]);
      return task;
    });
    return this.queries.communeProgress(task, communeCode);
  }
}
