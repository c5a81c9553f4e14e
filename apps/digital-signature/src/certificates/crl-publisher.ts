import { Inject, Injectable } from '@nestjs/common';
import { encodeInteger, toWebCryptoKey } from '@onestop/pades';
import { Clock, ProblemException } from '@onestop/platform';
import * as x509 from '@peculiar/x509';
import { DataSource } from 'typeorm';
import { PKI_MATERIAL, PkiMaterial } from '../pki/pki-directory';
import { CertificateRegistry } from './certificate-registry';

const DAY = 86_400_000;

/** Signs the issuing CA's CRL from the registry's revocations, on demand, with a rising CRL number. */
@Injectable()
export class CrlPublisher {
  constructor(
    private readonly registry: CertificateRegistry,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(PKI_MATERIAL) private readonly pki: PkiMaterial,
  ) {}

  async current(): Promise<Buffer> {
    const issuer = this.pki.crlIssuer;
    if (!issuer) throw new ProblemException(404, 'Not found', { detail: 'this deployment holds no CA key; the CA publishes its own CRL' });
    const revoked = await this.registry.revocationsIssuedBy(issuer.certificate);
    const [{ number }] = await this.dataSource.query(`SELECT nextval('crl_numbers')::int AS number`);
    const now = this.clock.now();
    const signingKey = await toWebCryptoKey(issuer.privateKey);
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
