import { DossierReceived, EnvelopeOf } from '@onestop/contracts';
import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

type Received = EnvelopeOf<typeof DossierReceived>['payload'];

export interface ReceivedOptions {
  dossierId?: string;
  code?: string;
  /** The receiving desk, and the commune the matter concerns (the same unless said otherwise). */
  unitCode?: string;
  subjectCommuneCode?: string;
  applicant?: Partial<Received['applicant']>;
  /** When the event happened; the dossier is received then, due three days later. */
  at?: Date;
}

/**
 * A `DossierReceived` as intake publishes it for a household business registration (3 working days),
 * received Tuesday 24 November 2026 at 09:00 in Huế unless `at` says otherwise: for consumers'
 * tests and benchmarks that need intake's event without intake.
 */
export function dossierReceivedEvent(options: ReceivedOptions = {}): EnvelopeOf<typeof DossierReceived> {
  const dossierId = options.dossierId ?? randomUUID();
  const unitCode = options.unitCode ?? '19753';
  const subjectCommuneCode = options.subjectCommuneCode ?? unitCode;
  const at = options.at ?? new Date('2026-11-24T02:00:00Z');
  const dueAt = new Date(at.getTime() + 3 * 86_400_000);
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
      applicant: { name: 'Hồ Thị Lan', phone: '0905000111', email: null, communeCode: subjectCommuneCode, accountSubject: null, ...options.applicant },
      subjectCommuneCode,
      documents: [],
      receivedAt: at.toISOString(),
      countingFrom: at.toISOString(),
      dueAt: dueAt.toISOString(),
      appointmentDate: dueAt.toISOString().slice(0, 10),
    },
  };
}
