import { Injectable, Logger } from '@nestjs/common';
import { EventEnvelope } from '@onestop/contracts';
import { EntityManager } from 'typeorm';
import { addToDailyCounters, CounterIncrements } from './daily-counters';
import { DossierFact, Projected } from './dossier-fact';

/** Each fact property and its column; the identity (dossier_id) comes first and never changes. */
const COLUMNS: ReadonlyArray<readonly [keyof DossierFact, string]> = [
  ['dossierId', 'dossier_id'],
  ['code', 'code'],
  ['provinceCode', 'province_code'],
  ['receivingUnitCode', 'receiving_unit_code'],
  ['unitCode', 'unit_code'],
  ['procedureCode', 'procedure_code'],
  ['fieldCode', 'field_code'],
  ['channel', 'channel'],
  ['receivedAt', 'received_at'],
  ['dueAt', 'due_at'],
  ['status', 'status'],
  ['refusedAt', 'refused_at'],
  ['finishedAt', 'finished_at'],
  ['returnedAt', 'returned_at'],
  ['onTime', 'on_time'],
  ['processingMinutes', 'processing_minutes'],
  ['supplementCount', 'supplement_count'],
  ['apologyCount', 'apology_count'],
  ['overdueFlagged', 'overdue_flagged'],
  ['electronicResult', 'electronic_result'],
  ['signedResult', 'signed_result'],
  ['lastEventAt', 'last_event_at'],
];

const SELECTED = COLUMNS.map(([property, column]) => `${column} AS "${property}"`).join(', ');
const UPDATED = COLUMNS.slice(1);

/** Dossier facts in the caller's transaction, so each change commits with the event's inbox record. */
@Injectable()
export class DossierFactStore {
  private readonly logger = new Logger(DossierFactStore.name);

  /** Starts a dossier's fact; false when it already has one (its start was projected before). */
  /**
   * Starts a dossier's fact and counts its start for the desk, on the day it happened. A start seen
   * again (the receipt of a dossier already known) is not counted again.
   */
  async start(tx: EntityManager, fact: DossierFact, counters: CounterIncrements): Promise<void> {
    if (!(await this.create(tx, fact))) return;
    const target = { provinceCode: fact.provinceCode, unitCode: fact.receivingUnitCode, procedureCode: fact.procedureCode, at: fact.lastEventAt };
    await addToDailyCounters(tx, target, counters);
  }

  private async create(tx: EntityManager, fact: DossierFact): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `INSERT INTO dossier_facts (${COLUMNS.map(([, column]) => column).join(', ')})
       VALUES (${COLUMNS.map((_, index) => `$${index + 1}`).join(', ')})
       ON CONFLICT (dossier_id) DO NOTHING RETURNING dossier_id`,
      COLUMNS.map(([property]) => fact[property]),
    );
    if (rows.length === 0) this.logger.warn(`dossier ${fact.dossierId} already has a fact: its start is not counted again`);
    return rows.length > 0;
  }

  /**
   * Applies one event to an existing fact and adds what it counts, on the event's day. A dossier
   * received before this service listened has no fact: its later events are skipped, since the
   * counters need its procedure and unit.
   */
  async project(tx: EntityManager, dossierId: string, event: EventEnvelope, projector: (fact: DossierFact) => Projected | Promise<Projected>): Promise<void> {
    const rows: DossierFact[] = await tx.query(`SELECT ${SELECTED} FROM dossier_facts WHERE dossier_id = $1 FOR UPDATE`, [dossierId]);
    if (rows.length === 0) {
      this.logger.log(`${event.type} ${event.id} skipped: dossier ${dossierId} was received before reporting saw it`);
      return;
    }
    const { fact, counters, creditedTo } = await projector(rows[0]);
    await tx.query(
      `UPDATE dossier_facts SET ${UPDATED.map(([, column], index) => `${column} = $${index + 2}`).join(', ')} WHERE dossier_id = $1`,
      [dossierId, ...UPDATED.map(([property]) => fact[property])],
    );
    const target = { provinceCode: fact.provinceCode, unitCode: creditedTo ?? fact.unitCode, procedureCode: fact.procedureCode, at: new Date(event.occurredAt) };
    await addToDailyCounters(tx, target, counters);
  }
}
