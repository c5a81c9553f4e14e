import { DossierStatusChanged, EventEnvelope, SignatureRequested } from '@onestop/contracts';
import { createEvent, EventDataKeys, EventOrigin } from '@onestop/messaging';
import { Principal } from '@onestop/platform';
import { RoutedDossierEntity } from './routed-dossier.entity';

/** A dossier's move from one status to another, for intake, notification and reporting. */
export function statusChanged(
  before: RoutedDossierEntity,
  after: RoutedDossierEntity,
  action: string,
  reason: string | null,
  origin: EventOrigin,
  at: Date,
): EventEnvelope {
  return createEvent(
    DossierStatusChanged,
    after.id,
    {
      dossierId: after.id,
      code: after.code,
      provinceCode: after.provinceCode,
      procedureCode: after.procedure.code,
      receivingUnitCode: after.receivingUnitCode,
      unitCode: after.unitCode,
      from: before.status,
      to: after.status,
      action,
      reason,
      dueAt: after.dueAt?.toISOString() ?? null,
      resultChannel: (after.resultChannel as 'counter' | 'post' | 'electronic' | null) ?? null,
    },
    origin,
    at,
  );
}

/** The decider's signature on the result: the signature service signs, or waits for the device. */
export function signatureRequest(
  requestId: string,
  dossier: RoutedDossierEntity,
  reason: string | null,
  principal: Principal,
  origin: EventOrigin,
  at: Date,
  keys: EventDataKeys,
): EventEnvelope {
  return createEvent(
    SignatureRequested,
    dossier.id,
    {
      requestId,
      dossierId: dossier.id,
      code: dossier.code,
      provinceCode: dossier.provinceCode,
      unitCode: dossier.unitCode,
      procedure: { code: dossier.procedure.code, name: dossier.procedure.name },
      outcome: dossier.outcome!,
      reason,
      applicant: keys.seal({ name: dossier.applicant.name }, SignatureRequested.type, dossier.id),
      signerId: principal.subject,
      receivingUnitCode: dossier.receivingUnitCode,
      applicantAccountSubject: dossier.applicant.accountSubject,
    },
    origin,
    at,
  );
}
