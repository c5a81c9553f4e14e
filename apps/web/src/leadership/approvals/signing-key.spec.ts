import type { Certificate } from './queries';
import { signingKeyOf } from './signing-key';

const NOW = Date.parse('2026-11-24T08:00:00Z');

function certificate(overrides: Partial<Certificate>): Certificate {
  return {
    id: 'c1',
    commonName: 'Nguyễn Văn A',
    fingerprint: 'f',
    importedAt: '2026-01-01T00:00:00Z',
    issuer: 'CA',
    keyStorage: 'server',
    lockReason: null,
    notAfter: '2027-01-01T00:00:00Z',
    notBefore: '2025-01-01T00:00:00Z',
    revocationReason: null,
    revokedAt: null,
    serialNumber: '01',
    status: 'active',
    subject: 'CN=A',
    unitCode: '19753',
    userId: 'leader',
    ...overrides,
  };
}

describe('signingKeyOf', () => {
  it('says the service signs when the newest usable certificate has its key held there', () => {
    expect(signingKeyOf([certificate({})], NOW)).toMatchObject({ kind: 'server' });
  });

  it('takes the newest certificate neither revoked nor expired, as the signature service does', () => {
    const older = certificate({ id: 'old', keyStorage: 'server', importedAt: '2026-01-01T00:00:00Z' });
    const newer = certificate({ id: 'new', keyStorage: 'device', importedAt: '2026-06-01T00:00:00Z' });
    const revoked = certificate({
      id: 'revoked',
      importedAt: '2026-09-01T00:00:00Z',
      status: 'revoked',
      revokedAt: '2026-09-02T00:00:00Z',
    });
    const expired = certificate({
      id: 'expired',
      importedAt: '2026-10-01T00:00:00Z',
      notAfter: '2026-11-01T00:00:00Z',
    });
    expect(signingKeyOf([older, revoked, newer, expired], NOW)).toMatchObject({
      kind: 'device',
      certificate: { id: 'new' },
    });
  });

  it('warns of a locked key and of no usable certificate', () => {
    expect(signingKeyOf([certificate({ status: 'locked', lockReason: 'USB token lost' })], NOW)).toMatchObject({
      kind: 'locked',
    });
    expect(signingKeyOf([certificate({ notAfter: '2026-01-01T00:00:00Z' })], NOW)).toEqual({ kind: 'none' });
    expect(signingKeyOf([], NOW)).toEqual({ kind: 'none' });
  });
});
