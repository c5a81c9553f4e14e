import type { Tone } from '../../ui/Pill';
import type { Certificate } from './queries';

/** How a certificate stands for signing, in the words the screen uses. */
export type CertificateState = 'valid' | 'locked' | 'revoked' | 'expired' | 'not-yet-valid';

/**
 * Every state that applies, the one that decides first: a revoked certificate is only revoked; a
 * locked one is locked and may also have expired (an administrator may still unlock it, to no use).
 */
export function statesOf(
  certificate: Pick<Certificate, 'status' | 'notBefore' | 'notAfter'>,
  now = Date.now(),
): CertificateState[] {
  if (certificate.status === 'revoked') return ['revoked'];
  const period: CertificateState =
    Date.parse(certificate.notAfter) < now
      ? 'expired'
      : Date.parse(certificate.notBefore) > now
        ? 'not-yet-valid'
        : 'valid';
  if (certificate.status === 'locked') return period === 'valid' ? ['locked'] : ['locked', period];
  return [period];
}

export const STATE_COLOURS: Record<CertificateState, Tone> = {
  valid: 'green',
  locked: 'orange',
  revoked: 'red',
  expired: 'grey',
  'not-yet-valid': 'blue',
};
