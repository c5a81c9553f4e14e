import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { TOPICS } from '@onestop/contracts';
import { MessagingRuntime, PollingLoop } from '@onestop/messaging';
import { Clock } from '@onestop/platform';
import { DataSource, EntityManager } from 'typeorm';
import { TaskMonitoringEnv } from '../task-monitoring.env';
import { AlarmFirer, DueAlarms } from './alarm-firer';
import { CLOCK_COLUMNS, ClockRow, storedClockOf } from './clock-store';
import { alarmsDue, Fired, nextFireAt } from './deadline-clock';

/** What one scan transaction did. */
export interface ScanResult {
  claimed: number;
  events: number;
}

interface Settled {
  dossierId: string;
  fired: Fired;
  nextFireAt: Date | null;
}

/**
 * One batch of the alarms that fell due. Due instants are indexed in PostgreSQL, so one query finds
 * them among every open dossier. The batch is claimed with SKIP LOCKED and settled in one
 * transaction with its events in the outbox, so replicas share the work and an alarm is announced
 * exactly once; a crash rolls the batch back and it is due again.
 */
@Injectable()
export class DeadlineScan {
  constructor(
    private readonly dataSource: DataSource,
    private readonly firer: AlarmFirer,
    private readonly clock: Clock,
    private readonly env: TaskMonitoringEnv,
  ) {}

  /** Claims up to DEADLINE_SCAN_BATCH due clocks and fires their alarms. */
  async once(): Promise<ScanResult> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (tx) => {
      const rows: ClockRow[] = await tx.query(
        `SELECT ${CLOCK_COLUMNS} FROM dossier_clocks WHERE next_fire_at <= $1 ORDER BY next_fire_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [now, this.env.DEADLINE_SCAN_BATCH],
      );
      const due: DueAlarms[] = [];
      const settled: Settled[] = [];
      for (const { record, triggers } of rows.map(storedClockOf)) {
        if (!triggers) {
          settled.push({ dossierId: record.dossierId, fired: record.clock.fired, nextFireAt: null });
          continue;
        }
        const { alarms, fired } = alarmsDue(record.clock, triggers, now);
        due.push({ record, triggers, alarms });
        settled.push({ dossierId: record.dossierId, fired, nextFireAt: nextFireAt({ ...record.clock, fired }, triggers) });
      }
      const events = await this.firer.fire(tx, due);
      await settle(tx, settled, now);
      return { claimed: rows.length, events };
    });
  }
}

/**
 * Runs the scan in the background, batch after batch while there is work, then at each interval,
 * at once after a jump of simulated time or a clock change committed. No timer lives in memory:
 * a restarted replica picks up from the database where the last one stopped.
 */
@Injectable()
export class DeadlineScanner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeadlineScanner.name);
  private readonly loop: PollingLoop;
  private stopping = false;

  constructor(
    scan: DeadlineScan,
    private readonly messaging: MessagingRuntime,
    clock: Clock,
    env: TaskMonitoringEnv,
  ) {
    this.loop = new PollingLoop({
      round: async () => (await scan.once()).claimed === env.DEADLINE_SCAN_BATCH,
      pollMs: env.DEADLINE_SCAN_INTERVAL_MS,
      onError: (error) => this.logger.warn(`deadline scan failed, trying again shortly: ${error.message}`),
      // Simulated time may jump ahead: what fell due in the jump is looked for at once.
      clock,
    });
  }

  /**
   * The scan starts once the dossier events that were waiting at boot are applied: fired on a
   * clock whose end is still in the topic, an overdue notice would go out for a dossier done in time.
   */
  onApplicationBootstrap(): void {
    void this.messaging
      .whenCaughtUp(TOPICS.dossier)
      .then(() => {
        if (!this.stopping) this.loop.start();
      })
      .catch((error: Error) => this.logger.error(`deadline scan not started: ${error.message}`));
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.loop.stop();
  }

  wake(): void {
    this.loop.wake();
  }
}

async function settle(tx: EntityManager, settled: readonly Settled[], now: Date): Promise<void> {
  if (settled.length === 0) return;
  const column = <T>(pick: (entry: Settled) => T) => settled.map(pick);
  await tx.query(
    `UPDATE dossier_clocks c SET due_soon_fired = s.due_soon, overdue_fired = s.overdue, step_overdue_fired = s.step_overdue,
            escalation_level = s.escalation, next_fire_at = s.next_fire_at, updated_at = $1
       FROM unnest($2::uuid[], $3::boolean[], $4::boolean[], $5::boolean[], $6::smallint[], $7::timestamptz[])
         AS s(dossier_id, due_soon, overdue, step_overdue, escalation, next_fire_at)
      WHERE c.dossier_id = s.dossier_id`,
    [
      now,
      column((entry) => entry.dossierId),
      column((entry) => entry.fired.dueSoon),
      column((entry) => entry.fired.overdue),
      column((entry) => entry.fired.stepOverdue),
      column((entry) => entry.fired.escalation),
      column((entry) => entry.nextFireAt),
    ],
  );
}
