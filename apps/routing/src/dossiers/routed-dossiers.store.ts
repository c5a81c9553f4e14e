import { Injectable } from '@nestjs/common';
import { selectListOf } from '@onestop/platform';
import { DataSource, EntityManager } from 'typeorm';
import { RoutedDossierEntity } from './routed-dossier.entity';

/** A new dossier as routing receives it; the rest of its row takes the table's defaults. */
export type NewRoutedDossier = Omit<
  RoutedDossierEntity,
  'outcome' | 'pausedAt' | 'remainingWorkingHours' | 'resultChannel' | 'signatureRequestId' | 'version'
>;

/** What an action changes; version and updated_at follow. */
export type DossierChange = Pick<
  RoutedDossierEntity,
  | 'state'
  | 'status'
  | 'unitCode'
  | 'assigneeId'
  | 'dueAt'
  | 'pausedAt'
  | 'remainingWorkingHours'
  | 'outcome'
  | 'resultChannel'
  | 'signatureRequestId'
>;

/** One page of a work queue: where it looks, what it keeps, and the position it starts after. */
export interface QueuePageQuery {
  provinceCode: string;
  /** The processing unit's queue, or the receiving desk's receipts. */
  unitColumn: 'unit_code' | 'receiving_unit_code';
  /** null: every unit of the province. */
  unitCode: string | null;
  status: number | null;
  dueBefore: string | null;
  assigneeId: string | null;
  /** Conditions on upper(code): a whole code, or a LIKE prefix without wildcards of its own. */
  codeExact: string | null;
  codePrefix: string | null;
  after: { dueAt: string | null; id: string } | null;
  limit: number;
}

/** The routed_dossiers table: reads by id, the locked reads and writes of actions and events, the queues. */
@Injectable()
export class RoutedDossiersStore {
  /** Every column under its property name, so raw rows are entities. */
  private readonly columns: string;

  constructor(private readonly dataSource: DataSource) {
    this.columns = selectListOf(dataSource, RoutedDossierEntity);
  }

  async find(id: string): Promise<RoutedDossierEntity | null> {
    return this.dataSource.getRepository(RoutedDossierEntity).findOneBy({ id });
  }

  /** Reads the dossier and locks it for the rest of the transaction. */
  async lock(tx: EntityManager, id: string): Promise<RoutedDossierEntity | null> {
    return tx.getRepository(RoutedDossierEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Records a dossier once: false when it was routed already (a redelivered event). Only a
   * repeated id is one; a code taken by another dossier still fails.
   */
  async insertOnce(tx: EntityManager, dossier: NewRoutedDossier): Promise<boolean> {
    const result = await tx
      .createQueryBuilder()
      .insert()
      .into(RoutedDossierEntity)
      .values(dossier)
      .onConflict('(id) DO NOTHING')
      .returning('id')
      .updateEntity(false)
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  /** Applies an action's change, if the dossier is still at `version`; the row as it is now. */
  async change(
    tx: EntityManager,
    id: string,
    version: number,
    change: DossierChange,
    now: Date,
  ): Promise<RoutedDossierEntity> {
    const result = await tx
      .createQueryBuilder()
      .update(RoutedDossierEntity)
      .set({ ...change, version: () => 'version + 1', updatedAt: now })
      .where('id = :id AND version = :version', { id, version })
      .returning(this.columns)
      .execute();
    return (result.raw as RoutedDossierEntity[])[0];
  }

  /** A new deadline, or (while the clock is paused) the working time left up to it. */
  async reschedule(
    tx: EntityManager,
    id: string,
    due: Pick<RoutedDossierEntity, 'dueAt' | 'remainingWorkingHours'>,
    now: Date,
  ): Promise<void> {
    await tx
      .createQueryBuilder()
      .update(RoutedDossierEntity)
      .set({ ...due, version: () => 'version + 1', updatedAt: now })
      .where('id = :id', { id })
      .execute();
  }

  /**
   * A page of the queue, most urgent first: due date (none last), then id, so that a page boundary
   * never skips or repeats a dossier. One row more than the limit tells whether a next page exists.
   */
  async queuePage(query: QueuePageQuery): Promise<RoutedDossierEntity[]> {
    // 'infinity' stands for a missing due date, so one row comparison orders and pages both kinds.
    return this.dataSource.query(
      `SELECT ${this.columns} FROM routed_dossiers
        WHERE province_code = $1 AND ($5::text IS NULL OR ${query.unitColumn} = $5)
          AND ($2::smallint IS NULL OR status = $2)
          AND ($3::timestamptz IS NULL OR due_at < $3)
          AND ($4::text IS NULL OR assignee_id = $4)
          AND ($9::text IS NULL OR upper(code) = $9)
          AND ($10::text IS NULL OR upper(code) LIKE $10)
          AND ($6::uuid IS NULL OR (COALESCE(due_at, 'infinity'), id) > (COALESCE($7::timestamptz, 'infinity'), $6::uuid))
        ORDER BY COALESCE(due_at, 'infinity'), id
        LIMIT $8`,
      [
        query.provinceCode,
        query.status,
        query.dueBefore,
        query.assigneeId,
        query.unitCode,
        query.after?.id ?? null,
        query.after?.dueAt ?? null,
        query.limit + 1,
        query.codeExact,
        query.codePrefix,
      ],
    );
  }
}
