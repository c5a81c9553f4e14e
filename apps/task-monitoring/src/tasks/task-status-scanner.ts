import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { OutboxWriter, PollingLoop, timeOrigin } from '@onestop/messaging';
import { Clock } from '@onestop/platform';
import { DataSource } from 'typeorm';
import { TaskMonitoringEnv } from '../task-monitoring.env';
import { TaskCommuneStore } from './task-commune.store';
import { warningEvents } from './task-events';
import { reassess } from './task-status';
import { communeProgress } from './task-view';

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
    private readonly standings: TaskCommuneStore,
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
      const due = await this.standings.claimDue(tx, now, batch);
      if (due.length === 0) return false;
      const assessed = due.map((standing) =>
        reassess(communeProgress(standing, standing.value), standing, now, this.env.TASK_AT_RISK_GAP_PERCENT),
      );
      await this.standings.settleScanned(
        tx,
        due.map((standing, index) => ({
          taskId: standing.id,
          communeCode: standing.communeCode,
          status: assessed[index].status,
          nextCheckAt: assessed[index].nextCheckAt,
          atRiskAnnounced: assessed[index].announceAtRisk,
          overdueAnnounced: assessed[index].announceOverdue,
        })),
        now,
      );
      const warnings = due.flatMap((standing, index) =>
        warningEvents(
          standing,
          standing.communeCode,
          standing.value,
          assessed[index],
          timeOrigin('task-monitoring', standing.id),
        ),
      );
      await this.outbox.append(tx, warnings);
      return due.length === batch;
    });
  }
}
