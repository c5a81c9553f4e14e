import { Injectable } from '@nestjs/common';
import { CalendarStore, localDateOf } from '@onestop/calendar';
import { DOSSIER_STATUS, EventEnvelope } from '@onestop/contracts';
import { EventDataKeys, OutboxWriter, requestOrigin } from '@onestop/messaging';
import { Clock, invalidRequest, Principal, ProblemException, unprocessableRequest } from '@onestop/platform';
import { AdministrativeUnit, AdministrativeUnits, ProcedureDefinition } from '@onestop/reference-data';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { CitizenIdCipher } from '../applicants/citizen-id.cipher';
import { ProceduresService } from '../procedures/procedures.service';
import { formatDossierCode } from './dossier-code';
import { receivedEvent, refusedEvent, statusChangedEvent } from './dossier-events';
import { DOSSIER_COLUMNS, DossierRecord } from './dossier.record';
import { FileDossierDto } from './dto/file-dossier.dto';
import { intakeOutcome, missingDocuments } from './intake-outcome';
import { recordPublicSteps } from './public-history';
import { ReceptionSchedule, receptionSchedule } from './reception-schedule';

export interface FiledDossier {
  dossier: DossierRecord;
  /** True when an earlier request with the same Idempotency-Key created it. */
  replayed: boolean;
}

export interface AppointmentQuote extends ReceptionSchedule {
  procedure: ProcedureDefinition;
  receivingUnitCode: string;
  receivedAt: Date;
}

interface Resolved {
  procedure: ProcedureDefinition;
  receivingUnit: AdministrativeUnit;
}

/**
 * Files a dossier at any receiving unit of the province (boundary-free): checks the references,
 * decides the intake outcome, numbers it in the unit's daily sequence and, in the same
 * transaction, writes the events that start processing.
 */
@Injectable()
export class FileDossierService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly procedures: ProceduresService,
    private readonly units: AdministrativeUnits,
    private readonly calendars: CalendarStore,
    private readonly cipher: CitizenIdCipher,
    private readonly outbox: OutboxWriter,
    private readonly eventData: EventDataKeys,
    private readonly clock: Clock,
  ) {}

  async file(command: FileDossierDto, principal: Principal, idempotencyKey: string | null): Promise<FiledDossier> {
    const requestHash = createHash('sha256').update(JSON.stringify(command)).digest('base64url');
    try {
      return { dossier: await this.fileNew(command, principal, idempotencyKey, requestHash), replayed: false };
    } catch (error) {
      // Retries are rare, so the key is looked up only when filing fails: the key was already used
      // (the unique index), or something checked has changed since the first attempt succeeded.
      if (idempotencyKey && (isIdempotencyConflict(error) || error instanceof ProblemException)) {
        const earlier = await this.earlierFiling(principal, idempotencyKey, requestHash);
        if (earlier) return earlier;
      }
      throw error;
    }
  }

  private async fileNew(command: FileDossierDto, principal: Principal, idempotencyKey: string | null, requestHash: string): Promise<DossierRecord> {
    this.checkChannel(command, principal);
    const now = this.clock.now();
    const { procedure, receivingUnit } = await this.resolve(command, localDateOf(now));
    const outcome = intakeOutcome(command.channel, missingDocuments(procedure, command.documents), command.acceptIncomplete?.reason ?? null);
    const received = outcome.status === DOSSIER_STATUS.received;
    const schedule = received ? await this.schedule(procedure, receivingUnit, now) : null;
    const index = this.cipher.blindIndex(command.applicant.citizenId);

    return this.dataSource.transaction(async (tx) => {
      const code = formatDossierCode(receivingUnit.code, localDateOf(now), await this.nextSequence(tx, receivingUnit.code, localDateOf(now)));
      const rows: DossierRecord[] = await tx.query(
        `INSERT INTO dossiers (id, code, status, procedure_code, procedure_version, province_code, receiving_unit_code, channel,
           applicant_name, applicant_phone, applicant_email, applicant_address, applicant_commune_code, subject_commune_code,
           citizen_id_ciphertext, citizen_id_index, citizen_id_index_key, account_subject, documents, missing_documents, intake_note,
           filed_by, idempotency_key, request_hash, filed_at, received_at, counting_from, due_at, appointment_date, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23,
           $24, $25, $26, $27, $28, $29, $25)
         RETURNING ${DOSSIER_COLUMNS}`,
        [
          uuidv7({ msecs: now.getTime() }),
          code,
          outcome.status,
          procedure.code,
          procedure.version,
          receivingUnit.provinceCode,
          receivingUnit.code,
          command.channel,
          command.applicant.name,
          command.applicant.phone,
          command.applicant.email ?? null,
          command.applicant.address.line,
          command.applicant.address.communeCode,
          command.subjectCommuneCode ?? command.applicant.address.communeCode,
          this.cipher.encrypt(command.applicant.citizenId),
          index.value,
          index.keyId,
          principal.roles.includes('citizen') ? principal.subject : null,
          JSON.stringify(command.documents),
          JSON.stringify(outcome.missing.map((document) => document.type)),
          outcome.note,
          principal.subject,
          idempotencyKey,
          requestHash,
          now,
          received ? now : null,
          schedule?.countingFrom ?? null,
          schedule?.dueAt ?? null,
          schedule?.appointmentDate ?? null,
        ],
      );
      const dossier = rows[0];
      const origin = requestOrigin('intake', principal);
      const events: EventEnvelope[] = [statusChangedEvent(dossier, { from: null, action: outcome.action, reason: outcome.note }, origin, now)];
      if (received) events.push(receivedEvent(dossier, procedure, origin, this.eventData));
      if (outcome.action === 'refuse') events.push(refusedEvent(dossier, procedure, origin, now, this.eventData));
      await recordPublicSteps(tx, dossier.id, events);
      await this.outbox.append(tx, events);
      return dossier;
    });
  }

  private async earlierFiling(principal: Principal, key: string, requestHash: string): Promise<FiledDossier | null> {
    const rows: DossierRecord[] = await this.dataSource.query(
      `SELECT ${DOSSIER_COLUMNS} FROM dossiers WHERE filed_by = $1 AND idempotency_key = $2`,
      [principal.subject, key],
    );
    if (!rows[0]) return null;
    if (rows[0].requestHash !== requestHash) {
      throw unprocessable('Idempotency-Key', 'alreadyUsed', 'was already used for a different dossier; use a new key for a new filing');
    }
    return { dossier: rows[0], replayed: true };
  }

  /**
   * What a counter filing of the procedure received at the desk now would be given: the fee of the
   * version in force and the schedule a filing computes, at the same instant of the same clock.
   */
  async quote(procedureCode: string, receivingUnitCode: string, principal: Principal): Promise<AppointmentQuote> {
    checkOwnDesk(receivingUnitCode, principal);
    const now = this.clock.now();
    const today = localDateOf(now);
    const procedure = await this.procedures.inForce(procedureCode, today);
    if (!procedure) {
      throw new ProblemException(404, 'No such procedure', {
        detail: `no procedure ${procedureCode} is in force`,
        errors: [{ field: 'code', code: 'unknownReference', message: `no procedure ${procedureCode} is in force` }],
      });
    }
    const receivingUnit = await this.units.receivingUnit(receivingUnitCode, today);
    if (!receivingUnit) throw invalidRequest([{ field: 'receivingUnitCode', code: 'unknownReference', message: `${receivingUnitCode} is not a receiving unit open today` }]);
    const schedule = await this.schedule(procedure, receivingUnit, now);
    return { procedure, receivingUnitCode: receivingUnit.code, receivedAt: now, ...schedule };
  }

  /** The dossier's deadlines run on its province's calendar: the receiving unit's, which is also the matter's. */
  private async schedule(procedure: ProcedureDefinition, receivingUnit: AdministrativeUnit, receivedAt: Date): Promise<ReceptionSchedule> {
    const calendar = await this.calendars.calendar(receivingUnit.provinceCode!);
    return receptionSchedule(calendar, receivedAt, procedure.processingTime);
  }

  /** Citizens file online; desk officers file at their own desk, at the counter or from the post. */
  private checkChannel(command: FileDossierDto, principal: Principal): void {
    if (principal.roles.includes('desk-officer')) {
      checkOwnDesk(command.receivingUnitCode, principal);
      if (command.channel === 'online') throw unprocessable('channel', 'notAllowed', 'a desk files counter or postal dossiers; online ones come from citizens');
      return;
    }
    if (command.channel !== 'online') throw unprocessable('channel', 'notAllowed', 'citizens file online');
    if (command.acceptIncomplete) throw unprocessable('acceptIncomplete', 'notAllowed', 'only a desk officer may accept an incomplete dossier');
  }

  private async resolve(command: FileDossierDto, today: string): Promise<Resolved> {
    const procedure = await this.procedures.inForce(command.procedureCode, today);
    if (!procedure) throw unprocessable('procedureCode', 'unknownReference', `no procedure ${command.procedureCode} is in force`);
    const receivingUnit = await this.units.receivingUnit(command.receivingUnitCode, today);
    if (!receivingUnit) throw unprocessable('receivingUnitCode', 'unknownReference', `${command.receivingUnitCode} is not a receiving unit open today`);
    const home = await this.units.current(command.applicant.address.communeCode, today);
    if (home?.kind !== 'commune') throw unprocessable('applicant.address.communeCode', 'unknownReference', `${command.applicant.address.communeCode} is not a commune or ward in force`);
    let subjectProvince = home.provinceCode;
    if (command.subjectCommuneCode != null) {
      const subject = await this.units.current(command.subjectCommuneCode, today);
      if (subject?.kind !== 'commune') throw unprocessable('subjectCommuneCode', 'unknownReference', `${command.subjectCommuneCode} is not a commune or ward in force`);
      subjectProvince = subject.provinceCode;
    }
    if (subjectProvince !== receivingUnit.provinceCode) {
      const field = command.subjectCommuneCode != null ? 'subjectCommuneCode' : 'applicant.address.communeCode';
      throw unprocessableRequest([
        { field, code: 'otherProvince', message: `the matter belongs to province ${subjectProvince}`, params: { provinceCode: subjectProvince } },
        { field: 'receivingUnitCode', code: 'otherProvince', params: { provinceCode: receivingUnit.provinceCode }, message: `belongs to province ${receivingUnit.provinceCode}; a province's units receive only its own matters` },
      ]);
    }
    const known = new Set(procedure.requiredDocuments.map((document) => document.type));
    command.documents.forEach((document, index) => {
      if (!known.has(document.type)) throw unprocessable(`documents.${index}.type`, 'unknownReference', `${document.type} is not a document of procedure ${procedure.code}`);
    });
    return { procedure, receivingUnit };
  }

  /** The unit's daily counter: the row lock orders concurrent filings, a rollback returns the number. */
  private async nextSequence(tx: EntityManager, unitCode: string, day: string): Promise<number> {
    const rows: { last_number: number }[] = await tx.query(
      `INSERT INTO dossier_code_sequences (unit_code, day, last_number) VALUES ($1, $2, 1)
       ON CONFLICT (unit_code, day) DO UPDATE SET last_number = dossier_code_sequences.last_number + 1
       RETURNING last_number`,
      [unitCode, day],
    );
    return rows[0].last_number;
  }
}

const unprocessable = (field: string, code: string, message: string) => unprocessableRequest([{ field, code, message }]);

/** A desk officer files, and is quoted, only at the unit named in the token. */
function checkOwnDesk(receivingUnitCode: string, principal: Principal): void {
  if (principal.unitCode === receivingUnitCode) return;
  throw new ProblemException(403, 'Not your desk', {
    detail: 'a desk officer files dossiers at the unit named in the token',
    errors: [{ field: 'receivingUnitCode', code: 'notOwnUnit', message: `must be your own unit, ${principal.unitCode}`, params: { unitCode: principal.unitCode } }],
  });
}

function isIdempotencyConflict(error: unknown): boolean {
  return (error as { constraint?: string }).constraint === 'dossiers_idempotency';
}
