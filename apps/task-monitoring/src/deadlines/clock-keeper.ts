import { Injectable, Logger } from '@nestjs/common';
import { CalendarStore, WorkingCalendar } from '@onestop/calendar';
import { afterCommit, Clock } from '@onestop/platform';
import { EntityManager } from 'typeorm';
import { TaskMonitoringEnv } from '../task-monitoring.env';
import { ClockRecord, lockClock, saveClock } from './clock-store';
import { clockSettingsFrom } from './clock-settings';
import { ClockSettings } from './deadline-clock';
import { DeadlineScanner } from './deadline-scanner';

export interface ClockContext {
  calendar: WorkingCalendar;
  settings: ClockSettings;
}

/**
 * Changes dossiers' clocks inside the caller's transaction (an event's, or a request's) and has
 * the scan look again once the change is committed, since an alarm may now be due.
 */
@Injectable()
export class ClockKeeper {
  private readonly logger = new Logger(ClockKeeper.name);
  readonly settings: ClockSettings;

  constructor(
    private readonly calendars: CalendarStore,
    private readonly scanner: DeadlineScanner,
    private readonly clock: Clock,
    env: TaskMonitoringEnv,
  ) {
    this.settings = clockSettingsFrom(env);
  }

  async context(): Promise<ClockContext> {
    return { calendar: await this.calendars.calendar(), settings: this.settings };
  }

  /** Starts the clock of a newly received dossier; a dossier already known keeps its clock. */
  async start(tx: EntityManager, build: (context: ClockContext) => ClockRecord): Promise<void> {
    const context = await this.context();
    const record = build(context);
    if (await lockClock(tx, record.dossierId)) return;
    await this.save(tx, record, context);
  }

  /**
   * Applies `change` to a dossier's clock. A dossier received before this service kept clocks
   * (or whose receipt it never saw) has none: it is logged and skipped, not retried forever.
   */
  async change(tx: EntityManager, dossierId: string, change: (record: ClockRecord, context: ClockContext) => ClockRecord): Promise<ClockRecord | null> {
    const record = await lockClock(tx, dossierId);
    if (!record) {
      this.logger.warn(`no deadline clock for dossier ${dossierId}: its receipt was not seen here`);
      return null;
    }
    const context = await this.context();
    const changed = change(record, context);
    await this.save(tx, changed, context);
    return changed;
  }

  private async save(tx: EntityManager, record: ClockRecord, context: ClockContext): Promise<void> {
    await saveClock(tx, record, context.calendar, context.settings, this.clock.now());
    afterCommit(tx, () => this.scanner.wake());
  }
}
