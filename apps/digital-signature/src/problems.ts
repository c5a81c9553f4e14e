import { invalidRequest, ProblemException, unprocessableRequest } from '@onestop/platform';

const notFound = (detail: string) => new ProblemException(404, 'Not found', { detail });
const unsupportedMediaType = (detail: string) => new ProblemException(415, 'Unsupported media type', { detail });

/**
 * Every problem the digital-signature service answers with, by what went wrong. Titles, statuses
 * and field codes are part of the API: clients and tests branch on them.
 */
export const DigitalSignatureProblems = {
  // The registry of certificates.
  certificateNotFound: (id?: string) => notFound(id ? `no certificate ${id}` : 'no such certificate'),
  chainUnreadable: (message: string) => invalidRequest([{ field: 'chainPem', code: 'invalidFormat', message }]),
  chainRefused: (message: string) => unprocessableRequest([{ field: 'chainPem', code: 'certificateRefused', message }]),
  unitOutsideProvince: (provinceCode: string | null) =>
    unprocessableRequest([
      {
        field: 'unitCode',
        code: 'notOwnProvince',
        message: `is not a unit of your province, ${provinceCode ?? 'none'}`,
      },
    ]),
  privateKeyUnreadable: () =>
    invalidRequest([
      { field: 'privateKeyPem', code: 'invalidFormat', message: 'is not an unencrypted PEM private key' },
    ]),
  privateKeyMismatch: () =>
    unprocessableRequest([
      { field: 'privateKeyPem', code: 'keyMismatch', message: "does not match the certificate's public key" },
    ]),
  certificateRegistered: (fingerprint: string) =>
    new ProblemException(409, 'Certificate already registered', {
      detail: `the certificate ${fingerprint} is in the registry`,
    }),
  alreadyRevoked: (id: string) =>
    new ProblemException(409, 'Already revoked', { detail: `certificate ${id} is revoked already` }),
  revokedCannotLock: () =>
    new ProblemException(409, 'Revoked', { detail: 'a revoked certificate can be neither locked nor unlocked' }),
  onlyAdministratorUnlocks: () =>
    new ProblemException(403, 'Not allowed', { detail: 'only a province administrator unlocks a key' }),
  noCrlIssuer: () => notFound('this deployment holds no CA key; the CA publishes its own CRL'),

  // Signing.
  noSuchResource: () => notFound('no such resource'),
  preparationNotFound: (id: string) => notFound(`no preparation ${id}`),
  documentNotFound: (id: string) => notFound(`no document ${id}`),
  waitingRequestNotFound: (id: string) => notFound(`no signature request ${id} waiting for you`),
  noProvince: () => new ProblemException(403, 'Not allowed', { detail: 'signing needs an official of a province' }),
  notExactlyOneSource: () =>
    invalidRequest([
      {
        field: 'document',
        code: 'exactlyOne',
        message: 'give exactly one of document, documentId and requestId',
        params: { of: ['document', 'documentId', 'requestId'] },
      },
    ]),
  certificateNotYours: () =>
    unprocessableRequest([
      { field: 'certificateId', code: 'notYours', message: 'is not a certificate registered to you' },
    ]),
  documentNotYours: () =>
    unprocessableRequest([{ field: 'documentId', code: 'notYours', message: 'is not a document you may read' }]),
  documentUnreadable: (message: string) =>
    unprocessableRequest([{ field: 'document', code: 'invalidFormat', message }]),
  signatureValueUnreadable: (message: string) =>
    unprocessableRequest([{ field: 'signatures.0', code: 'invalidFormat', message }]),
  signatureRefused: (message: string) => new ProblemException(409, 'Signature refused', { detail: message }),
  timeStampingUnavailable: (message: string) =>
    new ProblemException(503, 'Time-stamping unavailable', { detail: message }),
  preparationCompleted: () =>
    new ProblemException(409, 'Already completed', { detail: 'this preparation has been completed' }),
  preparationExpired: () => new ProblemException(409, 'Expired', { detail: 'the preparation expired; prepare again' }),

  // Verification and time-stamping.
  pdfExpected: () => unsupportedMediaType('send the PDF itself as application/pdf'),
  emptyPdf: () => invalidRequest([{ field: 'body', code: 'isNotEmpty', message: 'is empty: send the PDF' }]),
  uploadUnreadable: (message: string) => unprocessableRequest([{ field: 'body', code: 'invalidFormat', message }]),
  noSignedResult: (code: string) => notFound(`no signed result for ${code}`),
  externalTsa: () => notFound('this deployment uses an external time-stamping authority'),
  timeStampQueryExpected: () => unsupportedMediaType('send an RFC 3161 request as application/timestamp-query'),
};
