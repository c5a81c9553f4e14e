import type { Certificate } from './queries';

/**
 * How the leader's decisions get signed, decided as the signature service decides it: the newest
 * of his certificates neither revoked nor expired signs. A key the service holds signs the moment
 * the decision is taken; a key on a device or remote waits for the two-step signature; a locked
 * key or no certificate at all makes the signature fail and the dossier return to processing.
 */
export type SigningKey =
  | { kind: 'server'; certificate: Certificate }
  | { kind: 'device'; certificate: Certificate }
  | { kind: 'locked'; certificate: Certificate }
  | { kind: 'none' };

export function signingKeyOf(certificates: readonly Certificate[], now = Date.now()): SigningKey {
  const current = [...certificates]
    .filter(
      (certificate) =>
        !certificate.revokedAt && certificate.status !== 'revoked' && new Date(certificate.notAfter).getTime() > now,
    )
    .sort((a, b) => new Date(b.importedAt).getTime() - new Date(a.importedAt).getTime())[0];
  if (!current) return { kind: 'none' };
  if (current.status === 'locked') return { kind: 'locked', certificate: current };
  return { kind: current.keyStorage === 'device' ? 'device' : 'server', certificate: current };
}
