import { DossierRouted, DossierStatusChanged, ServiceName } from '@onestop/contracts';
import { createEvent } from '@onestop/messaging';
import { dossierReceivedEvent } from '@onestop/testing';

/** Events of dossiers in province 46 as intake and routing publish them, for the read model's end-to-end tests. */

export const BUSINESS = 'HKD-DANGKY';
export const BIRTH = 'HT-KHAISINH';

export const origin = (source: ServiceName, id: string) => ({
  source,
  actor: { kind: 'system' as const, id: 'test' },
  correlationId: id,
  causationId: null,
});

/** A dossier received at `desk` at `at` (an instant), for the subject commune (the desk's unless given). */
export function received(
  desk: string,
  at: string,
  channel: 'online' | 'counter',
  procedureCode = BUSINESS,
  subjectCommuneCode = desk,
) {
  const event = dossierReceivedEvent({ unitCode: desk, subjectCommuneCode, at: new Date(at) });
  return {
    ...event,
    payload: { ...event.payload, channel, procedure: { ...event.payload.procedure, code: procedureCode } },
  };
}
export type Received = ReturnType<typeof received>;

export function routed(
  dossier: Received,
  unitCode: string,
  at: string,
  dueAt: string,
  assigneeId: string | null = 'officer-1',
) {
  const { dossierId, code } = dossier.payload;
  return createEvent(
    DossierRouted,
    dossierId,
    { dossierId, code, unitCode, assigneeId, dueAt },
    origin('routing', dossierId),
    new Date(at),
  );
}

/** A processing transition by routing; `to` 4 with action accept takes a received dossier into processing. */
export function statusChanged(
  dossier: Received,
  unitCode: string,
  at: string,
  dueAt: string,
  change: { from: 2 | 4; to: 4 | 9; action: string },
) {
  const { dossierId, code, receivingUnitCode, procedure } = dossier.payload;
  const payload = {
    dossierId,
    code,
    provinceCode: '46',
    procedureCode: procedure.code,
    receivingUnitCode,
    unitCode,
    ...change,
    reason: null,
    dueAt,
    resultChannel: null,
  };
  return createEvent(DossierStatusChanged, dossierId, payload, origin('routing', dossierId), new Date(at));
}

export function resolved(dossier: Received, unitCode: string, at: string, dueAt: string) {
  return statusChanged(dossier, unitCode, at, dueAt, { from: 4, to: 9, action: 'result-signed' });
}
