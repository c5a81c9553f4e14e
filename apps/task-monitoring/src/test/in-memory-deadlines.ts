import { CalendarStore, DEFAULT_CALENDAR_DAYS, WorkingCalendar } from '@onestop/calendar';
import { EventEnvelope } from '@onestop/contracts';
import { OutboxWriter } from '@onestop/messaging';
import { Clock } from '@onestop/platform';
import { DataSource, EntityManager } from 'typeorm';
import { AlarmFirer } from '../deadlines/alarm-firer';
import { ApologyEntity } from '../deadlines/apology.entity';
import { ApologyService } from '../deadlines/apology.service';
import { ApologyStore } from '../deadlines/apology.store';
import { ClockKeeper } from '../deadlines/clock-keeper';
import { StoredClock } from '../deadlines/clock-record';
import { DeadlineScanner } from '../deadlines/deadline-scanner';
import { DossierClockStore } from '../deadlines/dossier-clock.store';
import { DossierClocksService } from '../deadlines/dossier-clocks.service';
import { EscalationEntity } from '../deadlines/escalation.entity';
import { EscalationEntry, EscalationStore } from '../deadlines/escalation.store';
import { TaskMonitoringEnv } from '../task-monitoring.env';

/** Clocks by dossier, copied in and out as rows would be, so a caller's object never aliases the stored one. */
class InMemoryClocks implements Pick<DossierClockStore, 'lock' | 'read' | 'insert' | 'update'> {
  readonly byDossier = new Map<string, StoredClock>();

  async lock(_tx: EntityManager, dossierId: string) {
    return this.read(dossierId);
  }

  async read(dossierId: string) {
    const stored = this.byDossier.get(dossierId);
    return stored ? structuredClone(stored) : null;
  }

  async insert(_tx: EntityManager, stored: StoredClock) {
    if (!this.byDossier.has(stored.record.dossierId))
      this.byDossier.set(stored.record.dossierId, structuredClone(stored));
  }

  async update(_tx: EntityManager, stored: StoredClock) {
    this.byDossier.set(stored.record.dossierId, structuredClone(stored));
  }
}

class InMemoryEscalations implements Pick<EscalationStore, 'record' | 'resolve' | 'move'> {
  readonly rows: EscalationEntity[] = [];

  async record(_tx: EntityManager, entries: readonly EscalationEntry[]) {
    for (const { record, level, dueAt, escalatedAt } of entries) {
      if (
        this.rows.some(
          (row) =>
            row.dossierId === record.dossierId && row.deadlineVersion === record.deadlineVersion && row.level === level,
        )
      )
        continue;
      const { dossierId, deadlineVersion, code, provinceCode, unitCode, assigneeId } = record;
      this.rows.push({
        id: `escalation-${this.rows.length + 1}`,
        dossierId,
        deadlineVersion,
        level,
        code,
        provinceCode,
        unitCode,
        assigneeId,
        dueAt,
        escalatedAt,
        resolvedAt: null,
      });
    }
  }

  async resolve(_tx: EntityManager, dossierId: string, at: Date) {
    for (const row of this.open(dossierId)) row.resolvedAt = at;
  }

  async move(_tx: EntityManager, dossierId: string, unitCode: string, assigneeId: string | null) {
    for (const row of this.open(dossierId)) Object.assign(row, { unitCode, assigneeId });
  }

  private open(dossierId: string) {
    return this.rows.filter((row) => row.dossierId === dossierId && row.resolvedAt === null);
  }
}

class InMemoryApologies implements Pick<ApologyStore, 'insert'> {
  readonly rows: ApologyEntity[] = [];

  async insert(_tx: EntityManager, apology: ApologyEntity) {
    this.rows.push({ ...apology });
  }
}

/** The events a transaction would have put in the outbox. */
class RecordingOutbox implements Pick<OutboxWriter, 'append'> {
  readonly events: EventEnvelope[] = [];

  async append(_tx: EntityManager, events: readonly EventEnvelope[]) {
    this.events.push(...events);
  }
}

/**
 * The deadline services over in-memory stores, on the default working calendar and settings: the
 * rules of clocks, alarms, escalations and apologies without a database. Each "transaction" runs
 * its work directly; a failed one leaves whatever it wrote, so tests check refusals before writes.
 */
export function inMemoryDeadlines(clock: Clock) {
  const clocks = new InMemoryClocks();
  const escalations = new InMemoryEscalations();
  const apologies = new InMemoryApologies();
  const outbox = new RecordingOutbox();
  const tx = {} as EntityManager;
  const calendars = { calendar: async () => new WorkingCalendar(DEFAULT_CALENDAR_DAYS) } as unknown as CalendarStore;
  const scanner = { wake: () => undefined } as unknown as DeadlineScanner;
  const firer = new AlarmFirer(outbox as unknown as OutboxWriter, escalations as unknown as EscalationStore);
  const keeper = new ClockKeeper(
    calendars,
    clocks as unknown as DossierClockStore,
    scanner,
    firer,
    clock,
    new TaskMonitoringEnv(),
  );
  const dataSource = {
    transaction: <T>(work: (manager: EntityManager) => Promise<T>) => work(tx),
  } as unknown as DataSource;
  return {
    tx,
    clocks,
    escalations,
    apologies,
    outbox,
    keeper,
    dossierClocks: new DossierClocksService(keeper, escalations as unknown as EscalationStore),
    apologyService: new ApologyService(
      dataSource,
      keeper,
      apologies as unknown as ApologyStore,
      escalations as unknown as EscalationStore,
      outbox as unknown as OutboxWriter,
      clock,
    ),
  };
}
