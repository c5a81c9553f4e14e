import { Injectable } from '@nestjs/common';
import { selectListOf } from '@onestop/platform';
import { DataSource, EntityManager } from 'typeorm';
import { clockRowOf, StoredClock, storedClockOf } from './clock-record';
import { Fired } from './deadline-clock';
import { DossierClockEntity } from './dossier-clock.entity';
import { DeadlineState } from './dto/deadlines-query.dto';

/** What the scan settled on a clock it claimed: the alarms now fired and the next one due. */
export interface SettledClock {
  dossierId: string;
  fired: Fired;
  nextFireAt: Date | null;
}

/** A running clock as the deadlines list shows it: running, it has its alarms' instants. */
export type RunningDeadlineRow = Pick<
  DossierClockEntity,
  'dossierId' | 'code' | 'unitCode' | 'assigneeId' | 'procedureCode' | 'step' | 'escalationLevel'
> & {
  dueAt: Date;
  dueSoonAt: Date;
  stepDueAt: Date;
};

/** Where the deadlines list reads: a province, or one of its units; due soon, overdue or both; after a keyset cursor. */
export interface DeadlineListFilter {
  provinceCode: string;
  unitCode: string | null;
  state: DeadlineState | 'both';
  now: Date;
  /** The end of the warning time from now, on the province's working calendar. */
  horizon: Date;
  after: { at: Date; id: string } | null;
  limit: number;
}

/**
 * Which running clocks a state lists, as a range of `due_at` the deadline indexes read in order.
 * Due soon: not yet due, due within the warning time from now (the bound the warning instant
 * implies, so the range stays narrow), and the warning instant itself passed. `$2` is now, `$3`
 * the end of the warning time.
 */
const STATE_CONDITIONS: Record<DeadlineState | 'both', string> = {
  overdue: 'due_at <= $2 AND $3::timestamptz IS NOT NULL',
  'due-soon': 'due_at > $2 AND due_at <= $3 AND due_soon_at <= $2',
  both: 'due_at <= $3 AND due_soon_at <= $2',
};

/** The dossiers' deadline clocks: one by dossier, the batches of due ones the scan claims, and the running ones the deadlines list shows. */
@Injectable()
export class DossierClockStore {
  private selectList?: string;

  constructor(private readonly dataSource: DataSource) {}

  /** Reads a dossier's clock and locks it until the transaction ends; null for a dossier never received here. */
  async lock(tx: EntityManager, dossierId: string): Promise<StoredClock | null> {
    const row = await tx
      .getRepository(DossierClockEntity)
      .findOne({ where: { dossierId }, lock: { mode: 'pessimistic_write' } });
    return row && storedClockOf(row);
  }

  /** Reads a dossier's clock as last committed, without waiting for a change in progress; null for a dossier never received here. */
  async read(dossierId: string): Promise<StoredClock | null> {
    const row = await this.dataSource.getRepository(DossierClockEntity).findOneBy({ dossierId });
    return row && storedClockOf(row);
  }

  /** Writes a new clock, unless the dossier has one already (a receipt seen twice keeps the first). */
  async insert(tx: EntityManager, stored: StoredClock, now: Date): Promise<void> {
    await tx
      .createQueryBuilder()
      .insert()
      .into(DossierClockEntity)
      .values(clockRowOf(stored, now))
      .orIgnore()
      .updateEntity(false)
      .execute();
  }

  /** Writes a changed clock, locked by `lock` in the same transaction. */
  async update(tx: EntityManager, stored: StoredClock, now: Date): Promise<void> {
    const { dossierId, ...changes } = clockRowOf(stored, now);
    await tx.getRepository(DossierClockEntity).update({ dossierId }, changes);
  }

  /**
   * Claims up to `batch` clocks with an alarm due by `now`, locked until the transaction ends. The
   * next_fire_at index finds them among every open dossier; SKIP LOCKED lets replicas share them.
   */
  claimDue(tx: EntityManager, now: Date, batch: number): Promise<DossierClockEntity[]> {
    return tx.query(
      `SELECT ${this.columns()} FROM dossier_clocks WHERE next_fire_at <= $1 ORDER BY next_fire_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, batch],
    );
  }

  /** Records, in one statement for the whole batch, what the scan fired on each clock it claimed. */
  async settleScanned(tx: EntityManager, settled: readonly SettledClock[], now: Date): Promise<void> {
    if (settled.length === 0) return;
    const column = <T>(pick: (entry: SettledClock) => T) => settled.map(pick);
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

  /** Running clocks due soon or overdue, earliest deadline first, from the partial indexes of a province's and a unit's running clocks. */
  runningDue(filter: DeadlineListFilter): Promise<RunningDeadlineRow[]> {
    return this.dataSource.query(
      `SELECT dossier_id AS "dossierId", code, unit_code AS "unitCode", assignee_id AS "assigneeId", procedure_code AS "procedureCode",
              step, due_at AS "dueAt", due_soon_at AS "dueSoonAt", step_due_at AS "stepDueAt", escalation_level AS "escalationLevel"
         FROM dossier_clocks
        WHERE state = 'running' AND province_code = $1 AND ($4::text IS NULL OR unit_code = $4) AND ${STATE_CONDITIONS[filter.state]}
          AND ($5::timestamptz IS NULL OR (due_at, dossier_id) > ($5, $6::uuid))
        ORDER BY due_at, dossier_id LIMIT $7`,
      [
        filter.provinceCode,
        filter.now,
        filter.horizon,
        filter.unitCode,
        filter.after?.at ?? null,
        filter.after?.id ?? null,
        filter.limit,
      ],
    );
  }

  /** Every column under its entity property's name, so the rows of a raw statement are entities. */
  private columns(): string {
    this.selectList ??= selectListOf(this.dataSource, DossierClockEntity);
    return this.selectList;
  }
}
