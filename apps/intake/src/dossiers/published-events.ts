import {
  DossierReceived,
  DossierRefusedAtIntake,
  DossierStatusChanged,
  DossierStatusCode,
  EventEnvelope,
} from '@onestop/contracts';
import { createEvent, EventDataKeys, EventOrigin } from '@onestop/messaging';
import { ProcedureDefinition } from '@onestop/reference-data';
import { DossierEntity } from './dossier.entity';

export function statusChangedEvent(
  dossier: DossierEntity,
  change: { from: DossierStatusCode | null; action: string; reason: string | null },
  origin: EventOrigin,
  at: Date,
): EventEnvelope {
  return createEvent(
    DossierStatusChanged,
    dossier.id,
    {
      dossierId: dossier.id,
      code: dossier.code,
      provinceCode: dossier.provinceCode,
      procedureCode: dossier.procedureCode,
      receivingUnitCode: dossier.receivingUnitCode,
      unitCode: dossier.competentUnitCode,
      from: change.from,
      to: dossier.status,
      action: change.action,
      reason: change.reason,
      dueAt: dossier.dueAt?.toISOString() ?? null,
      resultChannel: null,
    },
    origin,
    at,
  );
}

/** The applicant's contact as it may travel: sealed for the event it goes in. */
function sealedContact(keys: EventDataKeys, dossier: DossierEntity, eventType: string) {
  return keys.seal(
    { name: dossier.applicantName, phone: dossier.applicantPhone, email: dossier.applicantEmail },
    eventType,
    dossier.id,
  );
}

/** The hand-over to processing: what routing needs to find the competent unit and the deadline. */
export function receivedEvent(
  dossier: DossierEntity,
  procedure: ProcedureDefinition,
  origin: EventOrigin,
  keys: EventDataKeys,
): EventEnvelope {
  return createEvent(
    DossierReceived,
    dossier.id,
    {
      dossierId: dossier.id,
      code: dossier.code,
      provinceCode: dossier.provinceCode,
      receivingUnitCode: dossier.receivingUnitCode,
      channel: dossier.channel,
      procedure: {
        code: procedure.code,
        version: procedure.version,
        name: procedure.name,
        competentLevel: procedure.competentLevel,
        processingTime: procedure.processingTime,
        clockPausesForCitizen: procedure.clockPausesForCitizen,
      },
      applicant: {
        communeCode: dossier.applicantCommuneCode,
        accountSubject: dossier.accountSubject,
        contact: sealedContact(keys, dossier, DossierReceived.type),
      },
      subjectCommuneCode: dossier.subjectCommuneCode,
      documents: dossier.documents,
      receivedAt: dossier.receivedAt!.toISOString(),
      countingFrom: dossier.countingFrom!.toISOString(),
      dueAt: dossier.dueAt!.toISOString(),
      appointmentDate: dossier.appointmentDate!,
    },
    origin,
    dossier.receivedAt!,
  );
}

/** A refusal at the desk: the applicant's contact goes with it, since no processing follows. */
export function refusedEvent(
  dossier: DossierEntity,
  procedure: ProcedureDefinition,
  origin: EventOrigin,
  at: Date,
  keys: EventDataKeys,
): EventEnvelope {
  return createEvent(
    DossierRefusedAtIntake,
    dossier.id,
    {
      dossierId: dossier.id,
      code: dossier.code,
      provinceCode: dossier.provinceCode,
      receivingUnitCode: dossier.receivingUnitCode,
      procedure: { code: procedure.code, name: procedure.name },
      applicant: {
        accountSubject: dossier.accountSubject,
        contact: sealedContact(keys, dossier, DossierRefusedAtIntake.type),
      },
      reasons: dossier.intakeNote ?? '',
      refusedAt: at.toISOString(),
    },
    origin,
    at,
  );
}
