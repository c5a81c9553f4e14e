import { Certificate } from './certificate';
import { validateChain } from './chain';
import { sha256 } from './cms';
import { CmsFormatError, SignedMessage } from './cms-reader';
import { OID } from './oids';
import { laterRevisionsOnlyAddSignatures, loadPdf } from './pdf-revisions';
import { findSignatures, PdfSignature, signedParts } from './pdf-signatures';
import { readTimeStampToken, TimeStampError } from './timestamp';
import { AsnConvert } from '@peculiar/asn1-schema';
import { SigningCertificateV2 } from './ess';

/** ETSI EN 319 102-1 main indications. */
export type Indication = 'TOTAL_PASSED' | 'TOTAL_FAILED' | 'INDETERMINATE';

export interface Revocation {
  revokedAt: Date;
  reason: string;
}

/** What the verifier trusts and where it learns of revocations. */
export interface VerificationPolicy {
  trustAnchors: Certificate[];
  /** Intermediate CAs known beforehand, besides those a signature carries. */
  intermediates: Certificate[];
  /** null: not revoked; undefined: the certificate is unknown to the revocation source. */
  revocationOf(certificate: Certificate): Promise<Revocation | null | undefined> | Revocation | null | undefined;
  now: Date;
}

export interface SignatureReport {
  signer: { commonName: string; subject: string; serialNumber: string; issuer: string } | null;
  claimedSigningTime: string | null;
  level: 'B-B' | 'B-T' | null;
  timestamp: { time: string; valid: boolean; authority: string | null; problem?: string } | null;
  coversWholeDocument: boolean;
  /** Bytes after the revision this signature covers: later signatures, or unsigned changes. */
  bytesAfter: number;
  /** What those bytes do: nothing, only add later signatures, or change the content. */
  changesAfter?: 'none' | 'signatures-only' | 'content';
  integrity: 'intact' | 'modified' | 'unknown';
  signatureValue: 'valid' | 'invalid' | 'unknown';
  chain: { status: string; path: string[]; problem?: string };
  revocation: { status: 'good' | 'revoked' | 'unknown'; revokedAt?: string; reason?: string };
  indication: Indication;
  subIndication?: string;
}

export interface VerificationReport {
  indication: Indication;
  subIndication?: string;
  documentSha256: string;
  /** Bytes after the last signature that no signature covers. */
  unsignedBytesAfterLastSignature: number;
  signatures: SignatureReport[];
}

const RANK: Record<Indication, number> = { TOTAL_PASSED: 0, INDETERMINATE: 1, TOTAL_FAILED: 2 };

/** Verifies every signature of a PDF and the document as a whole. */
export async function verifyPdf(pdf: Buffer, policy: VerificationPolicy): Promise<VerificationReport> {
  const found = findSignatures(pdf);
  const signatures = await Promise.all(found.map((signature) => verifySignature(pdf, signature, policy)));
  const documentSha256 = sha256(pdf).toString('hex');
  const unsignedBytes = found.length ? found.at(-1)!.bytesAfter : pdf.length;
  if (!found.length)
    return {
      indication: 'INDETERMINATE',
      subIndication: 'NO_SIGNATURE_FOUND',
      documentSha256,
      unsignedBytesAfterLastSignature: unsignedBytes,
      signatures,
    };
  // What follows a signature may only be later signatures; the last one leaves nothing after it.
  const whole = lazily(() => loadPdf(pdf));
  for (const [index, signature] of found.entries()) {
    if (signature.bytesAfter === 0) signatures[index].changesAfter = 'none';
    else if (
      index < found.length - 1 &&
      (await laterRevisionsOnlyAddSignatures(pdf, pdf.length - signature.bytesAfter, whole))
    )
      signatures[index].changesAfter = 'signatures-only';
    else signatures[index].changesAfter = 'content';
  }
  // Content changed after a signature is not what its signer signed: a page overlaid or replaced
  // would show the citizen something else, so the document as a whole fails.
  if (signatures.some((signature) => signature.changesAfter === 'content')) {
    return {
      indication: 'TOTAL_FAILED',
      subIndication: 'MODIFIED_AFTER_SIGNING',
      documentSha256,
      unsignedBytesAfterLastSignature: unsignedBytes,
      signatures,
    };
  }
  const worst = signatures.reduce((a, b) => (RANK[b.indication] > RANK[a.indication] ? b : a));
  return {
    indication: worst.indication,
    subIndication: worst.subIndication,
    documentSha256,
    unsignedBytesAfterLastSignature: 0,
    signatures,
  };
}

/** Loads the whole document at most once, and only when an earlier signature needs comparing. */
function lazily<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}

async function verifySignature(
  pdf: Buffer,
  signature: PdfSignature,
  policy: VerificationPolicy,
): Promise<SignatureReport> {
  const report: SignatureReport = {
    signer: null,
    claimedSigningTime: signature.claimedSigningTime?.toISOString() ?? null,
    level: null,
    timestamp: null,
    coversWholeDocument: signature.wellFormedRange && signature.bytesAfter === 0,
    bytesAfter: signature.bytesAfter,
    integrity: 'unknown',
    signatureValue: 'unknown',
    chain: { status: 'unknown', path: [] },
    revocation: { status: 'unknown' },
    indication: 'INDETERMINATE',
  };
  const fail = (subIndication: string): SignatureReport => ({ ...report, indication: 'TOTAL_FAILED', subIndication });
  const indeterminate = (subIndication: string): SignatureReport => ({
    ...report,
    indication: 'INDETERMINATE',
    subIndication,
  });
  if (!signature.wellFormedRange) return fail('FORMAT_FAILURE');

  let message: SignedMessage;
  try {
    message = SignedMessage.parse(signature.contents);
  } catch (error) {
    if (error instanceof CmsFormatError) return fail('FORMAT_FAILURE');
    throw error;
  }
  const signer = message.signerCertificate;
  if (!signer) return indeterminate('NO_SIGNING_CERTIFICATE_FOUND');
  report.signer = {
    commonName: signer.commonName,
    subject: signer.subject,
    serialNumber: signer.serialNumber,
    issuer: signer.issuer,
  };

  const digest = message.digestOf(...signedParts(pdf, signature));
  if (!digest) return indeterminate('CRYPTO_CONSTRAINTS_FAILURE_NO_POE');
  const { digestMatches, signatureValid } = message.verifySignature(digest);
  report.integrity = digestMatches ? 'intact' : 'modified';
  report.signatureValue = signatureValid ? 'valid' : 'invalid';
  if (!digestMatches) return fail('HASH_FAILURE');
  if (!signatureValid) return fail('SIG_CRYPTO_FAILURE');
  if (!boundToSigner(message, signer)) return fail('SIG_CONSTRAINTS_FAILURE');
  if (!signer.mayCreateSignatures) return fail('SIG_CONSTRAINTS_FAILURE');

  // The time the signature is known to have existed: the TSA's, or, without one, only now.
  let proofOfExistence: Date | null = null;
  const token = message.unsignedAttribute(OID.signatureTimeStampToken);
  report.level = token ? 'B-T' : 'B-B';
  if (token) {
    proofOfExistence = checkTimeStamp(token, message.signatureValue, report, policy);
    if (!proofOfExistence) return indeterminate('TIMESTAMP_NOT_VALID');
  }
  const validationTime = proofOfExistence ?? policy.now;

  const chain = validateChain(
    signer,
    [...message.certificates, ...policy.intermediates],
    policy.trustAnchors,
    validationTime,
  );
  report.chain = { status: chain.status, path: chain.path.map((c) => c.subject), problem: chain.problem };
  if (chain.status === 'no-chain' || chain.status === 'not-a-ca') return indeterminate('NO_CERTIFICATE_CHAIN_FOUND');
  if (chain.status === 'out-of-validity') return indeterminate(proofOfExistence ? 'EXPIRED' : 'OUT_OF_BOUNDS_NO_POE');

  const revocation = await policy.revocationOf(signer);
  if (revocation === undefined) return indeterminate('TRY_LATER');
  if (revocation === null) report.revocation = { status: 'good' };
  else {
    report.revocation = { status: 'revoked', revokedAt: revocation.revokedAt.toISOString(), reason: revocation.reason };
    // Revoked after a time-stamp proves the signature existed: still valid (ETSI EN 319 102-1).
    if (!proofOfExistence) return indeterminate('REVOKED_NO_POE');
    if (revocation.revokedAt <= proofOfExistence) return fail('REVOKED');
  }
  return { ...report, indication: 'TOTAL_PASSED' };
}

/** signing-certificate-v2 must name the certificate that verified the signature. */
function boundToSigner(message: SignedMessage, signer: Certificate): boolean {
  const value = message.signedAttribute(OID.signingCertificateV2);
  if (!value) return false;
  try {
    const [first] = AsnConvert.parse(value, SigningCertificateV2).certs;
    return !first.hashAlgorithm || first.hashAlgorithm.algorithm === OID.sha256
      ? Buffer.from(first.certHash.buffer).equals(sha256(signer.der))
      : false;
  } catch {
    return false;
  }
}

function checkTimeStamp(
  token: Buffer,
  signatureValue: Buffer,
  report: SignatureReport,
  policy: VerificationPolicy,
): Date | null {
  try {
    const info = readTimeStampToken(token, sha256(signatureValue));
    const tsa = info.tsaCertificate;
    const chain = tsa
      ? validateChain(tsa, [...info.certificates, ...policy.intermediates], policy.trustAnchors, info.genTime)
      : null;
    const trusted = chain?.status === 'valid';
    const problem =
      info.problem ?? (trusted ? undefined : (chain?.problem ?? 'the time-stamping authority is not trusted'));
    report.timestamp = {
      time: info.genTime.toISOString(),
      valid: info.valid && trusted,
      authority: tsa?.commonName ?? null,
      problem,
    };
    return info.valid && trusted ? info.genTime : null;
  } catch (error) {
    if (!(error instanceof TimeStampError) && !(error instanceof CmsFormatError)) throw error;
    report.timestamp = { time: '', valid: false, authority: null, problem: error.message };
    return null;
  }
}
