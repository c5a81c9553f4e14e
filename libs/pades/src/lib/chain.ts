import { Certificate } from './certificate';

export type ChainStatus = 'valid' | 'no-chain' | 'out-of-validity' | 'not-a-ca';

export interface ChainResult {
  status: ChainStatus;
  /** From the certificate up to the trust anchor, as far as it could be built. */
  path: Certificate[];
  problem?: string;
}

/**
 * Builds and checks the path from a certificate to one of the trust anchors at the given time:
 * each link's signature, each certificate's validity period, and that issuers are CAs allowed to
 * sign certificates. Revocation is the caller's (it knows where revocation data comes from).
 */
export function validateChain(leaf: Certificate, pool: Certificate[], anchors: Certificate[], at: Date): ChainResult {
  const path = [leaf];
  const isAnchor = (certificate: Certificate) =>
    anchors.some((anchor) => anchor.fingerprint === certificate.fingerprint);
  for (let current = leaf; path.length <= 8;) {
    if (!current.isValidAt(at))
      return { status: 'out-of-validity', path, problem: `${current.subject} is not valid at ${at.toISOString()}` };
    if (isAnchor(current)) return { status: 'valid', path };
    const issuer = [...anchors, ...pool].find(
      (candidate) => candidate.fingerprint !== current.fingerprint && current.isIssuedBy(candidate),
    );
    if (!issuer) return { status: 'no-chain', path, problem: `no trusted issuer found for ${current.subject}` };
    if (!issuer.maySignCertificates)
      return { status: 'not-a-ca', path, problem: `${issuer.subject} may not issue certificates` };
    path.push(issuer);
    current = issuer;
  }
  return { status: 'no-chain', path, problem: 'the chain is longer than 8 certificates' };
}
