import { Inject, Injectable } from '@nestjs/common';
import { encodeInteger, toWebCryptoKey } from '@onestop/pades';
import { Clock, ExpiringSnapshot } from '@onestop/platform';
import * as x509 from '@peculiar/x509';
import { webcrypto } from 'node:crypto';
import { PKI_MATERIAL, PkiMaterial } from '../pki/pki-directory';
import { DigitalSignatureProblems } from '../problems';
import { CertificateStore } from './certificate.store';

const DAY = 86_400_000;
/** A CRL is issued at most this often, and at once after a revocation here. */
const REISSUE_MS = 3_600_000;

/**
 * Signs the issuing CA's CRL from the registry's revocations, with a rising CRL number. The public
 * endpoint serves the CRL last issued, so requests neither sign nor use up CRL numbers.
 */
@Injectable()
export class CrlPublisher {
  private readonly issued = new ExpiringSnapshot(() => this.issue(), REISSUE_MS);
  private signingKey: Promise<webcrypto.CryptoKey> | null = null;

  constructor(
    private readonly certificates: CertificateStore,
    private readonly clock: Clock,
    @Inject(PKI_MATERIAL) private readonly pki: PkiMaterial,
  ) {}

  current(): Promise<Buffer> {
    if (!this.pki.crlIssuer) throw DigitalSignatureProblems.noCrlIssuer();
    return this.issued.get();
  }

  /** A certificate was revoked (and committed): the next request gets a new CRL. */
  revoked(): void {
    this.issued.invalidate();
  }

  private async issue(): Promise<Buffer> {
    const issuer = this.pki.crlIssuer!;
    const revoked = await this.certificates.revocationsIssuedBy(issuer.certificate.subject);
    const number = await this.certificates.nextCrlNumber();
    const now = this.clock.now();
    this.signingKey ??= toWebCryptoKey(issuer.privateKey);
    const signingKey = await this.signingKey;
    const crl = await x509.X509CrlGenerator.create({
      issuer: new x509.Name(issuer.certificate.asn.tbsCertificate.subject),
      thisUpdate: now,
      nextUpdate: new Date(now.getTime() + DAY),
      signingAlgorithm: signingKey.algorithm,
      signingKey,
      extensions: [new x509.Extension('2.5.29.20', false, encodeInteger(number))], // cRLNumber
      entries: revoked.map((entry) => ({
        serialNumber: entry.serialNumber,
        revocationDate: entry.revokedAt,
        reason: x509.X509CrlReason[entry.reason as keyof typeof x509.X509CrlReason] ?? x509.X509CrlReason.unspecified,
      })),
    });
    return Buffer.from(crl.rawData);
  }
}
