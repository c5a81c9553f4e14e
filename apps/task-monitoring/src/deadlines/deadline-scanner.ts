import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { TOPICS } from '@onestop/contracts';
import { MessagingRuntime, PollingLoop } from '@onestop/messaging';
import { Clock } from '@onestop/platform';
import { DataSource } from 'typeorm';
import { TaskMonitoringEnv } from '../task-monitoring.env';
import { AlarmFirer, DueAlarms } from './alarm-firer';
import { storedClockOf } from './clock-record';
import { alarmsDue, nextFireAt } from './deadline-clock';
import { DossierClockStore, SettledClock } from './dossier-clock.store';

/** What one scan transaction did. */
export interface ScanResult {
  claimed: number;
  events: number;
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
    private readonly clocks: DossierClockStore,
    private readonly firer: AlarmFirer,
    private readonly clock: Clock,
    private readonly env: TaskMonitoringEnv,
  ) {}

  /** Claims up to DEADLINE_SCAN_BATCH due clocks and fires their alarms. */
  async once(): Promise<ScanResult> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (tx) => {
      const rows = await this.clocks.claimDue(tx, now, this.env.DEADLINE_SCAN_BATCH);
      const due: DueAlarms[] = [];
      const settled: SettledClock[] = [];
      for (const { record, triggers } of rows.map(storedClockOf)) {
        if (!triggers) {
          settled.push({ dossierId: record.dossierId, fired: record.clock.fired, nextFireAt: null });
          continue;
        }
        const { alarms, fired } = alarmsDue(record.clock, triggers, now);
        due.push({ record, triggers, alarms });
        settled.push({
          dossierId: record.dossierId,
          fired,
          nextFireAt: nextFireAt({ ...record.clock, fired }, triggers),
        });
      }
      const events = await this.firer.fire(tx, due);
      await this.clocks.settleScanned(tx, settled, now);
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
