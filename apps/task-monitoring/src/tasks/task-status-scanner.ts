import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { OutboxWriter, PollingLoop, timeOrigin } from '@onestop/messaging';
import { Clock } from '@onestop/platform';
import { DataSource } from 'typeorm';
import { TaskMonitoringEnv } from '../task-monitoring.env';
import { warningEvents } from './task-events';
import { reassess, WarningsSent } from './task-status';
import { communeProgress, TASK_COLUMNS, TaskRecord } from './task.record';

interface DueStanding extends TaskRecord, WarningsSent {
  communeCode: string;
  value: number | null;
}

/**
 * Time alone makes a commune's task at risk, then overdue. Each commune's next moment of change is
 * kept in `next_check_at`, so this loop only reads rows that fell due and survives restarts. Rows are
 * claimed with SKIP LOCKED, so replicas share the work; the new status, the warning flags and the
 * warnings themselves commit together, so each warning goes out once per task and commune.
 */
@Injectable()
export class TaskStatusScanner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TaskStatusScanner.name);
  private readonly loop: PollingLoop;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly env: TaskMonitoringEnv,
  ) {
    this.loop = new PollingLoop({
      round: () => this.scanDue(),
      pollMs: env.DEADLINE_SCAN_INTERVAL_MS,
      onError: (error) => this.logger.warn(`task status scan failed, trying again shortly: ${error.message}`),
      // Simulated time may jump ahead: what fell due in the jump is looked for at once.
      clock,
    });
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  /** One batch of due rows; true when the batch was full and more may be waiting. */
  async scanDue(): Promise<boolean> {
    const now = this.clock.now();
    const batch = this.env.DEADLINE_SCAN_BATCH;
    return this.dataSource.transaction(async (tx) => {
      const due: DueStanding[] = await tx.query(
        `SELECT ${TASK_COLUMNS}, tc.commune_code AS "communeCode", tc.value::float8 AS value,
                tc.at_risk_notified AS "atRiskNotified", tc.overdue_notified AS "overdueNotified"
           FROM task_communes tc JOIN tasks t ON t.id = tc.task_id
          WHERE tc.next_check_at <= $1
          ORDER BY tc.next_check_at LIMIT $2
          FOR UPDATE OF tc SKIP LOCKED`,
        [now, batch],
      );
      if (due.length === 0) return false;
      const assessed = due.map((standing) => reassess(communeProgress(standing, standing.value), standing, now, this.env.TASK_AT_RISK_GAP_PERCENT));
      await tx.query(
        `UPDATE task_communes tc SET status = s.status, next_check_at = s.next_check_at,
                at_risk_notified = tc.at_risk_notified OR s.at_risk, overdue_notified = tc.overdue_notified OR s.overdue,
                updated_at = CASE WHEN tc.status = s.status THEN tc.updated_at ELSE $1 END
           FROM unnest($2::uuid[], $3::text[], $4::text[], $5::timestamptz[], $6::boolean[], $7::boolean[])
             AS s(task_id, commune_code, status, next_check_at, at_risk, overdue)
          WHERE tc.task_id = s.task_id AND tc.commune_code = s.commune_code`,
        [
          now,
          due.map((standing) => standing.id),
          due.map((standing) => standing.communeCode),
          assessed.map((reassessment) => reassessment.status),
          assessed.map((reassessment) => reassessment.nextCheckAt),
          assessed.map((reassessment) => reassessment.announceAtRisk),
          assessed.map((reassessment) => reassessment.announceOverdue),
        ],
      );
      const warnings = due.flatMap((standing, index) => warningEvents(standing, standing.communeCode, standing.value, assessed[index], timeOrigin('task-monitoring', standing.id)));
      await this.outbox.append(tx, warnings);
      return due.length === batch;
    });
  }
}
