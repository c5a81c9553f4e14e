import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CalendarStore } from '@onestop/calendar';
import { EventEnvelope } from '@onestop/contracts';
import { OutboxWriter, PollingLoop } from '@onestop/messaging';
import { Clock } from '@onestop/platform';
import { DataSource, EntityManager } from 'typeorm';
import { TaskMonitoringEnv } from '../task-monitoring.env';
import { CLOCK_COLUMNS, ClockRecord, recordOf } from './clock-store';
import { clockSettingsFrom } from './clock-settings';
import { alarmsDue, ClockSettings, Fired, nextFireAt, triggersOf } from './deadline-clock';
import { alarmEvent } from './deadline-events';
import { EscalationEntry, recordEscalations } from './escalations';

/** What one scan transaction did. */
export interface ScanResult {
  claimed: number;
  events: number;
}

/**
 * Fires the alarms that fell due. Due instants are indexed in PostgreSQL, so one query finds them
 * among every open dossier, and no timer lives in memory: a restarted replica picks up where the
 * last one stopped. Each batch is claimed with SKIP LOCKED and settled in one transaction with its
 * events in the outbox, so replicas share the work and an alarm is announced exactly once.
 */
@Injectable()
export class DeadlineScanner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeadlineScanner.name);
  private readonly settings: ClockSettings;
  private readonly loop: PollingLoop;

  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: CalendarStore,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly env: TaskMonitoringEnv,
  ) {
    this.settings = clockSettingsFrom(env);
    this.loop = new PollingLoop({
      round: async () => (await this.scanOnce()).claimed === env.DEADLINE_SCAN_BATCH,
      pollMs: env.DEADLINE_SCAN_INTERVAL_MS,
      onError: (error) => this.logger.warn(`deadline scan failed, trying again shortly: ${error.message}`),
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

  wake(): void {
    this.loop.wake();
  }

  /** One batch: claims up to DEADLINE_SCAN_BATCH due clocks and fires their alarms. */
  async scanOnce(): Promise<ScanResult> {
    const now = this.clock.now();
    const calendar = await this.calendars.calendar();
    return this.dataSource.transaction(async (tx) => {
      const rows = await tx.query(
        `SELECT ${CLOCK_COLUMNS} FROM dossier_clocks WHERE next_fire_at <= $1 ORDER BY next_fire_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [now, this.env.DEADLINE_SCAN_BATCH],
      );
      const events: EventEnvelope[] = [];
      const escalations: EscalationEntry[] = [];
      const settled: Array<{ record: ClockRecord; fired: Fired; nextFireAt: Date | null }> = [];
      for (const record of rows.map(recordOf)) {
        const triggers = triggersOf(record.clock, calendar, this.settings);
        if (!triggers) {
          settled.push({ record, fired: record.clock.fired, nextFireAt: null });
          continue;
        }
        const { alarms, fired } = alarmsDue(record.clock, triggers, now);
        for (const alarm of alarms) {
          events.push(alarmEvent(record, triggers, alarm));
          if (alarm === 'unit-leader' || alarm === 'province') escalations.push({ record, level: alarm, dueAt: triggers.dueAt, escalatedAt: triggers.escalateAt[alarm] });
        }
        settled.push({ record, fired, nextFireAt: nextFireAt({ ...record.clock, fired }, triggers) });
      }
      await this.outbox.append(tx, events);
      await recordEscalations(tx, escalations);
      await this.settle(tx, settled, now);
      return { claimed: rows.length, events: events.length };
    });
  }

  private async settle(tx: EntityManager, settled: Array<{ record: ClockRecord; fired: Fired; nextFireAt: Date | null }>, now: Date): Promise<void> {
    if (settled.length === 0) return;
    const column = <T>(pick: (entry: (typeof settled)[number]) => T) => settled.map(pick);
    await tx.query(
      `UPDATE dossier_clocks c SET due_soon_fired = s.due_soon, overdue_fired = s.overdue, step_overdue_fired = s.step_overdue,
              escalation_level = s.escalation, next_fire_at = s.next_fire_at, updated_at = $1
         FROM unnest($2::uuid[], $3::boolean[], $4::boolean[], $5::boolean[], $6::smallint[], $7::timestamptz[])
           AS s(dossier_id, due_soon, overdue, step_overdue, escalation, next_fire_at)
        WHERE c.dossier_id = s.dossier_id`,
      [
        now,
        column((entry) => entry.record.dossierId),
        column((entry) => entry.fired.dueSoon),
        column((entry) => entry.fired.overdue),
        column((entry) => entry.fired.stepOverdue),
        column((entry) => entry.fired.escalation),
        column((entry) => entry.nextFireAt),
      ],
    );
  }
}
