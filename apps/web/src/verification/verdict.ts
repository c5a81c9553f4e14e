import type { components } from '../api/generated/digital-signature';

export type VerificationReport = components['schemas']['VerificationReportDto'];
export type SignatureReport = VerificationReport['signatures'][number];

/**
 * The one sentence a citizen needs: is this the document as the office signed it, signed by
 * someone the province trusts? The most serious finding decides.
 */
export type Verdict = 'valid' | 'changed' | 'revoked' | 'untrusted' | 'unsigned' | 'undetermined';

export function verdictOf(report: VerificationReport): Verdict {
  const { signatures } = report;
  if (signatures.length === 0) return 'unsigned';
  const changed =
    report.subIndication === 'MODIFIED_AFTER_SIGNING' ||
    signatures.some(
      (signature) =>
        signature.integrity === 'modified' ||
        signature.signatureValue === 'invalid' ||
        signature.changesAfter === 'content',
    );
  if (changed) return 'changed';
  if (signatures.some((signature) => signature.revocation.status === 'revoked')) return 'revoked';
  if (signatures.some((signature) => signature.chain.status !== 'valid')) return 'untrusted';
  return report.indication === 'TOTAL_PASSED' ? 'valid' : 'undetermined';
}

/** When the signature was made: the time-stamp authority's time when there is one, else the signer's own claim. */
export function signingTimeOf(signature: SignatureReport): { at: string | null; stamped: boolean } {
  if (signature.timestamp?.valid) return { at: signature.timestamp.time, stamped: true };
  return { at: signature.claimedSigningTime, stamped: false };
}

/** A signature is trusted when its certificate chains to the province's anchors and is not revoked. */
export function trustOf(signature: SignatureReport): 'trusted' | 'revoked' | 'untrusted' {
  if (signature.revocation.status === 'revoked') return 'revoked';
  return signature.chain.status === 'valid' ? 'trusted' : 'untrusted';
}
