import { z } from 'zod';
import { defineEvent } from '../event-registry';
import { TOPICS } from '../topics';
import { sealedBoxSchema } from './sealed';

const bilingual = z.object({ vi: z.string(), en: z.string() });

const requestPayload = z.object({
  requestId: z.uuid(),
  dossierId: z.uuid(),
  code: z.string(),
  provinceCode: z.string(),
  unitCode: z.string(),
  procedure: z.object({ code: z.string(), name: bilingual }),
  outcome: z.enum(['approved', 'rejected']),
  reason: z.string().nullable(),
  /** The official whose certificate signs: the one who decided. */
  signerId: z.string(),
});

/**
 * Version 1 of SignatureRequested: the applicant's name in the clear. Still read, no longer
 * published. Requests published before the readers were carried leave their results with the
 * processing unit and the province.
 */
export const SignatureRequestedV1 = defineEvent({
  type: 'SignatureRequested',
  version: 1,
  topic: TOPICS.signature,
  payload: requestPayload.extend({
    applicantName: z.string(),
    receivingUnitCode: z.string().optional(),
    applicantAccountSubject: z.string().nullable().optional(),
  }),
});

/**
 * A decision (approval or rejection) needs the competent official's signature on its result. The
 * request carries what the result document shows, so the signature service needs no other source.
 */
export const SignatureRequested = defineEvent({
  type: 'SignatureRequested',
  version: 2,
  topic: TOPICS.signature,
  payload: requestPayload.extend({
    /** The applicant's name (applicantNameContentsSchema), sealed for the signature service. */
    applicant: sealedBoxSchema,
    /**
     * Who else may read the result, which names the applicant: the unit that received the dossier
     * and the applicant's citizen account (null for a dossier filed without one).
     */
    receivingUnitCode: z.string(),
    applicantAccountSubject: z.string().nullable(),
  }),
});

/** The result document carries a valid signature; the document is kept by the signature service. */
export const DocumentSigned = defineEvent({
  type: 'DocumentSigned',
  version: 1,
  topic: TOPICS.signature,
  payload: z.object({
    requestId: z.uuid().nullable(),
    dossierId: z.uuid().nullable(),
    documentId: z.uuid(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    signerId: z.string(),
    certificateSerial: z.string(),
    level: z.enum(['B-B', 'B-T']),
    /** The time-stamp's time for B-T; the claimed signing time for B-B. */
    signedAt: z.iso.datetime({ offset: true }),
  }),
});

/** The requested signature could not be made; the dossier stays in processing with this reason. */
export const SignatureFailed = defineEvent({
  type: 'SignatureFailed',
  version: 1,
  topic: TOPICS.signature,
  payload: z.object({
    requestId: z.uuid(),
    dossierId: z.uuid(),
    signerId: z.string(),
    reason: z.string(),
  }),
});
