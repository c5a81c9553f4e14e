import { Injectable, Logger } from '@nestjs/common';
import { CalendarStore, WorkingCalendar } from '@onestop/calendar';
import { afterCommit, Clock } from '@onestop/platform';
import { EntityManager } from 'typeorm';
import { TaskMonitoringEnv } from '../task-monitoring.env';
import { AlarmFirer } from './alarm-firer';
import { ClockRecord, StoredClock } from './clock-record';
import { clockSettingsFrom } from './clock-settings';
import { alarmsDue, ClockSettings, refreshTriggers, triggersOf } from './deadline-clock';
import { DeadlineScanner } from './deadline-scanner';
import { DossierClockStore } from './dossier-clock.store';

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
    private readonly store: DossierClockStore,
    private readonly scanner: DeadlineScanner,
    private readonly firer: AlarmFirer,
    private readonly clock: Clock,
    env: TaskMonitoringEnv,
  ) {
    this.settings = clockSettingsFrom(env);
  }

  /** What a clock of the province is computed with: the province's working calendar and the settings. */
  async context(provinceCode: string): Promise<ClockContext> {
    return { calendar: await this.calendars.calendar(provinceCode), settings: this.settings };
  }

  /** Starts the clock of a newly received dossier of a province; a dossier already known keeps its clock. */
  async start(tx: EntityManager, provinceCode: string, build: (context: ClockContext) => ClockRecord): Promise<void> {
    const context = await this.context(provinceCode);
    const record = build(context);
    if (record.provinceCode !== provinceCode)
      throw new Error(`a clock of province ${record.provinceCode} started on the calendar of ${provinceCode}`);
    await this.write(tx, { record, triggers: triggersOf(record.clock, context.calendar, context.settings) }, 'insert');
  }

  /**
   * Applies `change`, which happened at `at`, to a dossier's clock. Alarms that fell due before
   * `at` are fired first, as they would have been had the scan come by in time: a dossier done
   * after its deadline was late even if its last event arrives before the scan. A dossier received
   * before this service kept clocks (or whose receipt it never saw) has none: it is logged and skipped.
   */
  async change(
    tx: EntityManager,
    dossierId: string,
    at: Date,
    change: (record: ClockRecord, context: ClockContext) => ClockRecord,
  ): Promise<ClockRecord | null> {
    const stored = await this.store.lock(tx, dossierId);
    if (!stored) {
      this.logger.warn(`no deadline clock for dossier ${dossierId}: its receipt was not seen here`);
      return null;
    }
    const record = await this.fireDueBefore(tx, stored, at);
    // The clock runs on its dossier's province's calendar, whatever unit answers for it now.
    const context = await this.context(record.provinceCode);
    const changed = change(record, context);
    const triggers = refreshTriggers(stored.triggers, record.clock, changed.clock, context.calendar, context.settings);
    await this.write(tx, { record: changed, triggers }, 'update');
    return changed;
  }

  private async fireDueBefore(tx: EntityManager, { record, triggers }: StoredClock, at: Date): Promise<ClockRecord> {
    if (!triggers) return record;
    const { alarms, fired } = alarmsDue(record.clock, triggers, at);
    if (alarms.length === 0) return record;
    await this.firer.fire(tx, [{ record, triggers, alarms }]);
    return { ...record, clock: { ...record.clock, fired } };
  }

  private async write(tx: EntityManager, stored: StoredClock, mode: 'insert' | 'update'): Promise<void> {
    if (mode === 'insert') await this.store.insert(tx, stored, this.clock.now());
    else await this.store.update(tx, stored, this.clock.now());
    afterCommit(tx, () => this.scanner.wake());
  }
}
