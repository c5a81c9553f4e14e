import { signingTimeOf, trustOf, VerificationReport, verdictOf } from './verdict';

type Signature = VerificationReport['signatures'][number];

const goodSignature: Signature = {
  signer: { commonName: 'Trần Thị Bình', subject: 'CN=Trần Thị Bình', serialNumber: '01', issuer: 'CN=OneStop CA' },
  claimedSigningTime: '2026-11-24T02:00:00.000Z',
  level: 'B-T',
  timestamp: { time: '2026-11-24T02:00:05.000Z', valid: true, authority: 'CN=TSA' },
  coversWholeDocument: true,
  bytesAfter: 0,
  changesAfter: 'none',
  integrity: 'intact',
  signatureValue: 'valid',
  chain: { status: 'valid', path: ['CN=Trần Thị Bình', 'CN=OneStop CA'] },
  revocation: { status: 'good' },
  indication: 'TOTAL_PASSED',
};
const report = (signatures: Signature[], overall: Partial<VerificationReport> = {}): VerificationReport => ({
  indication: 'TOTAL_PASSED',
  documentSha256: 'ab',
  unsignedBytesAfterLastSignature: 0,
  signatures,
  ...overall,
});

describe('the verdict on a verified PDF', () => {
  it('is valid only when every signature is intact, trusted and not revoked', () => {
    expect(verdictOf(report([goodSignature, goodSignature]))).toBe('valid');
  });

  it('says the document was changed when a byte under a signature differs or content was added after it', () => {
    expect(
      verdictOf(
        report([{ ...goodSignature, integrity: 'modified', indication: 'TOTAL_FAILED' }], {
          indication: 'TOTAL_FAILED',
        }),
      ),
    ).toBe('changed');
    expect(
      verdictOf(
        report([{ ...goodSignature, changesAfter: 'content' }], {
          indication: 'TOTAL_FAILED',
          subIndication: 'MODIFIED_AFTER_SIGNING',
        }),
      ),
    ).toBe('changed');
    expect(verdictOf(report([{ ...goodSignature, signatureValue: 'invalid' }], { indication: 'TOTAL_FAILED' }))).toBe(
      'changed',
    );
  });

  it('puts a change before a revoked or untrusted certificate, and a revocation before an unknown chain', () => {
    const revoked = { ...goodSignature, revocation: { status: 'revoked', revokedAt: '2026-11-25T00:00:00.000Z' } };
    const unknownChain = { ...goodSignature, chain: { status: 'no-chain', path: [] } };
    expect(verdictOf(report([revoked, { ...unknownChain, integrity: 'modified' }]))).toBe('changed');
    expect(verdictOf(report([revoked, unknownChain], { indication: 'INDETERMINATE' }))).toBe('revoked');
    expect(verdictOf(report([unknownChain], { indication: 'INDETERMINATE' }))).toBe('untrusted');
  });

  it('says there is no signature, or that it cannot decide, where the service could not', () => {
    expect(verdictOf(report([], { indication: 'INDETERMINATE', subIndication: 'NO_SIGNATURE_FOUND' }))).toBe(
      'unsigned',
    );
    expect(
      verdictOf(report([{ ...goodSignature, indication: 'INDETERMINATE' }], { indication: 'INDETERMINATE' })),
    ).toBe('undetermined');
  });
});

describe("a signature's time and trust", () => {
  it("takes the time-stamp's time when it is valid, else the signer's claim", () => {
    expect(signingTimeOf(goodSignature)).toEqual({ at: '2026-11-24T02:00:05.000Z', stamped: true });
    expect(signingTimeOf({ ...goodSignature, timestamp: { ...goodSignature.timestamp!, valid: false } })).toEqual({
      at: '2026-11-24T02:00:00.000Z',
      stamped: false,
    });
    expect(signingTimeOf({ ...goodSignature, timestamp: null, level: 'B-B' })).toEqual({
      at: '2026-11-24T02:00:00.000Z',
      stamped: false,
    });
  });

  it('trusts a certificate chained to the anchors and not revoked', () => {
    expect(trustOf(goodSignature)).toBe('trusted');
    expect(trustOf({ ...goodSignature, revocation: { status: 'revoked' } })).toBe('revoked');
    expect(trustOf({ ...goodSignature, chain: { status: 'out-of-validity', path: [] } })).toBe('untrusted');
  });
});
