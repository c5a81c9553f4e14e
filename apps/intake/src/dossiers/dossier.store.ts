import { localDateOf } from '@onestop/calendar';
import { Injectable } from '@nestjs/common';
import { DossierStatusCode } from '@onestop/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { DossierEntity } from './dossier.entity';

/**
 * Every column of a dossier under its entity's property name, the appointment as the YYYY-MM-DD it
 * means (not a Date at some time zone's midnight).
 */
export const DOSSIER_COLUMNS = `id, code, status, procedure_code AS "procedureCode", procedure_version AS "procedureVersion",
  province_code AS "provinceCode", receiving_unit_code AS "receivingUnitCode", competent_unit_code AS "competentUnitCode",
  channel, applicant_name AS "applicantName", applicant_phone AS "applicantPhone", applicant_email AS "applicantEmail",
  applicant_address AS "applicantAddress", applicant_commune_code AS "applicantCommuneCode",
  subject_commune_code AS "subjectCommuneCode", citizen_id_ciphertext AS "citizenIdCiphertext",
  citizen_id_index AS "citizenIdIndex", citizen_id_index_key AS "citizenIdIndexKey",
  account_subject AS "accountSubject", documents, missing_documents AS "missingDocuments", intake_note AS "intakeNote",
  filed_by AS "filedBy", idempotency_key AS "idempotencyKey", request_hash AS "requestHash", filed_at AS "filedAt",
  received_at AS "receivedAt", counting_from AS "countingFrom", due_at AS "dueAt",
  to_char(appointment_date, 'YYYY-MM-DD') AS "appointmentDate", result_channel AS "resultChannel", version, updated_at AS "updatedAt"`;

/** What the desk's decision on an online filing, or the applicant's withdrawal, changes. */
export type DossierDecision = Pick<DossierEntity, 'status' | 'intakeNote'> &
  Partial<Pick<DossierEntity, 'receivedAt' | 'countingFrom' | 'dueAt' | 'appointmentDate'>>;

/** A status change processing made, as intake's copy takes it: null leaves a value as it was. */
export interface ProcessingChange {
  status: DossierStatusCode;
  competentUnitCode: string | null;
  dueAt: string | null;
  resultChannel: string | null;
  /** The event's instant. */
  at: string;
}

/** The dossiers table: intake's copy of each dossier, kept current by its own writes and processing's events. */
@Injectable()
export class DossierStore {
  constructor(private readonly dataSource: DataSource) {}

  async byCode(code: string, manager: EntityManager = this.dataSource.manager): Promise<DossierEntity | null> {
    const rows: DossierEntity[] = await manager.query(`SELECT ${DOSSIER_COLUMNS} FROM dossiers WHERE code = $1`, [
      code,
    ]);
    return rows[0] ?? null;
  }

  /** The dossier, locked until the transaction ends: its decision or withdrawal happens once. */
  async lockByCode(tx: EntityManager, code: string): Promise<DossierEntity | null> {
    const rows: DossierEntity[] = await tx.query(`SELECT ${DOSSIER_COLUMNS} FROM dossiers WHERE code = $1 FOR UPDATE`, [
      code,
    ]);
    return rows[0] ?? null;
  }

  async byIdempotencyKey(filedBy: string, idempotencyKey: string): Promise<DossierEntity | null> {
    const rows: DossierEntity[] = await this.dataSource.query(
      `SELECT ${DOSSIER_COLUMNS} FROM dossiers WHERE filed_by = $1 AND idempotency_key = $2`,
      [filedBy, idempotencyKey],
    );
    return rows[0] ?? null;
  }

  /** The new dossier as stored (its version and jsonb as the database has them). */
  async insert(
    tx: EntityManager,
    dossier: Omit<DossierEntity, 'competentUnitCode' | 'resultChannel' | 'version'>,
  ): Promise<DossierEntity> {
    const result = await tx
      .createQueryBuilder()
      .insert()
      .into(DossierEntity)
      .values(dossier)
      .returning(DOSSIER_COLUMNS)
      .updateEntity(false)
      .execute();
    return (result.raw as DossierEntity[])[0];
  }

  /** The unit's daily counter: the row lock orders concurrent filings, a rollback returns the number. */
  async nextSequence(tx: EntityManager, unitCode: string, day: string): Promise<number> {
    const rows: { last_number: number }[] = await tx.query(
      `INSERT INTO dossier_code_sequences (unit_code, day, last_number) VALUES ($1, $2, 1)
       ON CONFLICT (unit_code, day) DO UPDATE SET last_number = dossier_code_sequences.last_number + 1
       RETURNING last_number`,
      [unitCode, day],
    );
    return rows[0].last_number;
  }

  /** Applies the desk's or the applicant's change, a new version of the dossier. */
  async decide(tx: EntityManager, id: string, decision: DossierDecision, at: Date): Promise<DossierEntity> {
    const result = await tx
      .createQueryBuilder()
      .update(DossierEntity)
      .set({ ...decision, version: () => 'version + 1', updatedAt: at })
      .where('id = :id', { id })
      .returning(DOSSIER_COLUMNS)
      .updateEntity(false)
      .execute();
    return (result.raw as DossierEntity[])[0];
  }

  /** False when the dossier is not ours (another deployment's, on a shared topic). */
  async applyProcessingChange(tx: EntityManager, id: string, change: ProcessingChange): Promise<boolean> {
    const [, updated]: [unknown, number] = await tx.query(
      `UPDATE dossiers SET status = $2, competent_unit_code = COALESCE($3, competent_unit_code), due_at = COALESCE($4, due_at),
         appointment_date = COALESCE($5, appointment_date), result_channel = COALESCE($6, result_channel),
         version = version + 1, updated_at = $7
       WHERE id = $1`,
      [
        id,
        change.status,
        change.competentUnitCode,
        change.dueAt,
        change.dueAt ? localDateOf(new Date(change.dueAt)) : null,
        change.resultChannel,
        change.at,
      ],
    );
    return updated > 0;
  }

  async setCompetentUnit(tx: EntityManager, id: string, unitCode: string, at: string): Promise<void> {
    await tx.query('UPDATE dossiers SET competent_unit_code = $2, updated_at = $3 WHERE id = $1', [id, unitCode, at]);
  }

  /** The dossier's status, locked until the transaction ends; null when it is not ours. */
  async lockStatus(tx: EntityManager, id: string): Promise<DossierStatusCode | null> {
    const [dossier]: { status: DossierStatusCode }[] = await tx.query(
      'SELECT status FROM dossiers WHERE id = $1 FOR UPDATE',
      [id],
    );
    return dossier?.status ?? null;
  }

  /** Set, not shifted, and only when it differs: the same apology applied again changes nothing. */
  async moveAppointment(
    tx: EntityManager,
    id: string,
    appointmentDate: string,
    dueAt: string,
    at: string,
  ): Promise<void> {
    await tx.query(
      `UPDATE dossiers SET appointment_date = $2, due_at = $3, version = version + 1, updated_at = $4
        WHERE id = $1 AND (appointment_date, due_at) IS DISTINCT FROM ($2::date, $3::timestamptz)`,
      [id, appointmentDate, dueAt, at],
    );
  }
}
