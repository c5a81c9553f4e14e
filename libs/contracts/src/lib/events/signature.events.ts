import { z } from 'zod';
import { defineEvent } from '../event-registry';
import { TOPICS } from '../topics';

const bilingual = z.object({ vi: z.string(), en: z.string() });

/**
 * A decision (approval or rejection) needs the competent official's signature on its result. The
 * request carries what the result document shows, so the signature service needs no other source.
 */
export const SignatureRequested = defineEvent({
  type: 'SignatureRequested',
  version: 1,
  topic: TOPICS.signature,
  payload: z.object({
    requestId: z.uuid(),
    dossierId: z.uuid(),
    code: z.string(),
    provinceCode: z.string(),
    unitCode: z.string(),
    procedure: z.object({ code: z.string(), name: bilingual }),
    outcome: z.enum(['approved', 'rejected']),
    reason: z.string().nullable(),
    applicantName: z.string(),
    /** The official whose certificate signs: the one who decided. */
    signerId: z.string(),
    /**
     * Who else may read the result, which names the applicant: the unit that received the dossier
     * and the applicant's citizen account (null for a dossier filed without one). Optional: requests
     * published before they were carried still read, and their results stay with the processing
     * unit and the province.
     */
    receivingUnitCode: z.string().optional(),
    applicantAccountSubject: z.string().nullable().optional(),
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
