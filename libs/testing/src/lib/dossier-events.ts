import {
  DossierReceived,
  DossierReceivedV1,
  EnvelopeOf,
  PayloadOf,
  sealContext,
  SignatureRequested,
} from '@onestop/contracts';
import { developmentKeyring, seal } from '@onestop/platform';
import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

/** Personal data sealed as a producing service seals it when EVENT_DATA_KEYS is not set (the development key). */
export function sealedForTests(contents: object, eventType: string, dossierId: string) {
  return seal(developmentKeyring('event-data'), JSON.stringify(contents), sealContext(eventType, dossierId));
}

/** The applicant as the services that open the event see it. */
type Applicant = PayloadOf<typeof DossierReceivedV1>['applicant'];

export interface ReceivedOptions {
  dossierId?: string;
  code?: string;
  /** The receiving desk, and the commune the matter concerns (the same unless said otherwise). */
  unitCode?: string;
  subjectCommuneCode?: string;
  applicant?: Partial<Applicant>;
  /** When the event happened; the dossier is received then, due three days later. */
  at?: Date;
}

/**
 * A `DossierReceived` as intake publishes it for a household business registration (3 working days),
 * received Tuesday 24 November 2026 at 09:00 in Huế unless `at` says otherwise: for consumers'
 * tests and benchmarks that need intake's event without intake. The contact is sealed under the
 * development event-data key, which the services use when EVENT_DATA_KEYS is not set.
 */
export function dossierReceivedEvent(options: ReceivedOptions = {}): EnvelopeOf<typeof DossierReceived> {
  const dossierId = options.dossierId ?? randomUUID();
  const unitCode = options.unitCode ?? '19753';
  const subjectCommuneCode = options.subjectCommuneCode ?? unitCode;
  const at = options.at ?? new Date('2026-11-24T02:00:00Z');
  const dueAt = new Date(at.getTime() + 3 * 86_400_000);
  const { name, phone, email, communeCode, accountSubject } = {
    name: 'Hồ Thị Lan',
    phone: '0905000111',
    email: null,
    communeCode: subjectCommuneCode,
    accountSubject: null,
    ...options.applicant,
  };
  const contact = sealedForTests({ name, phone, email }, DossierReceived.type, dossierId);
  // Built here rather than with the messaging library's factory, which tests of that library import this from.
  return {
    id: uuidv7({ msecs: at.getTime() }),
    type: DossierReceived.type,
    version: DossierReceived.version,
    occurredAt: at.toISOString(),
    source: 'intake',
    subject: dossierId,
    correlationId: dossierId,
    causationId: null,
    actor: { kind: 'system', id: 'test' },
    payload: {
      dossierId,
      code: options.code ?? `${unitCode}-261124-${String(Math.floor(Math.random() * 9000) + 1000)}`,
      provinceCode: '46',
      receivingUnitCode: unitCode,
      channel: 'counter',
      procedure: {
        code: 'HKD-DANGKY',
        version: 1,
        name: { vi: 'Đăng ký hộ kinh doanh', en: 'Household business registration' },
        competentLevel: { kind: 'commune' },
        processingTime: { unit: 'working-days', amount: 3 },
        clockPausesForCitizen: true,
      },
      applicant: { communeCode, accountSubject, contact },
      subjectCommuneCode,
      documents: [],
      receivedAt: at.toISOString(),
      countingFrom: at.toISOString(),
      dueAt: dueAt.toISOString(),
      appointmentDate: dueAt.toISOString().slice(0, 10),
    },
  };
}

type SignatureRequestPayload = PayloadOf<typeof SignatureRequested>;

/**
 * A `SignatureRequested` as routing publishes it when a Phú Xuân leader approves a household
 * business registration; `applicantName` is sealed as routing seals it.
 */
export function signatureRequestedEvent(
  options: Partial<Omit<SignatureRequestPayload, 'applicant'>> & {
    signerId: string;
    applicantName?: string;
    at?: Date;
  },
): EnvelopeOf<typeof SignatureRequested> {
  const { applicantName = 'Hồ Thị Lan', at = new Date(), ...fields } = options;
  const dossierId = fields.dossierId ?? randomUUID();
  const unitCode = fields.unitCode ?? '19753';
  return {
    id: uuidv7({ msecs: at.getTime() }),
    type: SignatureRequested.type,
    version: SignatureRequested.version,
    occurredAt: at.toISOString(),
    source: 'routing',
    subject: dossierId,
    correlationId: randomUUID(),
    causationId: null,
    actor: { kind: 'system', id: 'test' },
    payload: {
      requestId: randomUUID(),
      code: `${unitCode}-261124-0042`,
      provinceCode: '46',
      unitCode,
      procedure: { code: 'HKD-DANGKY', name: { vi: 'Đăng ký hộ kinh doanh', en: 'Household business registration' } },
      outcome: 'approved',
      reason: null,
      receivingUnitCode: unitCode,
      applicantAccountSubject: null,
      ...fields,
      dossierId,
      applicant: sealedForTests({ name: applicantName }, SignatureRequested.type, dossierId),
    },
  };
}
