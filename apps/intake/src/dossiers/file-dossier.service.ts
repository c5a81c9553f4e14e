import { Injectable } from '@nestjs/common';
import { CalendarStore, localDateOf } from '@onestop/calendar';
import { DOSSIER_STATUS, EventEnvelope } from '@onestop/contracts';
import { EventDataKeys, OutboxWriter, requestOrigin } from '@onestop/messaging';
import { Clock, invalidRequest, Principal, ProblemException, unprocessableRequest } from '@onestop/platform';
import { AdministrativeUnit, AdministrativeUnits, ProcedureDefinition } from '@onestop/reference-data';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { CitizenIdCipher } from '../applicants/citizen-id.cipher';
import { IntakeProblems } from '../problems';
import { ProceduresService } from '../procedures/procedures.service';
import { formatDossierCode } from './dossier-code';
import { receivedEvent, refusedEvent, statusChangedEvent } from './published-events';
import { DossierEntity } from './dossier.entity';
import { DossierStore } from './dossier.store';
import { FileDossierDto } from './dto/file-dossier.dto';
import { intakeOutcome, missingDocuments } from './intake-outcome';
import { PublicHistoryStore } from './public-history.store';
import { ReceptionSchedule, receptionSchedule } from './reception-schedule';

export interface FiledDossier {
  dossier: DossierEntity;
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
    private readonly store: DossierStore,
    private readonly history: PublicHistoryStore,
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

  private async fileNew(
    command: FileDossierDto,
    principal: Principal,
    idempotencyKey: string | null,
    requestHash: string,
  ): Promise<DossierEntity> {
    this.checkChannel(command, principal);
    const now = this.clock.now();
    const { procedure, receivingUnit } = await this.resolve(command, localDateOf(now));
    const outcome = intakeOutcome(
      command.channel,
      missingDocuments(procedure, command.documents),
      command.acceptIncomplete?.reason ?? null,
    );
    const received = outcome.status === DOSSIER_STATUS.received;
    const schedule = received ? await this.schedule(procedure, receivingUnit, now) : null;
    const index = this.cipher.blindIndex(command.applicant.citizenId);

    return this.dataSource.transaction(async (tx) => {
      const code = formatDossierCode(
        receivingUnit.code,
        localDateOf(now),
        await this.store.nextSequence(tx, receivingUnit.code, localDateOf(now)),
      );
      const dossier = await this.store.insert(tx, {
        id: uuidv7({ msecs: now.getTime() }),
        code,
        status: outcome.status,
        procedureCode: procedure.code,
        procedureVersion: procedure.version,
        provinceCode: receivingUnit.provinceCode!,
        receivingUnitCode: receivingUnit.code,
        channel: command.channel,
        applicantName: command.applicant.name,
        applicantPhone: command.applicant.phone,
        applicantEmail: command.applicant.email ?? null,
        applicantAddress: command.applicant.address.line,
        applicantCommuneCode: command.applicant.address.communeCode,
        subjectCommuneCode: command.subjectCommuneCode ?? command.applicant.address.communeCode,
        citizenIdCiphertext: this.cipher.encrypt(command.applicant.citizenId),
        citizenIdIndex: index.value,
        citizenIdIndexKey: index.keyId,
        accountSubject: principal.roles.includes('citizen') ? principal.subject : null,
        documents: command.documents,
        missingDocuments: outcome.missing.map((document) => document.type),
        intakeNote: outcome.note,
        filedBy: principal.subject,
        idempotencyKey,
        requestHash,
        filedAt: now,
        receivedAt: received ? now : null,
        countingFrom: schedule?.countingFrom ?? null,
        dueAt: schedule?.dueAt ?? null,
        appointmentDate: schedule?.appointmentDate ?? null,
        updatedAt: now,
      });
      const origin = requestOrigin('intake', principal);
      const events: EventEnvelope[] = [
        statusChangedEvent(dossier, { from: null, action: outcome.action, reason: outcome.note }, origin, now),
      ];
      if (received) events.push(receivedEvent(dossier, procedure, origin, this.eventData));
      if (outcome.action === 'refuse') events.push(refusedEvent(dossier, procedure, origin, now, this.eventData));
      await this.history.recordStatusChanges(tx, dossier.id, events);
      await this.outbox.append(tx, events);
      return dossier;
    });
  }

  private async earlierFiling(principal: Principal, key: string, requestHash: string): Promise<FiledDossier | null> {
    const earlier = await this.store.byIdempotencyKey(principal.subject, key);
    if (!earlier) return null;
    if (earlier.requestHash !== requestHash) {
      throw unprocessable(
        'Idempotency-Key',
        'alreadyUsed',
        'was already used for a different dossier; use a new key for a new filing',
      );
    }
    return { dossier: earlier, replayed: true };
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
    if (!procedure) throw IntakeProblems.procedureNotInForce(procedureCode);
    const receivingUnit = await this.units.receivingUnit(receivingUnitCode, today);
    if (!receivingUnit)
      throw invalidRequest([
        {
          field: 'receivingUnitCode',
          code: 'unknownReference',
          message: `${receivingUnitCode} is not a receiving unit open today`,
        },
      ]);
    const schedule = await this.schedule(procedure, receivingUnit, now);
    return { procedure, receivingUnitCode: receivingUnit.code, receivedAt: now, ...schedule };
  }

  /** The dossier's deadlines run on its province's calendar: the receiving unit's, which is also the matter's. */
  private async schedule(
    procedure: ProcedureDefinition,
    receivingUnit: AdministrativeUnit,
    receivedAt: Date,
  ): Promise<ReceptionSchedule> {
    const calendar = await this.calendars.calendar(receivingUnit.provinceCode!);
    return receptionSchedule(calendar, receivedAt, procedure.processingTime);
  }

  /** Citizens file online; desk officers file at their own desk, at the counter or from the post. */
  private checkChannel(command: FileDossierDto, principal: Principal): void {
    if (principal.roles.includes('desk-officer')) {
      checkOwnDesk(command.receivingUnitCode, principal);
      if (command.channel === 'online')
        throw unprocessable(
          'channel',
          'notAllowed',
          'a desk files counter or postal dossiers; online ones come from citizens',
        );
      return;
    }
    if (command.channel !== 'online') throw unprocessable('channel', 'notAllowed', 'citizens file online');
    if (command.acceptIncomplete)
      throw unprocessable('acceptIncomplete', 'notAllowed', 'only a desk officer may accept an incomplete dossier');
  }

  private async resolve(command: FileDossierDto, today: string): Promise<Resolved> {
    const procedure = await this.procedures.inForce(command.procedureCode, today);
    if (!procedure)
      throw unprocessable('procedureCode', 'unknownReference', `no procedure ${command.procedureCode} is in force`);
    const receivingUnit = await this.units.receivingUnit(command.receivingUnitCode, today);
    if (!receivingUnit)
      throw unprocessable(
        'receivingUnitCode',
        'unknownReference',
        `${command.receivingUnitCode} is not a receiving unit open today`,
      );
    const home = await this.units.current(command.applicant.address.communeCode, today);
    if (home?.kind !== 'commune')
      throw unprocessable(
        'applicant.address.communeCode',
        'unknownReference',
        `${command.applicant.address.communeCode} is not a commune or ward in force`,
      );
    let subjectProvince = home.provinceCode;
    if (command.subjectCommuneCode != null) {
      const subject = await this.units.current(command.subjectCommuneCode, today);
      if (subject?.kind !== 'commune')
        throw unprocessable(
          'subjectCommuneCode',
          'unknownReference',
          `${command.subjectCommuneCode} is not a commune or ward in force`,
        );
      subjectProvince = subject.provinceCode;
    }
    if (subjectProvince !== receivingUnit.provinceCode) {
      const field = command.subjectCommuneCode != null ? 'subjectCommuneCode' : 'applicant.address.communeCode';
      throw unprocessableRequest([
        {
          field,
          code: 'otherProvince',
          message: `the matter belongs to province ${subjectProvince}`,
          params: { provinceCode: subjectProvince },
        },
        {
          field: 'receivingUnitCode',
          code: 'otherProvince',
          params: { provinceCode: receivingUnit.provinceCode },
          message: `belongs to province ${receivingUnit.provinceCode}; a province's units receive only its own matters`,
        },
      ]);
    }
    const known = new Set(procedure.requiredDocuments.map((document) => document.type));
    command.documents.forEach((document, index) => {
      if (!known.has(document.type))
        throw unprocessable(
          `documents.${index}.type`,
          'unknownReference',
          `${document.type} is not a document of procedure ${procedure.code}`,
        );
    });
    return { procedure, receivingUnit };
  }
}

const unprocessable = (field: string, code: string, message: string) =>
  unprocessableRequest([{ field, code, message }]);

/** A desk officer files, and is quoted, only at the unit named in the token. */
function checkOwnDesk(receivingUnitCode: string, principal: Principal): void {
  if (principal.unitCode === receivingUnitCode) return;
  throw IntakeProblems.notOwnDesk(principal.unitCode);
}

function isIdempotencyConflict(error: unknown): boolean {
  return (error as { constraint?: string }).constraint === 'dossiers_idempotency';
}
