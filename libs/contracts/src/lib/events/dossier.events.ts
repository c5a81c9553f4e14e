import { z } from 'zod';
import { defineEvent } from '../event-registry';
import { TOPICS } from '../topics';
import { sealedBoxSchema } from './sealed';

/** National status codes of the one-stop process, synced to the National Public Service Portal. */
export const DOSSIER_STATUS = {
  submittedOnline: 1,
  received: 2,
  refusedAtIntake: 3,
  processing: 4,
  supplementRequested: 5,
  feesDue: 6,
  withdrawn: 7,
  stopped: 8,
  done: 9,
  returned: 10,
} as const;

export type DossierStatusCode = (typeof DOSSIER_STATUS)[keyof typeof DOSSIER_STATUS];

export const dossierStatusCodeSchema = z.number().int().min(1).max(10) as unknown as z.ZodType<DossierStatusCode>;

/** What officers and citizens do to a dossier in processing; `DossierStatusChanged.action` names them (intake adds its own for reception). */
export const DOSSIER_ACTIONS = [
  'accept',
  'request-supplement',
  'supplement-received',
  'request-fees',
  'fees-paid',
  'approve',
  'reject',
  'stop',
  'transfer',
  'return-result',
  'withdraw',
] as const;
export type DossierAction = (typeof DOSSIER_ACTIONS)[number];

export const CHANNELS = ['online', 'counter', 'postal'] as const;
export const RESULT_CHANNELS = ['counter', 'post', 'electronic'] as const;

const unitCode = z.string().min(2).max(20);
const instant = z.iso.datetime({ offset: true });
const bilingual = z.object({ vi: z.string(), en: z.string() });

/** How to reach the applicant: carried to processing and to notification, never the citizen ID. */
const applicantContactSchema = z.object({
  name: z.string(),
  phone: z.string(),
  email: z.string().nullable(),
  /** The citizen's account when filed online, so the citizen can follow and withdraw it. */
  accountSubject: z.string().nullable(),
});

/** The procedure version the dossier was received under, as far as processing needs it. */
export const procedureSnapshotSchema = z.object({
  code: z.string(),
  version: z.number().int().positive(),
  name: bilingual,
  competentLevel: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('commune') }),
    z.object({ kind: z.literal('department'), department: z.string() }),
  ]),
  processingTime: z.object({ unit: z.enum(['working-days', 'working-hours']), amount: z.number().nonnegative() }),
  clockPausesForCitizen: z.boolean(),
});

/** What a received dossier's event carries besides its applicant, in every version. */
const receivedPayload = z.object({
  dossierId: z.uuid(),
  code: z.string(),
  provinceCode: z.string(),
  receivingUnitCode: unitCode,
  channel: z.enum(CHANNELS),
  procedure: procedureSnapshotSchema,
  /** The commune the matter concerns (e.g. where the land lies); the applicant's by default. */
  subjectCommuneCode: unitCode,
  documents: z.array(z.object({ type: z.string(), fileName: z.string(), sha256: z.string(), size: z.number().int() })),
  receivedAt: instant,
  countingFrom: instant,
  dueAt: instant,
  appointmentDate: z.iso.date(),
});

/** Version 1 of DossierReceived: the applicant's contact in the clear. Still read, no longer published. */
export const DossierReceivedV1 = defineEvent({
  type: 'DossierReceived',
  version: 1,
  topic: TOPICS.dossier,
  payload: receivedPayload.extend({ applicant: applicantContactSchema.extend({ communeCode: unitCode }) }),
});

/**
 * A dossier accepted at a desk (or an online one accepted by a desk officer): the start of
 * processing. The applicant's contact travels sealed (see sealedBoxSchema) for routing, whose
 * officers call the applicant, and notification; the citizen ID number never leaves intake.
 */
export const DossierReceived = defineEvent({
  type: 'DossierReceived',
  version: 2,
  topic: TOPICS.dossier,
  payload: receivedPayload.extend({
    applicant: z.object({
      communeCode: unitCode,
      /** The citizen's account when filed online, so the citizen can follow and withdraw it. */
      accountSubject: z.string().nullable(),
      /** applicantContactContentsSchema, sealed. */
      contact: sealedBoxSchema,
    }),
  }),
});

/**
 * The unit answering for a received dossier until routing names it: the commune the matter
 * concerns for a commune's procedure, the receiving desk for a department's.
 */
export function presumedCompetentUnit(received: {
  procedure: { competentLevel: { kind: string } };
  subjectCommuneCode: string;
  receivingUnitCode: string;
}): string {
  return received.procedure.competentLevel.kind === 'commune'
    ? received.subjectCommuneCode
    : received.receivingUnitCode;
}

const refusedPayload = z.object({
  dossierId: z.uuid(),
  code: z.string(),
  provinceCode: z.string(),
  receivingUnitCode: unitCode,
  procedure: z.object({ code: z.string(), name: bilingual }),
  reasons: z.string(),
  refusedAt: instant,
});

/** Version 1 of DossierRefusedAtIntake: the applicant's contact in the clear. Still read, no longer published. */
export const DossierRefusedAtIntakeV1 = defineEvent({
  type: 'DossierRefusedAtIntake',
  version: 1,
  topic: TOPICS.dossier,
  payload: refusedPayload.extend({ applicant: applicantContactSchema }),
});

/**
 * A desk refused a dossier at intake (national status 3): it never reaches processing, so the
 * applicant's contact travels here, sealed, for the notice with the reasons.
 */
export const DossierRefusedAtIntake = defineEvent({
  type: 'DossierRefusedAtIntake',
  version: 2,
  topic: TOPICS.dossier,
  /** The contact (applicantContactContentsSchema) sealed for notification. */
  payload: refusedPayload.extend({
    applicant: z.object({ accountSubject: z.string().nullable(), contact: sealedBoxSchema }),
  }),
});

/** Routing found the competent unit and, where it has officers, the one who will handle it. */
export const DossierRouted = defineEvent({
  type: 'DossierRouted',
  version: 1,
  topic: TOPICS.dossier,
  payload: z.object({
    dossierId: z.uuid(),
    code: z.string(),
    unitCode,
    assigneeId: z.string().nullable(),
    /** Null while the clock is paused (a transfer while waiting on the citizen). */
    dueAt: instant.nullable(),
  }),
});

/** Every status transition, at intake or in processing, with who did it and why. */
export const DossierStatusChanged = defineEvent({
  type: 'DossierStatusChanged',
  version: 1,
  topic: TOPICS.dossier,
  payload: z.object({
    dossierId: z.uuid(),
    code: z.string(),
    provinceCode: z.string(),
    procedureCode: z.string(),
    receivingUnitCode: unitCode,
    /** The unit handling it; null until routed. */
    unitCode: unitCode.nullable(),
    from: dossierStatusCodeSchema.nullable(),
    to: dossierStatusCodeSchema,
    action: z.string(),
    reason: z.string().nullable(),
    /** The deadline after this transition; null while the clock is paused or after the end. */
    dueAt: instant.nullable(),
    resultChannel: z.enum(RESULT_CHANNELS).nullable(),
  }),
});

/** The scores a citizen may give: 1 (very dissatisfied) to 5 (very satisfied). */
export const RATING_SCORES = [1, 2, 3, 4, 5] as const;
/** From this score up a rating counts as satisfied. */
export const SATISFIED_RATING_SCORE = 4;

/**
 * The applicant rated the service once the result was handed over (status 10): published by
 * intake once per dossier, at most. Carries where and what was rated and the score, never who
 * rated nor what they wrote: whether a comment was given, not the comment (it stays in intake),
 * so the read models that count ratings hold no personal free text.
 */
export const ServiceRated = defineEvent({
  type: 'ServiceRated',
  version: 1,
  topic: TOPICS.dossier,
  payload: z.object({
    dossierId: z.uuid(),
    code: z.string(),
    provinceCode: z.string(),
    receivingUnitCode: unitCode,
    /** The unit that processed the dossier: the one outcomes, and so ratings, are counted for. */
    unitCode,
    procedureCode: z.string(),
    score: z.number().int().min(1).max(5),
    /** Whether the applicant wrote a comment; its text is never published. */
    hasComment: z.boolean(),
    ratedAt: instant,
  }),
});
