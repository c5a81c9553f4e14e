import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DossierFactEntity } from '../read-model/dossier-fact.entity';

/** Each fact property, its column and the column's type; the identity (dossier_id) comes first and never changes. */
const COLUMNS: ReadonlyArray<readonly [keyof DossierFactEntity, string, string]> = [
  ['dossierId', 'dossier_id', 'uuid'],
  ['code', 'code', 'text'],
  ['provinceCode', 'province_code', 'text'],
  ['receivingUnitCode', 'receiving_unit_code', 'text'],
  ['unitCode', 'unit_code', 'text'],
  ['procedureCode', 'procedure_code', 'text'],
  ['fieldCode', 'field_code', 'text'],
  ['channel', 'channel', 'text'],
  ['receivedAt', 'received_at', 'timestamptz'],
  ['dueAt', 'due_at', 'timestamptz'],
  ['status', 'status', 'smallint'],
  ['refusedAt', 'refused_at', 'timestamptz'],
  ['finishedAt', 'finished_at', 'timestamptz'],
  ['returnedAt', 'returned_at', 'timestamptz'],
  ['onTime', 'on_time', 'boolean'],
  ['processingMinutes', 'processing_minutes', 'integer'],
  ['supplementCount', 'supplement_count', 'integer'],
  ['apologyCount', 'apology_count', 'integer'],
  ['overdueFlagged', 'overdue_flagged', 'boolean'],
  ['electronicResult', 'electronic_result', 'boolean'],
  ['signedResult', 'signed_result', 'boolean'],
  ['undeliverableNotices', 'undeliverable_notices', 'integer'],
  ['assigneeId', 'assignee_id', 'text'],
  ['lastAction', 'last_action', 'text'],
  ['lastEventAt', 'last_event_at', 'timestamptz'],
];

const SELECTED = COLUMNS.map(([property, column]) => `${column} AS "${property}"`).join(', ');
const COLUMN_LIST = COLUMNS.map(([, column]) => column).join(', ');
/** Facts are written as a JSON array of the objects themselves: their property names are the record's fields. */
const RECORD_TYPE = COLUMNS.map(([property, , type]) => `"${property}" ${type}`).join(', ');
const RECORD_FIELDS = COLUMNS.map(([property]) => `"${property}"`).join(', ');
const UPDATED = COLUMNS.slice(1)
  .map(([, column]) => `${column} = EXCLUDED.${column}`)
  .join(', ');

/**
 * `dossier_facts`, read and written a batch of events at a time in the batch's transaction: one
 * query reads every fact the batch touches, one statement writes back those it changed.
 */
@Injectable()
export class DossierFactStore {
  /** The facts of these dossiers that exist, locked until the batch commits. */
  lockFacts(tx: EntityManager, dossierIds: string[]): Promise<DossierFactEntity[]> {
    return tx.query(`SELECT ${SELECTED} FROM dossier_facts WHERE dossier_id = ANY($1::uuid[]) FOR UPDATE`, [
      dossierIds,
    ]);
  }

  /** Inserts the new facts and overwrites the known ones. */
  async saveFacts(tx: EntityManager, facts: DossierFactEntity[]): Promise<void> {
    await tx.query(
      `INSERT INTO dossier_facts (${COLUMN_LIST})
       SELECT ${RECORD_FIELDS} FROM json_to_recordset($1::json) AS r(${RECORD_TYPE})
       ON CONFLICT (dossier_id) DO UPDATE SET ${UPDATED}`,
      [JSON.stringify(facts)],
    );
  }
}
